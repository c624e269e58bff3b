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
//    (column) total is suppressed too, since the overall total would give it away;
// 5. and where a chain of such subtractions (a cell worked out in one row gives another away in its
//    column, ...) would still reach a number from 1 to 4, one more figure of that chain is suppressed,
//    repeated until none does.
// The overall total is always shown. Pure: used by pages, exports and the open data API alike.
//
// This is the only definition of the threshold, and the only place a `ShownCount` is made: whatever the public
// receives as a count by group or region has the type `PublicCount`, so a plain (exact) number cannot reach a
// public page, export or API answer without passing through `suppressSmallCells`. Moderators' views take
// exact numbers through props and functions of their own (lib/insights/participation.ts).

export const SMALL_CELL = 5;

declare const shown: unique symbol;
/** A count that passed the rules above: 0, or one that gives no small cell away. A plain number in JSON. */
export type ShownCount = number & { readonly [shown]: true };

/** A shown count, or null for "fewer than SMALL_CELL" (never 0: zero is always shown). */
export type PublicCount = ShownCount | null;

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
  // Totals hidden by rule 5 (below) on top of rules 2 and 4.
  const forcedRows = new Set<R>();
  const forcedColumns = new Set<C>();

  // Secondary suppression over the lines (rows, then columns) whose total is shown.
  type Line = { total: number; hiddenTotal: () => boolean; members: [R, C][] };
  const lines: Line[] = [
    ...rows.map((r) => ({
      total: rowTotal(r),
      hiddenTotal: () => forcedRows.has(r),
      members: columns.map((c) => [r, c] as [R, C]),
    })),
    ...columns.map((c) => ({
      total: columnTotal(c),
      hiddenTotal: () => forcedColumns.has(c),
      members: rows.map((r) => [r, c] as [R, C]),
    })),
  ];
  const secondary = () => {
    for (let changed = true; changed;) {
      changed = false;
      for (const line of lines) {
        // The total itself is suppressed: nothing to subtract from.
        if (small(line.total) || line.hiddenTotal()) continue;
        const suppressed = line.members.filter(([r, c]) => hidden.has(key(r, c)));
        if (suppressed.length !== 1) continue;
        const candidates = line.members
          .filter(([r, c]) => !hidden.has(key(r, c)) && counts[r][c] > 0)
          .sort(([r1, c1], [r2, c2]) => counts[r1][c1] - counts[r2][c2]);
        if (candidates.length === 0) continue; // the one hidden cell is the whole line (rule 5 looks further)
        const [r, c] = candidates[0]!;
        hidden.add(key(r, c));
        changed = true;
      }
    }
  };

  // Rule 5: hide more until no suppressed count of 1 to 4 can be worked out by subtracting along a chain of
  // rows, columns and totals (a hidden cell alone in a shown line gives its value away, which may give the
  // next one away, ...). Each round hides one more figure, so this ends; what only the always-shown
  // overall total gives away stays (a call with 3 responses, all from one group, says so).
  let rowTotals: Record<R, PublicCount>;
  let columnTotals: Record<C, PublicCount>;
  for (;;) {
    secondary();
    rowTotals = suppressTotals(rows, rowTotal, forcedRows);
    columnTotals = suppressTotals(columns, columnTotal, forcedColumns);
    const more = nextToHide(rows, columns, counts, hidden, key, rowTotals, columnTotals);
    if (!more) break;
    if (more.kind === "cell") hidden.add(key(more.row, more.column));
    else if (more.kind === "row") forcedRows.add(more.row);
    else forcedColumns.add(more.column);
  }

  const cells = Object.fromEntries(
    rows.map((r) => [
      r,
      Object.fromEntries(columns.map((c) => [c, hidden.has(key(r, c)) ? null : (counts[r][c] as ShownCount)])),
    ]),
  ) as Record<R, Record<C, PublicCount>>;
  return { cells, rowTotals, columnTotals, total: rows.reduce((sum, r) => sum + rowTotal(r), 0) };
}

