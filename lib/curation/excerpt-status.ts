// Whether an excerpt's source still reads as quoted. Pure (no database), so the browser, the listing and the
// tests share it. Offsets are UTF-16 code units, the unit of JavaScript strings and the browser's selections.
export type ExcerptStatus =
  { status: "unchanged"; start: number; end: number } | { status: "moved"; start: number; end: number } | { status: "changed" };

/**
 * "unchanged": the text at the excerpt's offsets is still its quote. "moved": the quote is elsewhere in the
 * current text (the occurrence nearest the old start, with its offsets). "changed": the quote is gone.
 */
export function excerptStatus(excerpt: { start: number; end: number; quote: string }, currentText: string): ExcerptStatus {
  const { start, end, quote } = excerpt;
  if (currentText.slice(start, end) === quote) return { status: "unchanged", start, end };
  let best = -1;
  for (let at = currentText.indexOf(quote); at !== -1; at = currentText.indexOf(quote, at + 1)) {
    if (best === -1 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best === -1 ? { status: "changed" } : { status: "moved", start: best, end: best + quote.length };
}

/** Where a pasted quote first occurs in an answer, or null. */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const start = text.indexOf(quote);
  return start === -1 ? null : { start, end: start + quote.length };
}
