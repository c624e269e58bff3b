// Where a call's participation falls short: of the targets its moderators set, and of hearing every
// stakeholder group in every region. Pure; the words are chosen by the page (components/insights/gap-list).
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { share, type Counts } from "./tally";

export type Gap =
  /** A group below the smallest share set (`count` may be 0). */
  | { kind: "groupBelowShare"; group: StakeholderGroup; count: number; share: number; target: number }
  /** A region with no response while every region should be represented. */
  | { kind: "regionMissing"; region: UnRegion }
  /** No response yet from this group in this region (not already said by one of the gaps above). */
  | { kind: "cellMissing"; group: StakeholderGroup; region: UnRegion };

export type TargetSettings = { minGroupShare: number | null; allRegions: boolean };

export function evaluateTargets(counts: Counts, targets: TargetSettings): Gap[] {
  const gaps: Gap[] = [];
  const groupsSaid = new Set<StakeholderGroup>();
  const regionsSaid = new Set<UnRegion>();
  if (targets.minGroupShare !== null && targets.minGroupShare > 0) {
    for (const group of STAKEHOLDER_GROUPS) {
      const count = counts.groupTotals[group];
      const groupShare = share(count, counts.total);
      // Compared on the exact ratio: a rounded 9.96% must not pass a 10% target.
      if (count * 100 < targets.minGroupShare * counts.total || counts.total === 0) {
        gaps.push({ kind: "groupBelowShare", group, count, share: groupShare, target: targets.minGroupShare });
        if (count === 0) groupsSaid.add(group);
      }
    }
  }
  if (targets.allRegions) {
    for (const region of UN_REGIONS) {
      if (counts.regionTotals[region] === 0) {
        gaps.push({ kind: "regionMissing", region });
        regionsSaid.add(region);
      }
    }
  }
  for (const group of STAKEHOLDER_GROUPS) {
    if (groupsSaid.has(group)) continue;
    for (const region of UN_REGIONS) {
      if (!regionsSaid.has(region) && counts.cells[group][region] === 0) gaps.push({ kind: "cellMissing", group, region });
    }
  }
  return gaps;
}

/** The groups and regions to reach out to: those named by a gap, and the empty group × region cells. */
export function missingFrom(gaps: readonly Gap[]) {
  const groups = new Set<StakeholderGroup>();
  const regions = new Set<UnRegion>();
  const cells: { group: StakeholderGroup; region: UnRegion }[] = [];
  for (const gap of gaps) {
    if (gap.kind === "groupBelowShare") groups.add(gap.group);
    else if (gap.kind === "regionMissing") regions.add(gap.region);
    else cells.push({ group: gap.group, region: gap.region });
  }
  return { groups: [...groups], regions: [...regions], cells };
}
