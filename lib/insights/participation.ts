// Participation in a call by stakeholder group × UN region: exact figures for moderators, small cells
// suppressed for the public (lib/insights/public-figures.ts), and the growth day by day in the call's zone.
// Both count with the same query (countParticipation, lib/insights/source.ts).
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { countByChannel } from "@/lib/intake/channels";
import type { StakeholderGroup } from "@/lib/generated/prisma/enums";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { publishedCall } from "@/lib/responses/public";
import { publicFigures } from "./public-figures";
import { countParticipation, loadDailyArrivals, responsesOf, type ItemSource } from "./source";
import { seriesFromDailyCounts, share, type DayPoint } from "./tally";

const callSelect = {
  id: true,
  slug: true,
  title: true,
  timeZone: true,
  opensAt: true,
  closesAt: true,
  publishedAt: true,
  forumId: true,
  targetMinGroupShare: true,
  targetAllRegions: true,
} as const;

const publicCallSelect = {
  id: true,
  slug: true,
  title: true,
  timeZone: true,
  opensAt: true,
  closesAt: true,
  publishedAt: true,
} as const;

export type Targets = { minGroupShare: number | null; allRegions: boolean };

type Window = { timeZone: string; opensAt: Date; closesAt: Date };

/** Items per day and cumulated from the opening to now or the deadline. Only the overall total. */
async function growthOf(source: ItemSource, window: Window, now: Date): Promise<DayPoint[]> {
  const end = now < window.closesAt ? now : window.closesAt;
  return seriesFromDailyCounts(await loadDailyArrivals(source, window.timeZone), window.timeZone, window.opensAt, end);
}

/** Exact counts with shares (percent of all items) and the growth. For moderators only. */
async function exactParticipationOf(source: ItemSource, window: Window, now: Date) {
  const [counts, growth] = await Promise.all([countParticipation(source), growthOf(source, window, now)]);
  const groupShares = Object.fromEntries(
    STAKEHOLDER_GROUPS.map((g) => [g, share(counts.groupTotals[g], counts.total)]),
  ) as Record<StakeholderGroup, number>;
  return { counts, groupShares, growth };
}

export type ExactParticipation = Awaited<ReturnType<typeof exactParticipationOf>>;

/** For the facilitators and observers of the call's forum: its exact participation and its targets. */
export async function getModeratorParticipation(actor: SessionUser, callId: string, now = new Date()) {
  authorizeIn(actor, "insights.read", await forumOf(db, "call", callId), "callNotFound");
  const call = await db.call.findUnique({ where: { id: callId }, select: callSelect });
  if (!call) throw NotFound("callNotFound");
  const [participation, channels] = await Promise.all([
    exactParticipationOf(responsesOf(call.id), call, now),
    countByChannel(call.id),
  ]);
  const { targetMinGroupShare, targetAllRegions, ...rest } = call;
  return {
    call: rest,
    targets: { minGroupShare: targetMinGroupShare, allRegions: targetAllRegions } as Targets,
    ...participation,
    channels,
  };
}

/** For everyone: a published call's participation, suppressed; null when the call is not published. */
export async function getPublicParticipation(slug: string, now = new Date()) {
  const call = await db.call.findFirst({ where: { slug, ...publishedCall(now) }, select: publicCallSelect });
  if (!call) return null;
  const source = responsesOf(call.id);
  // Day by day only the overall total is shown: it is public anyway, and a per-group series would undo
  // the suppression of small cells.
  const [counts, growth] = await Promise.all([countParticipation(source), growthOf(source, call, now)]);
  return { call, ...publicFigures(counts), growth };
}