/** Rules 2 and 4 for one set of totals that add up to the (always shown) overall total. */
function suppressTotals<K extends string>(
  keys: readonly K[],
  totalOf: (key: K) => number,
  forced: ReadonlySet<K>,
): Record<K, PublicCount> {
  const hidden = new Set(keys.filter((k) => small(totalOf(k)) || forced.has(k)));
  if (hidden.size === 1) {
    const next = keys.filter((k) => !hidden.has(k) && totalOf(k) > 0).sort((a, b) => totalOf(a) - totalOf(b))[0];
    if (next !== undefined) hidden.add(next);
  }
  return Object.fromEntries(keys.map((k) => [k, hidden.has(k) ? null : (totalOf(k) as ShownCount)])) as Record<K, PublicCount>;
}

type Figure<R, C> = { kind: "cell"; row: R; column: C } | { kind: "row"; row: R } | { kind: "column"; column: C };

/**
 * What a reader can work out, by "one unknown in a sum" over and over (rows, columns, and the totals
 * against the overall total), and, if that reaches a hidden count of 1 to 4, the shown figure to hide next
 * to break the chain: the smallest non-zero shown figure of the sum that gave it away, or of a sum earlier
 * in the chain. Null when nothing small can be worked out, or only through the overall total.
 */
function nextToHide<R extends string, C extends string>(
  rows: readonly R[],
  columns: readonly C[],
  counts: Record<R, Record<C, number>>,
  hidden: ReadonlySet<string>,
  key: (r: R, c: C) => string,
  rowTotals: Record<R, PublicCount>,
  columnTotals: Record<C, PublicCount>,
): Figure<R, C> | null {
  type Variable = { figure: Figure<R, C> | null; value: number; shown: boolean };
  const variables = new Map<string, Variable>();
  const add = (id: string, figure: Figure<R, C> | null, value: number, shown: boolean) =>
    variables.set(id, { figure, value, shown });
  for (const r of rows)
    for (const c of columns) add(`c:${key(r, c)}`, { kind: "cell", row: r, column: c }, counts[r][c], !hidden.has(key(r, c)));
  for (const r of rows)
    add(
      `r:${r}`,
      { kind: "row", row: r },
      columns.reduce((sum, c) => sum + counts[r][c], 0),
      rowTotals[r] !== null,
    );
  for (const c of columns)
    add(
      `k:${c}`,
      { kind: "column", column: c },
      rows.reduce((sum, r) => sum + counts[r][c], 0),
      columnTotals[c] !== null,
    );
  add("all", null, 0, true);

  // Each sum: its total and its parts, all unknowns alike.
  const sums: string[][] = [
    ...rows.map((r) => [`r:${r}`, ...columns.map((c) => `c:${key(r, c)}`)]),
    ...columns.map((c) => [`k:${c}`, ...rows.map((r) => `c:${key(r, c)}`)]),
    ["all", ...rows.map((r) => `r:${r}`)],
    ["all", ...columns.map((c) => `k:${c}`)],
  ];
  const known = new Set([...variables].filter(([, v]) => v.shown).map(([id]) => id));
  const solvedBy = new Map<string, number>();
  for (let changed = true; changed;) {
    changed = false;
    sums.forEach((sum, index) => {
      const unknown = sum.filter((id) => !known.has(id));
      if (unknown.length !== 1) return;
      known.add(unknown[0]!);
      solvedBy.set(unknown[0]!, index);
      changed = true;
    });
  }

  // The smallest shown non-zero figure (not the overall total) of the sum that solved `id`, or further back.
  const breaker = (id: string, seen: Set<string>): Figure<R, C> | null => {
    const index = solvedBy.get(id);
    if (index === undefined || seen.has(id)) return null;
    seen.add(id);
    const others = sums[index]!.filter((other) => other !== id);
    const shown = others
      .map((other) => variables.get(other)!)
      .filter((v) => v.shown && v.figure && v.value > 0)
      .sort((a, b) => a.value - b.value);
    if (shown[0]) return shown[0].figure;
    for (const other of others) {
      const found = breaker(other, seen);
      if (found) return found;
    }
    return null;
  };
  for (const [id, variable] of variables) {
    if (variable.shown || !solvedBy.has(id) || !small(variable.value)) continue;
    const found = breaker(id, new Set());
    if (found) return found;
  }
  return null;
}
