// Text laid out line by line for pdfkit in any of the six UN languages, mixed as people write them: an English
// name in an Arabic sentence, a Chinese title in a Russian list. pdfkit wraps and draws left to right only, so
// the lines are made here, and drawn by ./draw-text.ts:
// 1. the styled spans become one string; each character gets its font family (./fonts.ts) and its bidi level
//    (the Unicode Bidirectional Algorithm, bidi-js) in the block's base direction;
// 2. the string is broken into lines at spaces, between Chinese characters (not before closing or after
//    opening punctuation) and after hyphens in words; a word longer than a line is cut between characters;
// 3. each line becomes pieces (same level, family and span), put in visual order by the algorithm's rule L2.
import "server-only";
import bidiFactory from "bidi-js";
import type PDFDocument from "pdfkit";
import { faceOf, familiesOf, fontName, HAN, INVISIBLE, metricsOf, sizeIn, type Family, type Style } from "./fonts";

type Doc = InstanceType<typeof PDFDocument>;
export const bidi = bidiFactory();

export type Span = Style & { text: string; link?: string | null };
export type Direction = "ltr" | "rtl" | "auto";
export type Align = "left" | "right" | "center";

export type Piece = { start: number; end: number; level: number; family: Family; span: number; width: number };
export type Line = { pieces: Piece[]; visual: Piece[]; width: number; ascent: number; descent: number; height: number };
export type TextBlock = { text: string; spans: Span[]; size: number; rtl: boolean; lines: Line[]; height: number };

