// Computing and storing the campaigns of a call: near-duplicate clusters of its submitted responses (method
// in ./similarity.ts), compared whole, and then the answers to each question compared on their own, so a
// campaign text pasted into one answer of otherwise different responses is found too (with its question).
// A campaign of answers whose responses all belong to one campaign of whole responses says nothing new and
// is not kept. Clustering reads every submitted response, private ones included (moderators see all), and
// replaces the call's clusters in one transaction; public pages count only published members of the
// campaigns of whole responses (lib/responses/public.ts). No "server-only" here: the demo seed and the bench run it under plain tsx, so
// the audit writer is passed in (lib/curation/clusters.ts passes recordAudit; the seed, systemAudit).
import { randomUUID } from "node:crypto";
import type { AuditInput } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ANSWER_MIN_WORDS, findClusters, type Cluster, type ClusterInput } from "./similarity";

const BATCH = 2000;
/** A 10,000-response call writes in about a second; the default 5 s leaves too little margin. */
const TRANSACTION_TIMEOUT = 60_000;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type AuditWriter = (tx: Tx, entry: AuditInput) => Promise<void>;

/** The same row recordAudit writes, for scripts that run outside Next.js (its module is server-only). */
export const systemAudit: AuditWriter = async (tx, entry) => {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      itemType: entry.itemType,
      itemId: entry.itemId,
      callId: entry.callId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
    select: { id: true },
  });
};

/**
 * The call's submitted responses, earliest submission first, read once (a page of responses, then their
 * non-empty answers): each response's answers joined in question order (`responses`, compared whole), and
 * the answers per question (`perQuestion`, compared on their own) with the response of each (`responseOf`).
 */
async function readTexts(db: Db, callId: string, questionIds: string[]) {
  const position = new Map(questionIds.map((id, index) => [id, index]));
  const responses: ClusterInput[] = [];
  const perQuestion = new Map<string, ClusterInput[]>();
  const responseOf = new Map<string, string>();
  let after: { submittedAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: { submittedAt: Date; id: string } | null = after;
    const page: { id: string; submittedAt: Date }[] = await db.$queryRaw`
      SELECT id, "submittedAt" FROM responses
      WHERE "callId" = ${callId} AND status = 'SUBMITTED' AND "submittedAt" IS NOT NULL
        ${cursor ? Prisma.sql`AND ("submittedAt", id) > (${cursor.submittedAt}, ${cursor.id})` : Prisma.empty}
      ORDER BY "submittedAt", id LIMIT ${BATCH}`;
    const answers: { id: string; responseId: string; questionId: string; text: string }[] = page.length
      ? await db.$queryRaw`
          SELECT a.id, a."responseId", a."questionId", a.text
          FROM unnest(${page.map((r) => r.id)}::text[]) WITH ORDINALITY AS p(id, n)
          JOIN answers a ON a."responseId" = p.id AND a.text <> ''
          ORDER BY p.n`
      : [];
    const answersOf = new Map<string, { questionId: string; text: string }[]>();
    for (const answer of answers) {
      responseOf.set(answer.id, answer.responseId);
      const items = perQuestion.get(answer.questionId);
      if (items) items.push({ id: answer.id, text: answer.text });
      else perQuestion.set(answer.questionId, [{ id: answer.id, text: answer.text }]);
      const own = answersOf.get(answer.responseId);
      if (own) own.push(answer);
      else answersOf.set(answer.responseId, [answer]);
    }
    for (const { id } of page) {
      const own = (answersOf.get(id) ?? []).sort((a, b) => position.get(a.questionId)! - position.get(b.questionId)!);
      responses.push({ id, text: own.map((answer) => answer.text).join("\n") });
    }
    if (page.length < BATCH) return { responses, perQuestion, responseOf };
    after = page[page.length - 1]!;
  }
}

/**
 * SQL: the response `r` is a member of the campaign `clusterId` (a value, or a column such as
 * Prisma.sql`c.id`): as a whole response, or by its answer to the campaign's question.
 */
export const isCampaignMember = (clusterId: string | Prisma.Sql) =>
  Prisma.sql`(r."clusterId" = ${clusterId}
    OR EXISTS (SELECT 1 FROM answers a WHERE a."responseId" = r.id AND a."clusterId" = ${clusterId}))`;

type AnswerCluster = Cluster & { questionId: string; responseIds: string[] };

/**
 * The campaigns of each question's answers that add to the campaigns of whole responses: one whose
 * responses all sit in a single campaign of whole responses is that campaign seen again, and is dropped.
 */
function answerClusters(
  perQuestion: Map<string, ClusterInput[]>,
  responseOf: Map<string, string>,
  responseClusters: Cluster[],
  questionOrder: string[],
): AnswerCluster[] {
  const campaignOf = new Map<string, number>();
  responseClusters.forEach((cluster, i) => cluster.members.forEach((m) => campaignOf.set(m.id, i)));
  const found: AnswerCluster[] = [];
  for (const questionId of questionOrder) {
    for (const cluster of findClusters(perQuestion.get(questionId) ?? [], ANSWER_MIN_WORDS)) {
      const responseIds = cluster.members.map((m) => responseOf.get(m.id)!);
      const campaigns = new Set(responseIds.map((id) => campaignOf.get(id)));
      if (campaigns.size === 1 && !campaigns.has(undefined)) continue;
      found.push({ ...cluster, questionId, responseIds });
    }
  }
  return found;
}

