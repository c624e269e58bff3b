// The public read model of participation on a real database: every function the public's pages and API
// call returns no count by group or region between 1 and SMALL_CELL − 1, while the moderators' function
// returns the exact ones; all of them count the same responses (one query), so their figures agree.
import { afterAll, describe, expect, it } from "vitest";
import { getCallParticipation } from "@/lib/api/participation";
import { db, disconnectDb } from "@/lib/db";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { getModeratorParticipation, getPublicParticipation } from "@/lib/insights/participation";
import { publicFigures, type PublicFigures } from "@/lib/insights/public-figures";
import { SMALL_CELL, type PublicCount, type SuppressedTable } from "@/lib/insights/suppression";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { getPublicCall } from "@/lib/responses/public";
import { createCall } from "@/prisma/factories";
import { createResponseFrom } from "@/prisma/factories-insights";
import { workedOut } from "../support/disclosure";
import { actor } from "./helpers";

afterAll(disconnectDb);

type Spec = [StakeholderGroup, UnRegion, number];

async function callWith(specs: Spec[]) {
  const call = await createCall(db);
  for (const [group, region, n] of specs) {
    for (let i = 0; i < n; i++) await createResponseFrom(db, { callId: call.id, group, region });
  }
  return call;
}

type Table = SuppressedTable<StakeholderGroup, UnRegion>;

/** Every count by group, by region and by both in a public table. */
function countsOf(table: Table): PublicCount[] {
  return [
    ...STAKEHOLDER_GROUPS.flatMap((g) => UN_REGIONS.map((r) => table.cells[g][r])),
    ...STAKEHOLDER_GROUPS.map((g) => table.rowTotals[g]),
    ...UN_REGIONS.map((r) => table.columnTotals[r]),
  ];
}

function expectNoSmallCount(table: Table) {
  for (const value of countsOf(table)) expect(value === null || value === 0 || value >= SMALL_CELL, String(value)).toBe(true);
  // Nor can one be worked out by subtraction from the shown totals, along rows, columns and the overall total.
  const small = workedOut(STAKEHOLDER_GROUPS, UN_REGIONS, table).filter(({ value }) => value > 0 && value < SMALL_CELL);
  expect(small).toEqual([]);
}

describe("the public figures of participation", () => {
  const specs: Spec[] = [
    ["GOVERNMENT", "AFRICA", 1],
    ["CIVIL_SOCIETY", "ASIA_PACIFIC", 2],
    ["ACADEMIA", "EASTERN_EUROPE", 6],
    ["ACADEMIA", "AFRICA", 5],
    ["PRIVATE_SECTOR", "WESTERN_EUROPE_OTHERS", 7],
  ];

  it("never hold a count of 1 or 2 respondents, on the call page, the participation page or the open data API", async () => {
    const call = await callWith(specs);
    const page = (await getPublicCall(call.slug))!.participation;
    const participation = (await getPublicParticipation(call.slug))!;
    const api = (await getCallParticipation(call.slug)).body as {
      cells: Table["cells"];
      groupTotals: Table["rowTotals"];
      regionTotals: Table["columnTotals"];
      total: number;
    };
    const apiTable: Table = { cells: api.cells, rowTotals: api.groupTotals, columnTotals: api.regionTotals, total: api.total };
    for (const table of [page.table, participation.table, apiTable]) {
      expectNoSmallCount(table);
      expect(table.cells.GOVERNMENT.AFRICA).toBeNull();
      expect(table.cells.CIVIL_SOCIETY.ASIA_PACIFIC).toBeNull();
      expect(table.rowTotals.GOVERNMENT).toBeNull();
      expect(table.cells.TECHNICAL_COMMUNITY.AFRICA).toBe(0);
      expect(table.total).toBe(21);
    }
    // A share is only given of a shown total.
    for (const g of STAKEHOLDER_GROUPS)
      expect(participation.groupShares[g] === null).toBe(participation.table.rowTotals[g] === null);
  });

  it("are the moderators' exact figures suppressed: one count for every reader", async () => {
    const call = await callWith(specs);
    const exact = await getModeratorParticipation(await actor("MODERATOR"), call.id);
    expect(exact.counts.cells.GOVERNMENT.AFRICA).toBe(1);
    expect(exact.counts.cells.CIVIL_SOCIETY.ASIA_PACIFIC).toBe(2);
    expect(exact.counts.groupTotals.GOVERNMENT).toBe(1);
    expect(exact.counts.total).toBe(21);

    const expected: PublicFigures = publicFigures(exact.counts);
    const page = (await getPublicCall(call.slug))!.participation;
    const { table, groupShares, groupsNotHeard, regionsNotHeard, growth } = (await getPublicParticipation(call.slug))!;
    const api = (await getCallParticipation(call.slug)).body as Record<string, unknown>;
    expect(page).toEqual(expected);
    expect({ table, groupShares, groupsNotHeard, regionsNotHeard }).toEqual(expected);
    expect(api).toMatchObject({
      cells: expected.table.cells,
      groupTotals: expected.table.rowTotals,
      regionTotals: expected.table.columnTotals,
      total: expected.table.total,
      groupsNotHeard: expected.groupsNotHeard,
      regionsNotHeard: expected.regionsNotHeard,
    });
    // The growth series is of the same responses: its last day holds them all.
    expect(growth.at(-1)?.cumulative).toBe(exact.counts.total);
    expect(exact.growth.at(-1)?.cumulative).toBe(exact.counts.total);
  });

  it("take no plain number as a public count: only the suppression makes one", () => {
    // @ts-expect-error an exact count is not a PublicCount
    const leak: PublicCount = 3;
    expect(leak).toBe(3);
  });
});
