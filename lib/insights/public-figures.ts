// What the public may see of participation, and the only way counts reach it: the call page, the public
// participation page, the open data API and the final messages (page, PDF, Markdown) all get their figures
// from here, small cells suppressed (lib/insights/suppression.ts) and shares taken of shown totals only.
// A public reader never receives an exact count by group or region from a domain function; the moderators'
// exact figures come from lib/insights/participation.ts (getModeratorParticipation), checked by role.
import "server-only";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { countParticipation, responsesOf } from "./source";
import { suppressSmallCells, type SuppressedTable } from "./suppression";
import { share, type Counts } from "./tally";

export type PublicFigures = {
  table: SuppressedTable<StakeholderGroup, UnRegion>;
  /** Percent of the overall total, one decimal; null where the group's total is suppressed. */
  groupShares: Record<StakeholderGroup, number | null>;
  /** Groups and regions with no response at all: a zero names no one, so it is always shown. */
  groupsNotHeard: StakeholderGroup[];
  regionsNotHeard: UnRegion[];
};

/** Exact counts made fit for the public: small cells and totals suppressed, shares only of shown totals. */
export function publicFigures(counts: Counts): PublicFigures {
  const table = suppressSmallCells(STAKEHOLDER_GROUPS, UN_REGIONS, counts.cells);
  const groupShares = Object.fromEntries(
    STAKEHOLDER_GROUPS.map((g) => {
      const shown = table.rowTotals[g];
      return [g, shown === null ? null : share(shown, table.total)];
    }),
  ) as Record<StakeholderGroup, number | null>;
  return {
    table,
    groupShares,
    groupsNotHeard: STAKEHOLDER_GROUPS.filter((g) => counts.groupTotals[g] === 0),
    regionsNotHeard: UN_REGIONS.filter((r) => counts.regionTotals[r] === 0),
  };
}

/** The public figures of a call's submitted responses. The caller has checked the call is published. */
export async function publicParticipationOf(callId: string): Promise<PublicFigures> {
  return publicFigures(await countParticipation(responsesOf(callId)));
}
