// The consultation cycle as the public sees it: a call's message sets (draft and final) for the timeline on
// the call page, and across calls the drafts open for comment and the recently finalised messages for the
// home page. Same visibility as lib/messages/public.ts: a PUBLISHED or FINAL set, read through its latest
// published version; the working copy and unpublished versions are never looked at.
import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { setTitlesIn } from "@/lib/translations/titles";
import { commentPeriodState } from "./period";

const publicSet = { status: { in: ["PUBLISHED", "FINAL"] as ("PUBLISHED" | "FINAL")[] } };
const publishedVersions = {
  where: { publishedAt: { not: null } },
  orderBy: { number: "desc" as const },
  select: { id: true, number: true, publishedAt: true, commentOpensAt: true, commentClosesAt: true, finalisedAt: true },
};

/** A set for the timeline: its latest published version and the last comment period it had (if any). */
function summarise(
  set: {
    slug: string;
    title: string;
    language: string;
    status: string;
    versions: {
      id: string;
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
    language: set.language,
    versionId: latest.id,
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

/** A set on the timeline, its title in the reader's language where translated (`lang`: the title's). */
export type CycleSet = ReturnType<typeof summarise> & { lang: Locale };
export type CyclePhase = "open" | "closed" | "comment" | "final";

/** The message sets compiled from a call, oldest first, with the phase the cycle has reached. */
/** Titles in `locale` where the version the public reads was translated into it. */
export async function getCallCycle(call: { id: string; opensAt: Date; closesAt: Date }, now = new Date(), locale?: string) {
  const rows = await db.messageSet.findMany({
    where: { callId: call.id, ...publicSet, versions: { some: { publishedAt: { not: null } } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { slug: true, title: true, language: true, status: true, versions: publishedVersions },
  });
  const sets = await setTitlesIn(
    rows.map((row) => summarise(row, now)),
    locale,
  );
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
export async function listDraftsOpenForComment(now = new Date(), take = 10, locale?: string) {
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
      id: true,
      number: true,
      commentClosesAt: true,
      set: {
        select: {
          slug: true,
          title: true,
          language: true,
          call: callOf,
          versions: { where: { publishedAt: { not: null } }, orderBy: { number: "desc" }, take: 1, select: { number: true } },
        },
      },
    },
  });
  // Only a period on the version the public page shows (an older version's period is not "the draft").
  const drafts = rows
    .filter((row) => row.set.versions[0]?.number === row.number)
    .slice(0, take)
    .map((row) => ({
      slug: row.set.slug,
      title: row.set.title,
      language: row.set.language,
      versionId: row.id,
      version: row.number,
      closesAt: row.commentClosesAt!,
      call: publicCall(row.set.call, now),
    }));
  return setTitlesIn(drafts, locale);
}

/** Final messages, most recently finalised first. */
export async function listRecentFinalMessages(now = new Date(), take = 5, locale?: string) {
  const rows = await db.messageSetVersion.findMany({
    where: { finalisedAt: { not: null, lte: now }, publishedAt: { not: null }, set: { status: "FINAL" } },
    orderBy: [{ finalisedAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, finalisedAt: true, set: { select: { slug: true, title: true, language: true, call: callOf } } },
  });
  return setTitlesIn(
    rows.map((row) => ({
      slug: row.set.slug,
      title: row.set.title,
      language: row.set.language,
      versionId: row.id,
      finalisedAt: row.finalisedAt!,
      call: publicCall(row.set.call, now),
    })),
    locale,
  );
}

/** The call a set came from, named only once the call itself is public (as on the messages page). */
function publicCall(call: { slug: string; title: string; timeZone: string; publishedAt: Date | null }, now: Date) {
  return {
    timeZone: call.timeZone,
    link: call.publishedAt && call.publishedAt <= now ? { slug: call.slug, title: call.title } : null,
  };
}
