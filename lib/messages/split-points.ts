// Where a paragraph may be split without JavaScript: before each of its sentences but the first (a sentence
// starts after ".", "!" or "?" and white space, or after a blank line). Each point is a character offset
// into the body, as splitParagraph takes it, with the sentence's first words to name it. Pure.
export const SPLIT_PREVIEW_WORDS = 8;

export function splitPoints(body: string): { at: number; sentence: number; start: string }[] {
  const points: { at: number; sentence: number; start: string }[] = [];
  const boundary = /(?:[.!?…]["'”’)\]]*\s+|\n\s*\n\s*)(?=\S)/g;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(body))) {
    const at = match.index + match[0].length;
    if (at <= 0 || at >= body.length || points.some((p) => p.at === at)) continue;
    const words = body.slice(at).split(/\s+/).filter(Boolean);
    const start = words.slice(0, SPLIT_PREVIEW_WORDS).join(" ") + (words.length > SPLIT_PREVIEW_WORDS ? " …" : "");
    points.push({ at, sentence: points.length + 2, start });
  }
  return points;
}
