// The responses of a call, one row per response, one column per question. Moderators get every submitted
// or withdrawn response (drafts are the author's unfinished work and stay out) with all columns. The public
// gets exactly what lib/responses/public.ts publishes: the same `where`, the same identity-free select, and
// names only through its `namedIdentities` (PUBLISH_NAMED rows only); no country, cluster, tags or
// moderation fields. Rows are read in keyset order (submittedAt, id) ascending.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { QuestionType } from "@/lib/generated/prisma/enums";
import { namedIdentities, publicResponseSelect, publishedResponse } from "@/lib/responses/public";
import type { Cell } from "./csv";
import { BATCH_SIZE } from "./limits";
import { keysetBatches, type Column, type Dataset, type Row } from "./stream";

type Question = { id: string; position: number; prompt: string; type: QuestionType };
type Answer = { questionId: string; text: string; choices: string[] };
type Key = { id: string; submittedAt: Date | null };
export type ReadOptions = { batchSize?: number; now?: Date };

const MODERATOR_COLUMNS = [
  "reference",
  "submittedAt",
  "status",
  "moderationState",
  "consent",
  "channel",
  "stakeholderGroup",
  "region",
  "country",
  "organisation",
  "onBehalfOf",
  "name",
  "clusterId",
  "clusterSize",
  "tags",
];
const PUBLIC_COLUMNS = [
  "reference",
  "submittedAt",
  "consent",
  "channel",
  "stakeholderGroup",
  "region",
  "organisation",
  "onBehalfOf",
  "name",
];

const isChoice = (type: QuestionType) => type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE";

function columnsFor(fixed: string[], questions: Question[]): Column[] {
  return [
    ...fixed.map((key) => ({ key, label: key })),
    ...questions.map((q) => ({ key: `q${q.position}`, label: `Q${q.position}. ${q.prompt}` })),
  ];
}

function answerCells(questions: Question[], answers: Answer[]): Row {
  const byQuestion = new Map(answers.map((answer) => [answer.questionId, answer]));
  const cells: Record<string, Cell> = {};
  for (const question of questions) {
    const answer = byQuestion.get(question.id);
    cells[`q${question.position}`] = isChoice(question.type) ? (answer?.choices ?? []) : (answer?.text ?? "");
  }
  return cells;
}

/** Rows after `last` in (submittedAt, id) order. */
const after = (last: Key | null): Prisma.ResponseWhereInput =>
  last?.submittedAt
    ? { OR: [{ submittedAt: { gt: last.submittedAt } }, { submittedAt: last.submittedAt, id: { gt: last.id } }] }
    : {};
const order = [{ submittedAt: "asc" }, { id: "asc" }] as const satisfies Prisma.ResponseOrderByWithRelationInput[];
const answerSelect = { select: { questionId: true, text: true, choices: true } } as const;

export function moderatorResponses(callId: string, questions: Question[], options: ReadOptions = {}): Dataset {
  const size = options.batchSize ?? BATCH_SIZE;
  const read = (last: Key | null) =>
    db.response.findMany({
      where: { AND: [{ callId, status: { in: ["SUBMITTED", "WITHDRAWN"] }, submittedAt: { not: null } }, after(last)] },
      orderBy: [...order],
      take: size,
      select: {
        id: true,
        reference: true,
        submittedAt: true,
        status: true,
        moderationState: true,
        consent: true,
        stakeholderGroup: true,
        region: true,
        country: true,
        organisation: true,
        onBehalfOf: true,
        contributorName: true,
        channel: true,
        clusterId: true,
        cluster: { select: { size: true } },
        author: { select: { profile: { select: { displayName: true } } } },
        tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { name: true } } } },
        answers: answerSelect,
      },
    });
  return {
    columns: columnsFor(MODERATOR_COLUMNS, questions),
    async *batches() {
      for await (const rows of keysetBatches(read, size)) {
        yield rows.map((r) => ({
          reference: r.reference,
          submittedAt: r.submittedAt?.toISOString(),
          status: r.status,
          moderationState: r.moderationState,
          consent: r.consent,
          stakeholderGroup: r.stakeholderGroup,
          region: r.region,
          country: r.country,
          organisation: r.organisation,
          onBehalfOf: r.onBehalfOf,
          name: r.contributorName ?? r.author?.profile?.displayName ?? null,
          channel: r.channel,
          clusterId: r.clusterId,
          clusterSize: r.cluster?.size ?? null,
          tags: r.tags.map((t) => t.tag.name),
          ...answerCells(questions, r.answers),
        }));
      }
    },
  };
}

export function publicResponses(callId: string, questions: Question[], options: ReadOptions = {}): Dataset {
  const size = options.batchSize ?? BATCH_SIZE;
  const now = options.now ?? new Date();
  const read = (last: Key | null) =>
    db.response.findMany({
      where: { AND: [{ callId, ...publishedResponse(now) }, after(last)] },
      orderBy: [...order],
      take: size,
      select: { ...publicResponseSelect, answers: answerSelect },
    });
  return {
    columns: columnsFor(PUBLIC_COLUMNS, questions),
    async *batches() {
      for await (const rows of keysetBatches(read, size)) {
        const identities = await namedIdentities(rows.filter((r) => r.consent === "PUBLISH_NAMED").map((r) => r.id));
        yield rows.map((r) => {
          const identity = identities.get(r.id)?.attribution;
          const named = identity?.kind === "named" ? identity : null;
          return {
            reference: r.reference,
            submittedAt: r.submittedAt?.toISOString(),
            consent: r.consent,
            channel: r.channel,
            stakeholderGroup: r.stakeholderGroup,
            region: r.region,
            organisation: named?.organisation ?? null,
            onBehalfOf: named?.onBehalfOf ?? null,
            name: named?.name ?? null,
            ...answerCells(questions, r.answers),
          };
        });
      }
    },
  };
}
