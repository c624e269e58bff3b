// Cuts an answer's text into runs, marked where at least one excerpt covers it (excerpts may overlap), so the
// page renders the text as-is with <mark> around quoted passages. Pure: used by a client component.
export type Segment = { start: number; text: string; marked: boolean };

export function highlightSegments(text: string, ranges: readonly { start: number; end: number }[]): Segment[] {
  const cuts = new Set([0, text.length]);
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= text.length && r.end > r.start);
  for (const r of valid) cuts.add(r.start).add(r.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const marked = valid.some((r) => r.start <= start && r.end >= end);
    const last = segments[segments.length - 1];
    if (last && last.marked === marked) last.text += text.slice(start, end);
    else segments.push({ start, text: text.slice(start, end), marked });
  }
  return segments;
}
