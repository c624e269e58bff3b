// Who a paragraph draws on: its distinct cited responses counted by stakeholder group and UN region. An
// excerpt and the response it comes from (or two excerpts of one response) count once. The counts use the
// group and region copied into each citation, so a paragraph's spread stays right when a source is later
// removed. Pure: used by the editor, the public page and the tests.
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";

export type SpreadSource = { reference: string; stakeholderGroup: StakeholderGroup | null; region: UnRegion | null };

export type Spread = {
  /** Distinct responses cited. */
  sources: number;
  groups: Record<StakeholderGroup, number>;
  regions: Record<UnRegion, number>;
  /** Groups ordered by count, largest first, zeros included (ties in the usual order of the groups). */
  groupOrder: StakeholderGroup[];
  /** Every source is from one stakeholder group (and there is at least one). */
  singleGroup: StakeholderGroup | null;
  noSources: boolean;
};

export function paragraphSpread(citations: readonly SpreadSource[]): Spread {
  const groups = Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, 0])) as Record<StakeholderGroup, number>;
  const regions = Object.fromEntries(UN_REGIONS.map((r) => [r, 0])) as Record<UnRegion, number>;
  // The receipt number is copied into every citation and names one response, even once it is removed.
  const distinct = new Map<string, SpreadSource>();
  for (const citation of citations) if (!distinct.has(citation.reference)) distinct.set(citation.reference, citation);
  for (const source of distinct.values()) {
    if (source.stakeholderGroup) groups[source.stakeholderGroup] += 1;
    if (source.region) regions[source.region] += 1;
  }
  const present = STAKEHOLDER_GROUPS.filter((g) => groups[g] > 0);
  return {
    sources: distinct.size,
    groups,
    regions,
    groupOrder: [...STAKEHOLDER_GROUPS].sort((a, b) => groups[b] - groups[a]),
    singleGroup: present.length === 1 ? present[0]! : null,
    noSources: distinct.size === 0,
  };
}

/** "4 Civil Society, 2 Government, 0 Private Sector, …": every group, largest first. */
export function spreadGroupsText(spread: Spread, groupName: (group: StakeholderGroup) => string) {
  return spread.groupOrder.map((g) => `${spread.groups[g]} ${groupName(g)}`).join(", ");
}

/** "2 Africa, 1 Asia-Pacific, 0 …": every region, in the usual order. */
export function spreadRegionsText(spread: Spread, regionName: (region: UnRegion) => string) {
  return UN_REGIONS.map((r) => `${spread.regions[r]} ${regionName(r)}`).join(", ");
}
