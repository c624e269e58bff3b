// The versions of a message set as readers and the forum's facilitators and observers compare them. The
// public sees only published versions of a PUBLISHED or FINAL set; the forum's facilitators and observers
// compare any two saved versions. Comment counts follow a paragraph's lineage: comments made on any id it
// answers to (its own, or one it was split from or merged with) belong to it.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { authorizeOn, requireRight } from "./access";
import { versionContentSchema } from "./content";
import { diffVersions } from "./diff";
import { commentPeriodState, earlyEnd } from "./period";

const versionSelect = {
  id: true,
  number: true,
  summary: true,
  publishedAt: true,
  commentOpensAt: true,
  commentClosesAt: true,
  commentClosedEarlyAt: true,
  commentClosedEarlyReason: true,
  finalisedAt: true,
} as const;

/** A published set and its published versions, newest first; null when there is no such public set. */
export async function listPublishedVersions(slug: string, now = new Date()) {
  const set = await db.messageSet.findFirst({
    where: { slug, status: { in: ["PUBLISHED", "FINAL"] } },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      call: { select: { timeZone: true } },
      versions: { where: { publishedAt: { not: null } }, orderBy: { number: "desc" }, select: { ...versionSelect, title: true } },
    },
  });
  if (!set || set.versions.length === 0) return null;
  const [latest] = set.versions;
  return {
    id: set.id,
    slug: set.slug,
    title: latest!.title ?? set.title,
    status: set.status,
    timeZone: set.call.timeZone,
    versions: set.versions.map((v) => ({
      id: v.id,
      number: v.number,
      summary: v.summary,
      publishedAt: v.publishedAt!,
      commentOpensAt: v.commentOpensAt,
      commentClosesAt: v.commentClosesAt,
      finalisedAt: v.finalisedAt,
      commentPeriod: commentPeriodState(v, now),
      earlyEnd: earlyEnd(v),
    })),
  };
}

export type PublishedVersions = NonNullable<Awaited<ReturnType<typeof listPublishedVersions>>>;

/** Published comments of a set by the paragraph id they were made on. */
async function commentCounts(setId: string) {
  const rows = await db.comment.groupBy({
    by: ["paragraphId"],
    where: { setId, moderationState: "PUBLISHED", paragraphId: { not: null } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.paragraphId!, row._count._all]));
}

async function diffOf(setId: string, fromNumber: number, toNumber: number, publishedOnly: boolean) {
  const rows = await db.messageSetVersion.findMany({
    where: { setId, number: { in: [fromNumber, toNumber] }, ...(publishedOnly ? { publishedAt: { not: null } } : {}) },
    select: { number: true, summary: true, content: true },
  });
  const from = rows.find((r) => r.number === fromNumber);
  const to = rows.find((r) => r.number === toNumber);
  if (!from || !to) return null;
  const counts = await commentCounts(setId);
  const diff = diffVersions(versionContentSchema.parse(from.content), versionContentSchema.parse(to.content));
  const comments = (lineage: string[]) => lineage.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
  return {
    from: { number: from.number, summary: from.summary },
    to: { number: to.number, summary: to.summary },
    counts: diff.counts,
    sections: diff.sections.map((s) => ({
      ...s,
      paragraphs: s.paragraphs.map((p) => ({ ...p, comments: comments(p.lineage) })),
    })),
  };
}

export type ComparedVersions = NonNullable<Awaited<ReturnType<typeof diffOf>>>;

/** Two published versions of a public set compared; null when either is not published (or the set is not public). */
export async function comparePublishedVersions(setId: string, fromNumber: number, toNumber: number) {
  return diffOf(setId, fromNumber, toNumber, true);
}

/** For the forum's facilitators and observers: any two saved versions of a set, and the list to choose from. */
export async function compareSavedVersions(
  actor: SessionUser,
  setId: string,
  fromNumber: number | null,
  toNumber: number | null,
) {
  requireRight(actor, "forum.read");
  await authorizeOn(db, actor, "forum.read", "messageSet", setId, "messageSetNotFound");
  const set = await db.messageSet.findUnique({
    where: { id: setId },
    select: {
      id: true,
      slug: true,
      title: true,
      callId: true,
      versions: { orderBy: { number: "desc" }, select: { number: true, summary: true, publishedAt: true } },
    },
  });
  if (!set) throw NotFound("messageSetNotFound");
  const diff = fromNumber && toNumber && fromNumber !== toNumber ? await diffOf(set.id, fromNumber, toNumber, false) : null;
  return { set, diff };
}

/** The published version just before `number` (what "compare with the previous version" compares with). */
export async function previousPublishedNumber(setId: string, number: number) {
  const row = await db.messageSetVersion.findFirst({
    where: { setId, publishedAt: { not: null }, number: { lt: number } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return row?.number ?? null;
}