const SPACE = /[ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]/;
const NO_BREAK_BEFORE = /[)\]}!?,.:;%'"»›’”…、。，．：；！？）］｝〕〉》」』】〙〗〟ー・\u301c]/;
const NO_BREAK_AFTER = /[(\[{«‹‘“（［｛〔〈《「『【〘〖〝]/;
const WORD = /[\p{L}\p{N}]/u;
const TRAILING = /[\s\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// The scripts fontkit lays out from right to left (fontkit's own list).
const RTL_SCRIPTS = [
  "Arabic",
  "Hebrew",
  "Syriac",
  "Thaana",
  "Cypriot",
  "Kharoshthi",
  "Phoenician",
  "Nko",
  "Lydian",
  "Avestan",
  "Imperial_Aramaic",
  "Inscriptional_Pahlavi",
  "Inscriptional_Parthian",
  "Old_South_Arabian",
  "Old_Turkic",
  "Samaritan",
  "Mandaic",
  "Meroitic_Cursive",
  "Meroitic_Hieroglyphs",
  "Manichaean",
  "Mende_Kikakui",
  "Nabataean",
  "Old_North_Arabian",
  "Palmyrene",
  "Psalter_Pahlavi",
].map((script) => `\\p{Script=${script}}`);
const RTL_SCRIPT = new RegExp(`[${RTL_SCRIPTS.join("")}]`, "u");
const OWN_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
// What makes text need the bidirectional algorithm: a right-to-left script, or a control that opens
// right-to-left text (RLE, RLO, RLI, RLM, ALM).
const RIGHT_TO_LEFT = new RegExp(`[${RTL_SCRIPTS.join("")}\u202b\u202e\u2067\u200f\u061c]`, "u");
const NOT_DRAWN = new RegExp(`${INVISIBLE.source}|\\n`, "g");

/** Whether fontkit lays `text` out from right to left: the first character of a script decides, as in fontkit. */
export const laidOutRtl = (text: string) => {
  const first = OWN_SCRIPT.exec(text);
  return first !== null && RTL_SCRIPT.test(first[0]);
};

/** Whether a line may end after `text[i]` (i < length - 1): "forced" after a line break. */
function breakAfter(text: string, i: number): boolean | "forced" {
  const a = text[i]!;
  const b = text[i + 1]!;
  if (a === "\n") return "forced";
  if (/[\ud800-\udbff]/.test(a)) return false; // inside a surrogate pair
  if (SPACE.test(b)) return false;
  if (SPACE.test(a)) return true;
  const before = String.fromCodePoint(text.codePointAt(i - (/[\udc00-\udfff]/.test(a) ? 1 : 0))!);
  const after = String.fromCodePoint(text.codePointAt(i + 1)!);
  if (HAN.test(before) || HAN.test(after)) return !NO_BREAK_BEFORE.test(after) && !NO_BREAK_AFTER.test(before);
  return a === "-" && i > 0 && WORD.test(text[i - 1]!) && WORD.test(b);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const clean = (text: string) =>
  text
    .replace(/\t/g, "    ")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "");

/** Lays `spans` out in lines of `width` points, without drawing: its height is known before it is placed. */
export function layoutText(
  doc: Doc,
  spans: Span[],
  {
    width,
    size,
    dir = "auto",
    lineGap = 2,
    strut,
  }: {
    width: number;
    size: number;
    dir?: Direction;
    lineGap?: number;
    /** A family whose line height every line has at least (the text's language's), so lines keep one spacing. */
    strut?: Family;
  },
): TextBlock {
  const shown = spans.map((span) => ({ ...span, text: clean(span.text) })).filter((span) => span.text.length > 0);
  const text = shown.map((span) => span.text).join("");
  const spanOf = new Uint32Array(text.length);
  let at = 0;
  shown.forEach((span, index) => spanOf.fill(index, at, (at += span.text.length)));
  const families = familiesOf(text);
  // Left-to-right text with nothing right-to-left in it is all at level 0: no need to run the algorithm.
  const embedding =
    dir !== "rtl" && !RIGHT_TO_LEFT.test(text)
      ? { levels: new Uint8Array(text.length), paragraphs: [{ start: 0, end: text.length - 1, level: 0 }] }
      : bidi.getEmbeddingLevels(text, dir);
  const rtl = dir === "auto" ? (embedding.paragraphs[0]?.level ?? 0) % 2 === 1 : dir === "rtl";

  /** The width of text[start, end): runs of one family and span measured in their font (cached by pdfkit). */
  const measure = (start: number, end: number) => {
    let total = 0;
    for (let i = start; i < end;) {
      let j = i;
      while (j < end && families[j] === families[i] && spanOf[j] === spanOf[i]) j++;
      const piece = text.slice(i, j).replace(NOT_DRAWN, "");
      if (piece) total += fontFor(doc, families[i]!, shown[spanOf[i]!]!, size).widthOfString(piece);
      i = j;
    }
    return total;
  };

  const ranges: [number, number][] = [];
  let lineStart = 0;
  let lineWidth = 0;
  const endLine = (end: number) => {
    ranges.push([lineStart, end]);
    lineStart = end;
    lineWidth = 0;
  };
  for (let start = 0; start < text.length;) {
    let end = start + 1;
    let forced: boolean | "forced" = false;
    while (end < text.length && !(forced = breakAfter(text, end - 1))) end++;
    let contentEnd = end;
    while (contentEnd > start && TRAILING.test(text[contentEnd - 1]!)) contentEnd--;
    const content = measure(start, contentEnd);
    if (lineWidth > 0 && lineWidth + content > width) endLine(start);
    if (lineWidth === 0 && content > width) {
      // A word longer than the line: cut between characters (never inside one).
      for (const { index, segment } of graphemes.segment(text.slice(start, contentEnd))) {
        const cut = start + index;
        if (cut > lineStart && measure(lineStart, cut + segment.length) > width) endLine(cut);
      }
      lineWidth = measure(lineStart, end);
    } else lineWidth += measure(start, end);
    if (forced === "forced") endLine(end);
    start = end;
  }
  if (lineStart < text.length || ranges.length === 0) endLine(text.length);

  const lines = ranges.map(([start, end]) =>
    lineOf(text, start, end, { embedding, families, spanOf, measure, size, lineGap, strut: strut ?? "latin" }),
  );
  return { text, spans: shown, size, rtl, lines, height: lines.reduce((sum, line) => sum + line.height, 0) };
}

function lineOf(
  text: string,
  start: number,
  end: number,
  context: {
    embedding: ReturnType<typeof bidi.getEmbeddingLevels>;
    families: Family[];
    spanOf: Uint32Array;
    measure: (start: number, end: number) => number;
    size: number;
    lineGap: number;
    strut: Family;
  },
): Line {
  const { embedding, families, spanOf, measure, size, lineGap, strut } = context;
  while (end > start && TRAILING.test(text[end - 1]!)) end--;
  const pieces: Piece[] = [];
  for (let i = start; i < end; i++) {
    const last = pieces[pieces.length - 1];
    const level = embedding.levels[i]!;
    if (last && (INVISIBLE.test(text[i]!) || (last.level === level && last.family === families[i] && last.span === spanOf[i])))
      last.end = i + 1;
    else pieces.push({ start: i, end: i + 1, level, family: families[i]!, span: spanOf[i]!, width: 0 });
  }
  for (const piece of pieces) piece.width = measure(piece.start, piece.end);
  // Rule L2: from the highest level down to the lowest odd one, reverse every run of pieces at that level or higher.
  const visual = [...pieces];
  const highest = Math.max(0, ...pieces.map((p) => p.level));
  const lowestOdd = Math.min(...pieces.map((p) => p.level | 1));
  for (let level = highest; level >= lowestOdd; level--)
    for (let i = 0; i < visual.length; i++) {
      if (visual[i]!.level < level) continue;
      let j = i;
      while (j + 1 < visual.length && visual[j + 1]!.level >= level) j++;
      visual.splice(i, j - i + 1, ...visual.slice(i, j + 1).reverse());
      i = j;
    }
  const used = [strut, ...pieces.map((p) => p.family)].map(metricsOf);
  const ascent = Math.max(...used.map((m) => m.ascent)) * size;
  const descent = Math.max(...used.map((m) => m.descent)) * size;
  return {
    pieces,
    visual,
    width: pieces.reduce((sum, p) => sum + p.width, 0),
    ascent,
    descent,
    height: ascent + descent + lineGap,
  };
}

export function fontFor(doc: Doc, family: Family, style: Style, size: number) {
  return doc.font(fontName(doc, family, faceOf(family, style))).fontSize(sizeIn(family, size));
}
