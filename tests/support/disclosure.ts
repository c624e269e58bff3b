// An attacker's view of a suppressed table, written apart from lib/insights/suppression.ts: starting from
// what is shown, solve every sum (row = its cells, column = its cells, overall total = the row totals = the
// column totals) that has one unknown left, again and again. Returns the hidden figures that become known.
type Table<R extends string, C extends string> = {
  cells: Record<R, Record<C, number | null>>;
  rowTotals: Record<R, number | null>;
  columnTotals: Record<C, number | null>;
  total: number;
};

export function workedOut<R extends string, C extends string>(
  rows: readonly R[],
  columns: readonly C[],
  table: Table<R, C>,
): { figure: string; value: number }[] {
  const value = new Map<string, number>();
  const cell = (r: R, c: C) => `${r}×${c}`;
  for (const r of rows) for (const c of columns) if (table.cells[r][c] !== null) value.set(cell(r, c), table.cells[r][c]!);
  for (const r of rows) if (table.rowTotals[r] !== null) value.set(`row ${r}`, table.rowTotals[r]!);
  for (const c of columns) if (table.columnTotals[c] !== null) value.set(`column ${c}`, table.columnTotals[c]!);
  value.set("total", table.total);
  const sums: [string, string[]][] = [
    ...rows.map((r) => [`row ${r}`, columns.map((c) => cell(r, c))] as [string, string[]]),
    ...columns.map((c) => [`column ${c}`, rows.map((r) => cell(r, c))] as [string, string[]]),
    ["total", rows.map((r) => `row ${r}`)],
    ["total", columns.map((c) => `column ${c}`)],
  ];
  const found: { figure: string; value: number }[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const [whole, parts] of sums) {
      const unknown = [whole, ...parts].filter((id) => !value.has(id));
      if (unknown.length !== 1) continue;
      const id = unknown[0]!;
      const partsKnown = parts.filter((p) => p !== id).reduce((sum, p) => sum + value.get(p)!, 0);
      const solved = id === whole ? partsKnown : value.get(whole)! - partsKnown;
      value.set(id, solved);
      found.push({ figure: id, value: solved });
      changed = true;
    }
  }
  return found;
}
