// The consultation cycle as the public sees it: a call's message sets (draft and final) for the timeline on
// the call page, and across calls the drafts open for comment and the recently finalised messages for the
// home page. Same visibility as lib/messages/public.ts: a PUBLISHED or FINAL set, read through its latest
// published version; the working copy and unpublished versions are never looked at.
import "server-only";
import { db } from "@/lib/db";
import { commentPeriodState } from "./period";

const publicSet = { status: { in: ["PUBLISHED", "FINAL"] as ("PUBLISHED" | "FINAL")[] } };
const publishedVersions = {
  where: { publishedAt: { not: null } },
  orderBy: { number: "desc" as const },
  select: { number: true, publishedAt: true, commentOpensAt: true, commentClosesAt: true, finalisedAt: true },
};

/** A set for the timeline: its latest published version and the last comment period it had (if any). */
function summarise(
  set: {
    slug: string;
    title: string;
    status: string;
    versions: {
      number: number;
      publishedAt: Date | null;
      commentOpensAt: Date | null;
      commentClosesAt: Date | null;
      finalisedAt: Date | null;
    }[];
  },
  now: Date,
) {
  const latest = set.versions[0]!;
  const withPeriod = set.versions.find((v) => v.commentOpensAt && v.commentClosesAt);
  const final = set.status === "FINAL" && latest.finalisedAt !== null;
  return {
    slug: set.slug,
    title: set.title,
    final,
    version: latest.number,
    publishedAt: latest.publishedAt!,
    finalisedAt: final ? latest.finalisedAt : null,
    period: withPeriod
      ? {
          version: withPeriod.number,
          opensAt: withPeriod.commentOpensAt!,
          closesAt: withPeriod.commentClosesAt!,
          state: commentPeriodState(withPeriod, now),
        }
      : null,
  };
}

export type CycleSet = ReturnType<typeof summarise>;
export type CyclePhase = "open" | "closed" | "comment" | "final";

/** The message sets compiled from a call, oldest first, with the phase the cycle has reached. */
export async function getCallCycle(call: { id: string; opensAt: Date; closesAt: Date }, now = new Date()) {
  const rows = await db.messageSet.findMany({
    where: { callId: call.id, ...publicSet, versions: { some: { publishedAt: { not: null } } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { slug: true, title: true, status: true, versions: publishedVersions },
  });
  const sets = rows.map((row) => summarise(row, now));
  const drafts = sets.filter((set) => !set.final);
  const finals = sets.filter((set) => set.final);
  // The furthest phase reached; phases after it are upcoming (their dates are not known yet).
  const reached: CyclePhase | null =
    finals.length > 0
      ? "final"
      : sets.some((set) => set.period && set.period.state !== "upcoming")
        ? "comment"
        : now >= call.closesAt
          ? "closed"
          : now >= call.opensAt
            ? "open"
            : null;
  return { drafts, finals, sets, reached };
}

export type CallCycle = Awaited<ReturnType<typeof getCallCycle>>;

const callOf = { select: { slug: true, title: true, timeZone: true, publishedAt: true } } as const;

/** Drafts whose comment period is open now, closing soonest first (the latest published version's period). */
export async function listDraftsOpenForComment(now = new Date(), take = 10) {
  const rows = await db.messageSetVersion.findMany({
    where: {
      publishedAt: { not: null },
      finalisedAt: null,
      commentOpensAt: { lte: now },
      commentClosesAt: { gt: now },
      set: { status: "PUBLISHED" },
    },
    orderBy: [{ commentClosesAt: "asc" }, { id: "asc" }],
    take: take * 2,
    select: {
      number: true,
      commentClosesAt: true,
      set: {
        select: {
          slug: true,
          title: true,
          call: callOf,
          versions: { where: { publishedAt: { not: null } }, orderBy: { number: "desc" }, take: 1, select: { number: true } },
        },
      },
    },
  });
  // Only a period on the version the public page shows (an older version's period is not "the draft").
  return rows
    .filter((row) => row.set.versions[0]?.number === row.number)
    .slice(0, take)
    .map((row) => ({
      slug: row.set.slug,
      title: row.set.title,
      version: row.number,
      closesAt: row.commentClosesAt!,
      call: publicCall(row.set.call, now),
    }));
}

/** Final messages, most recently finalised first. */
export async function listRecentFinalMessages(now = new Date(), take = 5) {
  const rows = await db.messageSetVersion.findMany({
    where: { finalisedAt: { not: null, lte: now }, publishedAt: { not: null }, set: { status: "FINAL" } },
    orderBy: [{ finalisedAt: "desc" }, { id: "asc" }],
    take,
    select: { finalisedAt: true, set: { select: { slug: true, title: true, call: callOf } } },
  });
  return rows.map((row) => ({
    slug: row.set.slug,
    title: row.set.title,
    finalisedAt: row.finalisedAt!,
    call: publicCall(row.set.call, now),
  }));
}

/** The call a set came from, named only once the call itself is public (as on the messages page). */
function publicCall(call: { slug: string; title: string; timeZone: string; publishedAt: Date | null }, now: Date) {
  return {
    timeZone: call.timeZone,
    link: call.publishedAt && call.publishedAt <= now ? { slug: call.slug, title: call.title } : null,
  };
}
