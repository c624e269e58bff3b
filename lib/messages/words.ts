// A word-level diff of two texts: the texts are cut into tokens (the segments of lib/text/words.ts: words as
// Unicode defines them, so Chinese or Japanese text is compared word by word, not sentence by sentence; runs of
// white space; single punctuation marks), aligned by a longest common subsequence, and returned as runs of
// equal, inserted and deleted text. Joining the equal+delete runs gives the old text back exactly, joining
// the equal+insert runs gives the new one. Pure.
import { segmentWords } from "@/lib/text/words";

export type DiffToken = { type: "equal" | "insert" | "delete"; text: string };

/** Above this many cells (tokens × tokens after the common ends are cut) the middle is shown replaced whole. */
export const WORD_DIFF_MAX_CELLS = 4_000_000;

/** @param locale the text's language (a BCP 47 tag) when known. */
export function tokenize(text: string, locale?: string): string[] {
  return segmentWords(text, locale).map((segment) => segment.text);
}

function push(out: DiffToken[], type: DiffToken["type"], text: string) {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.type === type) last.text += text;
  else out.push({ type, text });
}

/** The tokens of `a` and `b` aligned: equal, deleted (only in a) and inserted (only in b), merged into runs. */
export function diffTokens(a: string[], b: string[]): DiffToken[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffToken[] = [];
  push(out, "equal", a.slice(0, start).join(""));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > WORD_DIFF_MAX_CELLS) {
    push(out, "delete", midA.join(""));
    push(out, "insert", midB.join(""));
  } else if (n && m) {
    // lengths[i][j]: the longest common subsequence of midA[i..] and midB[j..].
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lengths[i * width + j] =
          midA[i] === midB[j]
            ? lengths[(i + 1) * width + j + 1]! + 1
            : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push(out, "equal", midA[i]!);
        i++;
        j++;
      } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) push(out, "delete", midA[i++]!);
      else push(out, "insert", midB[j++]!);
    }
    push(out, "delete", midA.slice(i).join(""));
    push(out, "insert", midB.slice(j).join(""));
  } else {
    push(out, "delete", midA.join(""));
    push(out, "insert", midB.join(""));
  }
  push(out, "equal", a.slice(endA).join(""));
  return out;
}

export function diffWords(from: string, to: string, locale?: string): DiffToken[] {
  return diffTokens(tokenize(from, locale), tokenize(to, locale));
}
