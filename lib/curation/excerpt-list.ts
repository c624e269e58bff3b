// The excerpts of a call for the coding workbench and the message-set editor's side panel: filtered by tag,
// stakeholder group, region and text, each with its response's reference, group and region, and whether the
// source still reads as quoted. Citations use the excerpt's own quote, which never changes.
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { Curator } from "./access";
import { excerptStatus, type ExcerptStatus } from "./excerpt-status";
import { CURATION_LIMITS, type ExcerptFilters } from "./schemas";

export type ExcerptListItem = {
  id: string;
  quote: string;
  note: string;
  start: number;
  end: number;
  sourceVersion: number;
  createdAt: Date;
  /** Counted up by each save of its note or tags (lib/edits/revision.ts). */
  revision: number;
  question: { id: string; position: number; prompt: string };
  response: {
    id: string;
    reference: string | null;
    stakeholderGroup: StakeholderGroup | null;
    region: UnRegion | null;
    version: number;
    /** The language of the response, so of the quote (a locale). */
    language: string;
  };
  tags: { id: string; name: string }[];
  /** Against the answer's current text; "moved" carries the new offsets. */
  source: ExcerptStatus;
};

const listSelect = {
  id: true,
  quote: true,
  note: true,
  revision: true,
  start: true,
  end: true,
  sourceVersion: true,
  createdAt: true,
  responseId: true,
  question: { select: { id: true, position: true, prompt: true } },
  response: { select: { id: true, reference: true, stakeholderGroup: true, region: true, version: true, language: true } },
  tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { id: true, name: true } } } },
} as const;

/**
 * Excerpts of `callId` (newest first, at most CURATION_LIMITS.listLimit), narrowed by `filters`: a tag id,
 * a stakeholder group, a region, and `q` (words in the quote or the note, case-insensitive). `responseId`
 * narrows to one response. Whoever may read the call's forum ("forum.read"); an unknown call, or one of a
 * forum the actor has no part in, is not found.
 */
export async function listExcerpts(
  actor: Curator,
  callId: string,
  filters: ExcerptFilters & { responseId?: string } = {},
): Promise<ExcerptListItem[]> {
  authorizeIn(actor, "forum.read", await forumOf(db, "call", callId), "callNotFound");
  const where: Prisma.ExcerptWhereInput = {
    response: {
      callId,
      ...(filters.responseId && { id: filters.responseId }),
      ...(filters.group && { stakeholderGroup: filters.group }),
      ...(filters.region && { region: filters.region }),
    },
    ...(filters.tag && { tags: { some: { tagId: filters.tag } } }),
    ...(filters.q && {
      OR: [{ quote: { contains: filters.q, mode: "insensitive" } }, { note: { contains: filters.q, mode: "insensitive" } }],
    }),
  };
  const rows = await db.excerpt.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: CURATION_LIMITS.listLimit,
    select: listSelect,
  });
  const answers = rows.length
    ? await db.answer.findMany({
        where: { OR: rows.map((row) => ({ responseId: row.responseId, questionId: row.question.id })) },
        select: { responseId: true, questionId: true, text: true },
      })
    : [];
  const textOf = new Map(answers.map((a) => [`${a.responseId}:${a.questionId}`, a.text]));
  return rows.map(({ responseId, tags, ...row }) => ({
    ...row,
    tags: tags.map((t) => t.tag),
    source: excerptStatus(row, textOf.get(`${responseId}:${row.question.id}`) ?? ""),
  }));
}
