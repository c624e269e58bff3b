import { describe, expect, it } from "vitest";
import { SMALL_CELL, suppressSmallCells } from "@/lib/insights/suppression";

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
});
