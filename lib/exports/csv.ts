// CSV as RFC 4180 says, for spreadsheets: CRLF line ends, a field is quoted when it holds a comma, a quote,
// CR or LF (quotes doubled inside), and the file starts with a UTF-8 byte-order mark so Excel reads it as
// UTF-8. Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one),
// so such a cell gets a leading single quote and is shown as text. The quote is visible in the data: that
// is the price of opening a stranger's text in Excel safely (OWASP "CSV injection"); the JSON export keeps
// the exact text. Pure: used by the tests and the server.
export type Cell = string | number | boolean | null | undefined | readonly string[];

export const BOM = "\uFEFF";
export const CSV_EOL = "\r\n";
/** How a list (tags, choices) is written in one CSV cell; JSON keeps lists as arrays. */
export const LIST_SEPARATOR = "; ";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The text of one cell, defused against formulas. Numbers are written as they are (a negative stays one). */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = typeof value === "string" ? value : value.join(LIST_SEPARATOR);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted when it must be. */
export function csvField(value: Cell): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF. */
export function csvRow(values: readonly Cell[]): string {
  return values.map(csvField).join(",") + CSV_EOL;
}