/** How many responses were submitted (or submitted again) or withdrawn since `clusteredAt`: > 0 is stale. */
export function changedSince(db: Db, callId: string, clusteredAt: Date) {
  return db.response.count({
    where: { callId, OR: [{ status: "SUBMITTED", submittedAt: { gt: clusteredAt } }, { withdrawnAt: { gt: clusteredAt } }] },
  });
}

/** `clusters` counts every campaign found, `answerClusters` those of them found in one question's answers. */
export type ClusteringSummary = {
  clusters: number;
  answerClusters: number;
  clustered: number;
  responses: number;
  clusteredAt: Date;
};

/**
 * Recomputes the campaigns of a call and records it in the audit log. `actor` is the moderator who asked
 * (already authorized by the caller), or null for the system (the demo seed, the bench).
 * @returns null when the call does not exist.
 */
export async function computeClusters(
  db: Db,
  actor: AuditInput["actor"],
  callId: string,
  audit: AuditWriter,
): Promise<ClusteringSummary | null> {
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true, clusteredAt: true } });
  if (!call) return null;
  const questions = await db.question.findMany({ where: { callId }, orderBy: { position: "asc" }, select: { id: true } });
  const questionIds = questions.map((q) => q.id);
  const { responses: items, perQuestion, responseOf } = await readTexts(db, callId, questionIds);
  // Responses a moderator added to a campaign by hand stay with it (lib/curation/campaign-links.ts).
  const links = await db.campaignLink.findMany({ where: { callId }, select: { responseId: true, withResponseId: true } });
  const clusters = findClusters(
    items,
    undefined,
    links.map((link) => [link.responseId, link.withResponseId] as const),
  );
  const clusterIds = clusters.map(() => randomUUID());
  const memberIds = clusters.flatMap((cluster) => cluster.members.map((m) => m.id));
  const memberClusters = clusters.flatMap((cluster, i) => cluster.members.map(() => clusterIds[i]!));
  const memberScores = clusters.flatMap((cluster) => cluster.members.map((m) => m.score));

  const inAnswers = answerClusters(perQuestion, responseOf, clusters, questionIds);
  const answerClusterIds = inAnswers.map(() => randomUUID());
  const answerIds = inAnswers.flatMap((cluster) => cluster.members.map((m) => m.id));
  const answerMemberClusters = inAnswers.flatMap((cluster, i) => cluster.members.map(() => answerClusterIds[i]!));
  const answerScores = inAnswers.flatMap((cluster) => cluster.members.map((m) => m.score));
  const clusteredAt = new Date();

  await db.$transaction(
    async (tx) => {
      const before = await tx.responseCluster.count({ where: { callId } });
      await tx.$executeRaw`UPDATE responses SET "clusterId" = NULL, "clusterScore" = NULL
        WHERE "callId" = ${callId} AND ("clusterId" IS NOT NULL OR "clusterScore" IS NOT NULL)`;
      await tx.$executeRaw`UPDATE answers SET "clusterId" = NULL, "clusterScore" = NULL
        WHERE "clusterId" IN (SELECT id FROM response_clusters WHERE "callId" = ${callId})`;
      await tx.responseCluster.deleteMany({ where: { callId } });
      await tx.responseCluster.createMany({
        data: [
          ...clusters.map((cluster, i) => ({
            id: clusterIds[i]!,
            callId,
            representativeId: cluster.representativeId,
            size: cluster.members.length,
            minScore: cluster.minScore,
          })),
          ...inAnswers.map((cluster, i) => ({
            id: answerClusterIds[i]!,
            callId,
            questionId: cluster.questionId,
            representativeId: cluster.responseIds[0]!,
            size: cluster.members.length,
            minScore: cluster.minScore,
          })),
        ],
      });
      await tx.$executeRaw`UPDATE answers a SET "clusterId" = v.cluster, "clusterScore" = v.score
        FROM unnest(${answerIds}::text[], ${answerMemberClusters}::text[], ${answerScores}::float8[]) AS v(id, cluster, score)
        WHERE a.id = v.id`;
      // One statement for all members, however many.
      await tx.$executeRaw`UPDATE responses r SET "clusterId" = v.cluster, "clusterScore" = v.score
        FROM unnest(${memberIds}::text[], ${memberClusters}::text[], ${memberScores}::float8[]) AS v(id, cluster, score)
        WHERE r.id = v.id AND r."callId" = ${callId}`;
      await tx.call.update({ where: { id: callId }, data: { clusteredAt }, select: { id: true } });
      await audit(tx, {
        actor,
        action: "call.cluster",
        itemType: "call",
        itemId: callId,
        callId,
        before: { clusters: before, clusteredAt: call.clusteredAt?.toISOString() ?? null },
        after: {
          clusters: clusters.length + inAnswers.length,
          answerClusters: inAnswers.length,
          clusteredResponses: memberIds.length,
          clusteredAnswers: answerIds.length,
          clusteredAt: clusteredAt.toISOString(),
        },
      });
    },
    { timeout: TRANSACTION_TIMEOUT },
  );
  return {
    clusters: clusters.length + inAnswers.length,
    answerClusters: inAnswers.length,
    clustered: memberIds.length,
    responses: items.length,
    clusteredAt,
  };
}
