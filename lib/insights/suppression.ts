// Small-cell suppression for public participation figures, so that no one is identifiable from a count.
//
// The rule (documented in the README): in a public table of counts by stakeholder group x UN region,
// 1. a cell with 1 to 4 responses (fewer than SMALL_CELL) is shown as "fewer than 5", not as its number
//    (0 is shown: "no response yet from ..." names no one);
// 2. a row or column total of 1 to 4 is suppressed the same way;
// 3. secondary suppression: where a shown total and the other shown cells would let a reader work out a
//    single suppressed cell (exactly one suppressed cell in a row or column whose total is shown), the
//    smallest other non-zero cell of that row or column is suppressed too; repeated until nothing changes;
// 4. likewise, if exactly one row total (or column total) is suppressed, the smallest other non-zero row
//    (column) total is suppressed too, since the overall total would give it away.
// The overall total is always shown. Pure: used by pages, exports and the open data API alike.

export const SMALL_CELL = 5;

/** A shown count, or null for "fewer than SMALL_CELL" (never 0: zero is always shown). */
export type PublicCount = number | null;

export type SuppressedTable<R extends string, C extends string> = {
  cells: Record<R, Record<C, PublicCount>>;
  rowTotals: Record<R, PublicCount>;
  columnTotals: Record<C, PublicCount>;
  total: number;
};

const small = (n: number) => n > 0 && n < SMALL_CELL;

export function suppressSmallCells<R extends string, C extends string>(
  rows: readonly R[],
  columns: readonly C[],
  counts: Record<R, Record<C, number>>,
): SuppressedTable<R, C> {
  const hidden = new Set<string>();
  const key = (r: R, c: C) => `${r}\u0000${c}`;
  for (const r of rows) for (const c of columns) if (small(counts[r][c])) hidden.add(key(r, c));

  const rowTotal = (r: R) => columns.reduce((sum, c) => sum + counts[r][c], 0);
  const columnTotal = (c: C) => rows.reduce((sum, r) => sum + counts[r][c], 0);

  // Secondary suppression over the lines (rows, then columns) whose total is shown.
  type Line = { total: number; members: [R, C][] };
  const lines: Line[] = [
    ...rows.map((r) => ({ total: rowTotal(r), members: columns.map((c) => [r, c] as [R, C]) })),
    ...columns.map((c) => ({ total: columnTotal(c), members: rows.map((r) => [r, c] as [R, C]) })),
  ];
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (small(line.total)) continue; // the total itself is suppressed: nothing to subtract from
      const suppressed = line.members.filter(([r, c]) => hidden.has(key(r, c)));
      if (suppressed.length !== 1) continue;
      const candidates = line.members
        .filter(([r, c]) => !hidden.has(key(r, c)) && counts[r][c] > 0)
        .sort(([r1, c1], [r2, c2]) => counts[r1][c1] - counts[r2][c2]);
      if (candidates.length === 0) continue; // the one hidden cell is the whole line: its total says < 5 only if small
      const [r, c] = candidates[0]!;
      hidden.add(key(r, c));
      changed = true;
    }
  }

  const cells = Object.fromEntries(
    rows.map((r) => [r, Object.fromEntries(columns.map((c) => [c, hidden.has(key(r, c)) ? null : counts[r][c]]))]),
  ) as Record<R, Record<C, PublicCount>>;
  return {
    cells,
    rowTotals: suppressTotals(rows, rowTotal),
    columnTotals: suppressTotals(columns, columnTotal),
    total: rows.reduce((sum, r) => sum + rowTotal(r), 0),
  };
}

/** Rules 2 and 4 for one set of totals that add up to the (always shown) overall total. */
function suppressTotals<K extends string>(keys: readonly K[], totalOf: (key: K) => number): Record<K, PublicCount> {
  const hidden = new Set(keys.filter((k) => small(totalOf(k))));
  if (hidden.size === 1) {
    const next = keys.filter((k) => !hidden.has(k) && totalOf(k) > 0).sort((a, b) => totalOf(a) - totalOf(b))[0];
    if (next !== undefined) hidden.add(next);
  }
  return Object.fromEntries(keys.map((k) => [k, hidden.has(k) ? null : totalOf(k)])) as Record<K, PublicCount>;
}
