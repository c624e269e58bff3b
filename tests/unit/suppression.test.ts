import { describe, expect, it } from "vitest";
import { SMALL_CELL, suppressSmallCells } from "@/lib/insights/suppression";
import { workedOut } from "../support/disclosure";

const rows = ["A", "B", "C"] as const;
const columns = ["x", "y", "z"] as const;
type Counts = Record<(typeof rows)[number], Record<(typeof columns)[number], number>>;

describe("suppressSmallCells", () => {
  it("shows zeros and counts of at least 5, hides 1 to 4", () => {
    const counts: Counts = { A: { x: 0, y: 7, z: 9 }, B: { x: 5, y: 6, z: 8 }, C: { x: 10, y: 11, z: 12 } };
    const table = suppressSmallCells(rows, columns, counts);
    expect(table.cells.A).toEqual({ x: 0, y: 7, z: 9 });
    expect(table.rowTotals).toEqual({ A: 16, B: 19, C: 33 });
    expect(table.total).toBe(68);
    expect(SMALL_CELL).toBe(5);
  });

  it("hides a second cell where one hidden cell could be worked out from a shown total", () => {
    const counts: Counts = { A: { x: 2, y: 7, z: 9 }, B: { x: 6, y: 6, z: 8 }, C: { x: 10, y: 11, z: 12 } };
    const table = suppressSmallCells(rows, columns, counts);
    expect(table.cells.A.x).toBeNull();
    // Row A: 7 is the smallest other cell; column x: 6 is.
    expect(table.cells.A.y).toBeNull();
    expect(table.cells.B.x).toBeNull();
    // No line with a shown total has exactly one hidden cell left.
    for (const r of rows) {
      const hiddenInRow = columns.filter((c) => table.cells[r][c] === null).length;
      if (table.rowTotals[r] !== null) expect(hiddenInRow).not.toBe(1);
    }
    for (const c of columns) {
      const hiddenInColumn = rows.filter((r) => table.cells[r][c] === null).length;
      if (table.columnTotals[c] !== null) expect(hiddenInColumn).not.toBe(1);
    }
    expect(table.total).toBe(71);
  });

  it("hides a small total, and one more total so it cannot be subtracted from the overall total", () => {
    const counts: Counts = { A: { x: 3, y: 0, z: 0 }, B: { x: 6, y: 6, z: 8 }, C: { x: 10, y: 11, z: 12 } };
    const table = suppressSmallCells(rows, columns, counts);
    expect(table.rowTotals.A).toBeNull();
    expect(table.rowTotals.B).toBeNull(); // 20, the smallest other total
    expect(table.rowTotals.C).toBe(33);
    expect(table.cells.A.x).toBeNull();
  });

  it("hides one more figure where a chain of subtractions would give a small count away", () => {
    // Row B (10) hides B.x with B.z (4); but column x (6) then gives B.x away, row B then B.z = 4, and
    // column z (13) then C.z = 1. One more figure of that chain is hidden.
    const counts: Counts = { A: { x: 0, y: 0, z: 8 }, B: { x: 6, y: 0, z: 4 }, C: { x: 0, y: 0, z: 1 } };
    const table = suppressSmallCells(rows, columns, counts);
    expect(table.cells.B.z).toBeNull();
    expect(table.cells.C.z).toBeNull();
    expect(table.cells.B.x).toBeNull();
    expect(table.total).toBe(19);
    expect(workedOut(rows, columns, table).filter(({ value }) => value > 0 && value < SMALL_CELL)).toEqual([]);
  });

  it("leaves nothing small to work out in many random tables, and never hides a zero", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 300; round++) {
      const counts = Object.fromEntries(
        rows.map((r) => [r, Object.fromEntries(columns.map((c) => [c, random() < 0.4 ? 0 : Math.floor(random() * 9)]))]),
      ) as Counts;
      const table = suppressSmallCells(rows, columns, counts);
      const rowTotal = (r: (typeof rows)[number]) => columns.reduce((sum, c) => sum + counts[r][c], 0);
      // What only the always-shown overall total gives away (all responses in one row) is the stated exception.
      if (
        rows.filter((r) => rowTotal(r) > 0).length <= 1 ||
        columns.filter((c) => rows.some((r) => counts[r][c] > 0)).length <= 1
      )
        continue;
      const small = workedOut(rows, columns, table).filter(({ value }) => value > 0 && value < SMALL_CELL);
      expect(small, JSON.stringify(counts)).toEqual([]);
      for (const r of rows) for (const c of columns) if (counts[r][c] === 0) expect(table.cells[r][c]).toBe(0);
    }
  });
});
