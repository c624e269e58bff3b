// Participation in a call by stakeholder group × UN region: exact figures for moderators, small cells
// suppressed for the public (lib/insights/suppression.ts), and the growth day by day in the call's zone.
import "server-only";
import { hasRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import type { StakeholderGroup } from "@/lib/generated/prisma/enums";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { loadItems, responsesOf, type ItemSource } from "./source";
import { suppressSmallCells, type PublicCount } from "./suppression";
import { cumulativeByDay, share, tally, type Counts, type DayPoint } from "./tally";

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

/** Counts with shares (percent of all items) and the growth from the opening to now or the deadline. */
export async function participationOf(
  source: ItemSource,
  window: { timeZone: string; opensAt: Date; closesAt: Date },
  now = new Date(),
) {
  const items = await loadItems(source);
  const counts = tally(items);
  const end = now < window.closesAt ? now : window.closesAt;
  const growth: DayPoint[] = cumulativeByDay(items, window.timeZone, window.opensAt, end);
  const groupShares = Object.fromEntries(
    STAKEHOLDER_GROUPS.map((g) => [g, share(counts.groupTotals[g], counts.total)]),
  ) as Record<StakeholderGroup, number>;
  return { counts, groupShares, growth };
}

export type ExactParticipation = Awaited<ReturnType<typeof participationOf>>;

/** For moderators: a call's exact participation and its targets. */
export async function getModeratorParticipation(actor: SessionUser, callId: string, now = new Date()) {
  if (!hasRole(actor.role, "MODERATOR")) throw Forbidden();
  const call = await db.call.findUnique({ where: { id: callId }, select: callSelect });
  if (!call) throw NotFound("callNotFound");
  const participation = await participationOf(responsesOf(call.id), call, now);
  const { targetMinGroupShare, targetAllRegions, ...rest } = call;
  return {
    call: rest,
    targets: { minGroupShare: targetMinGroupShare, allRegions: targetAllRegions } as Targets,
    ...participation,
  };
}

/** What the public may see of counts: small cells and totals suppressed, shares only of shown totals. */
export function publicFigures(counts: Counts) {
  const table = suppressSmallCells(STAKEHOLDER_GROUPS, UN_REGIONS, counts.cells);
  const groupShares = Object.fromEntries(
    STAKEHOLDER_GROUPS.map((g) => {
      const shown = table.rowTotals[g];
      return [g, shown === null ? null : share(shown, table.total)];
    }),
  ) as Record<StakeholderGroup, PublicCount>;
  return { table, groupShares };
}

/** For everyone: a published call's participation, suppressed; null when the call is not published. */
export async function getPublicParticipation(slug: string, now = new Date()) {
  const call = await db.call.findFirst({ where: { slug, publishedAt: { not: null, lte: now } }, select: publicCallSelect });
  if (!call) return null;
  const { counts, growth } = await participationOf(responsesOf(call.id), call, now);
  // Day by day only the overall total is shown: it is public anyway, and a per-group series would undo
  // the suppression of small cells.
  return { call, ...publicFigures(counts), growth };
}
