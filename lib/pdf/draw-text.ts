// Drawing the lines of ./text.ts. Each piece is drawn at its place. fontkit shapes Arabic (joining forms,
// lam-alef) and lays a right-to-left script out from right to left by itself, word by word as pdfkit hands it
// over: a right-to-left piece goes to it in reading order, its brackets mirrored, its words in the order they
// stand on the line; text fontkit would turn the wrong way (digits of the Arabic script at an even level,
// punctuation at an odd one) goes in reversed. Words are laid out once per document and font (pdfkit's
// cache), which keeps a long Arabic document about as fast to make as an English one.
// Pieces are drawn in reading order, and a right-to-left one inside a span that carries its text in reading
// order (/ActualText), so the content, the text a reader copies and the tagged structure (./tags.ts) read in
// the order the text was written.
import "server-only";
import type PDFDocument from "pdfkit";
import { INVISIBLE } from "./fonts";
import type { Element, Tags } from "./tags";
import { bidi, fontFor, laidOutRtl, layoutText, type Align, type Line, type Piece, type Span, type TextBlock } from "./text";

type Doc = InstanceType<typeof PDFDocument>;

const DRAW = { lineBreak: false, baseline: "alphabetic" } as const;

export type DrawOptions = {
  x: number;
  width: number;
  align?: Align;
  color?: string;
  linkColor?: string;
  /** The element the text belongs to in the tagged structure (none: the caller marks it, e.g. as an artifact). */
  tag?: { tags: Tags; element: Element };
};

/** Draws one laid-out line with its top at `y`. */
function drawLine(doc: Doc, block: TextBlock, line: Line, y: number, options: DrawOptions, links: Map<number, Element>) {
  const { x, width, align = block.rtl ? "right" : "left", color = "#000000", linkColor = color, tag } = options;
  let left = align === "right" ? x + width - line.width : align === "center" ? x + (width - line.width) / 2 : x;
  const place = new Map<Piece, number>();
  for (const piece of line.visual) {
    place.set(piece, left);
    left += piece.width;
  }
  const baseline = y + line.ascent;
  for (const piece of line.pieces) {
    const span = block.spans[piece.span]!;
    const odd = piece.level % 2 === 1;
    let written = "";
    let shown = "";
    for (const c of block.text.slice(piece.start, piece.end))
      if (!INVISIBLE.test(c) && c !== "\n") {
        written += c;
        shown += (odd && bidi.getMirroredCharacter(c)) || c;
      }
    if (!shown.trim()) continue;
    const rtlRun = laidOutRtl(shown);
    const px = place.get(piece)!;
    let owner = tag?.element;
    if (tag && span.link) {
      owner = links.get(piece.span);
      if (!owner) links.set(piece.span, (owner = tag.tags.element("Link", tag.element)));
    }
    if (tag && owner) tag.tags.mark(owner, rtlRun ? written : undefined);
    const font = fontFor(doc, piece.family, span, block.size).fillColor(span.link ? linkColor : color);
    if (!odd && !rtlRun) font.text(shown, px, baseline, DRAW);
    else if (!odd) {
      // Digits of the Arabic script at an even level: fontkit would turn them; each number goes in reversed.
      let x = px;
      for (const [token] of shown.matchAll(/\S+|\s+/g)) {
        const glyphs = laidOutRtl(token) ? Array.from(token).reverse().join("") : token;
        font.text(glyphs, x, baseline, DRAW);
        x += font.widthOfString(glyphs);
      }
    } else {
      // Right to left: each word with the space after it, in the order they stand on the line, in one call.
      // pdfkit lays text out (and caches it) a word and its trailing space at a time, in the order given, and
      // fontkit turns each Arabic word and its space from right to left itself (the space lands on the word's
      // left). The leftmost word (the last one read) gets a space too, drawn just outside the piece. A word
      // of no such script (a dash) goes in turned and ends its call, as it ends with no space; calls are made
      // from the right, in reading order, as text extraction reads each call as one right-to-left run.
      const groups = Array.from(shown.replace(/\s+/g, " ").matchAll(/[^ ]+ ?|^ /g), ([group]) =>
        laidOutRtl(group) ? group : Array.from(group).reverse().join(""),
      ).reverse();
      let x = px;
      if (groups[0] && !groups[0].endsWith(" ") && laidOutRtl(groups[0])) {
        groups[0] += " ";
        x -= font.widthOfString(" ");
      }
      const runs: { text: string; x: number }[] = [];
      while (groups.length) {
        const last = groups.findIndex((group) => !group.endsWith(" "));
        const run = groups.splice(0, last === -1 ? groups.length : last + 1).join("");
        runs.push({ text: run, x });
        x += font.widthOfString(run);
      }
      for (const run of runs.reverse()) font.text(run.text, run.x, baseline, DRAW);
    }
    if (span.link) {
      // Tagged: the annotation belongs to its Link element, and says where it leads (a PDF string, not a name).
      const annotation = owner ? { structParent: owner, Contents: new String(span.link) } : {};
      doc.link(px, y, piece.width, line.height, span.link, annotation as PDFKit.Mixins.AnnotationOption);
      const underline = () =>
        doc
          .save()
          .moveTo(px, baseline + block.size * 0.12)
          .lineTo(px + piece.width, baseline + block.size * 0.12)
          .lineWidth(0.5)
          .strokeColor(linkColor)
          .stroke()
          .restore();
      if (tag) tag.tags.artifact(underline);
      else underline();
    }
  }
}

/** Draws a laid-out block with its top at `y` (no page break: the caller made room). Returns its bottom. */
export function drawText(doc: Doc, block: TextBlock, y: number, options: DrawOptions) {
  const { x: docX, y: docY } = doc;
  const links = new Map<number, Element>();
  for (const line of block.lines) {
    drawLine(doc, block, line, y, options, links);
    y += line.height;
  }
  doc.x = docX; // pdfkit's text() moved them
  doc.y = docY;
  return y;
}

/**
 * Lays out and draws `spans` from doc.y down, starting a new page whenever a line no longer fits above
 * `bottom`; doc.y ends below the text.
 */
export function writeText(
  doc: Doc,
  spans: Span[],
  options: DrawOptions & Omit<Parameters<typeof layoutText>[2], "width"> & { bottom: () => number },
) {
  const block = layoutText(doc, spans, options);
  const links = new Map<number, Element>();
  for (const line of block.lines) {
    if (doc.y + line.height > options.bottom() && doc.y > doc.page.margins.top) {
      if (options.tag) options.tag.tags.addPage();
      else doc.addPage();
    }
    const top = doc.y;
    drawLine(doc, block, line, top, options, links);
    doc.y = top + line.height;
  }
  doc.x = options.x;
  return block;
}
