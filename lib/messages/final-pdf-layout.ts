// The page furniture of the final PDF (./final-pdf.ts): the column text is written in, mirrored in a
// right-to-left document (numbers, list markers and the first table column on the right), tagged blocks,
// headings, lists and tables. Text goes through lib/pdf/text.ts, so every script is drawn in its font and
// direction; the structure through lib/pdf/tags.ts.
import "server-only";
import type PDFDocument from "pdfkit";
import { directionOf } from "@/lib/i18n/config";
import { familyOfLanguage } from "@/lib/pdf/fonts";
import type { Element, Tags } from "@/lib/pdf/tags";
import { drawText, writeText } from "@/lib/pdf/draw-text";
import { layoutText, type Direction, type Span } from "@/lib/pdf/text";
import type { DocumentText } from "./final-document";

export type Doc = InstanceType<typeof PDFDocument>;
export const BODY = 10.5;
export const SMALL = 8.5;
export const LINK = "#0b4f8a";
export const TEXT = "#1b1f24";
export const MUTED = "#4a5560";

/** The document being written: pdfkit's, its structure, its fixed text (and so its language and direction). */
export type Page = { doc: Doc; tags: Tags; text: DocumentText; rtl: boolean };

/** A horizontal stretch of the page: where a block of text goes. */
export type Box = { x: number; width: number };

export const column = ({ doc }: Page): Box => ({
  x: doc.page.margins.left,
  width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
});
/** `box` less `start` points on its start side (the right one when `rtl`). */
export const inset = (box: Box, start: number, rtl: boolean): Box => ({
  x: rtl ? box.x : box.x + start,
  width: box.width - start,
});
/** The part of `box` that is `width` points wide, `start` points from its start side. */
export const slot = (box: Box, start: number, width: number, rtl: boolean): Box => ({
  x: rtl ? box.x + box.width - start - width : box.x + start,
  width,
});

export const bottom = ({ doc }: Page) => doc.page.height - doc.page.margins.bottom;
/** A new page unless `height` points still fit on this one. */
export function keepSpace(p: Page, height: number) {
  if (p.doc.y + height > bottom(p)) p.tags.addPage();
}
export const gap = (p: Page, points: number) => {
  p.doc.y += points;
};

/** A user's text (a name, a title) inside a sentence: isolated, so its direction does not spill over. */
export const isolate = (value: string) => `\u2068${value}\u2069`;
/** Every address in `text` kept left to right as a whole, its slashes and dots too, in right-to-left text. */
export const addressesLtr = (text: string) => text.replace(/\bhttps?:\/\/[^\s()]+/g, (url) => `\u2066${url}\u2069`);

export type TextOptions = {
  box?: Box;
  size?: number;
  color?: string;
  /** The language of the text when it is not the document's: its direction, its line height, its /Lang. */
  lang?: string;
  /** "auto" for text of unknown language (names): its first strong character decides. */
  dir?: Direction;
};

const directionIn = (p: Page, options: TextOptions): Direction =>
  options.dir ?? (options.lang ? (directionOf(options.lang) as Direction) : p.text.dir === "rtl" ? "rtl" : "ltr");
/** Text aligns on its start: its own direction's, or the document's when its direction is its first letter's. */
const alignOf = (p: Page, dir: Direction) => (dir === "auto" ? (p.rtl ? "right" : "left") : dir === "rtl" ? "right" : "left");

/** Writes spans as content of `element`, flowing over pages from doc.y. */
export function writeIn(p: Page, element: Element, spans: Span[], options: TextOptions = {}) {
  const { box = column(p), size = BODY, color = TEXT, lang } = options;
  const dir = directionIn(p, options);
  writeText(p.doc, spans, {
    x: box.x,
    width: box.width,
    size,
    dir,
    align: alignOf(p, dir),
    color,
    linkColor: LINK,
    strut: familyOfLanguage(lang ?? p.text.locale),
    bottom: () => bottom(p),
    tag: { tags: p.tags, element },
  });
}

/** A structure element of `type` in `parent`, with /Lang when its language is not the document's. */
export const element = (p: Page, type: string, parent: Element, lang?: string) =>
  p.tags.element(type, parent, lang && lang !== p.text.locale ? { lang } : {});

/** Spans written as one block (a P unless `type` says otherwise) of `parent`. */
export function write(p: Page, spans: Span[], parent: Element, options: TextOptions & { type?: string } = {}) {
  const block = element(p, options.type ?? "P", parent, options.lang);
  writeIn(p, block, spans, options);
  p.tags.end(block);
}

export function heading(p: Page, text: string, size: number, type: string, parent: Element, options: TextOptions = {}) {
  keepSpace(p, size * 4);
  gap(p, size * 0.7);
  write(p, [{ text, bold: true }], parent, { ...options, size, type });
  gap(p, size * 0.4);
}

type ItemOptions = TextOptions & { indent?: number; rtl?: boolean };
export const BULLET = "•";

/**
 * Opens an item of a list (an LI in `list`): draws `marker` (its Lbl) in the `indent` points at the start side
 * of the box, and gives the LBody and the rest of the box, level with the marker, for what the item holds.
 */
export function openListItem(
  p: Page,
  list: Element,
  marker: Span,
  { box = column(p), indent = 12, size = BODY, color = TEXT, lang, rtl = p.rtl }: ItemOptions,
) {
  keepSpace(p, size * 2.5);
  const item = element(p, "LI", list);
  const place = slot(box, 0, indent - 2, rtl);
  const strut = familyOfLanguage(lang ?? p.text.locale);
  const laid = layoutText(p.doc, [marker], { width: place.width, size, dir: rtl ? "rtl" : "ltr", strut });
  const draw = (label?: Element) =>
    drawText(p.doc, laid, p.doc.y, {
      ...place,
      align: rtl ? "right" : "left",
      color,
      tag: label && { tags: p.tags, element: label },
    });
  // A number is read (Lbl); a bullet only shows that an item starts, which the LI says already.
  if (marker.text === BULLET) p.tags.artifact(() => draw());
  else {
    const label = element(p, "Lbl", item);
    draw(label);
    p.tags.end(label);
  }
  const body = element(p, "LBody", item);
  return {
    body,
    box: inset(box, indent, rtl),
    close: () => {
      p.tags.end(body);
      p.tags.end(item);
    },
  };
}

/** A list item whose LBody `write` fills. */
export function listItem(
  p: Page,
  list: Element,
  marker: Span,
  write: (body: Element, box: Box) => void,
  options: ItemOptions = {},
) {
  const item = openListItem(p, list, marker, options);
  write(item.body, item.box);
  item.close();
}

export type Cell = { text: string; link?: string | null; bold?: boolean; dir?: Direction; header?: boolean };

/**
 * A table (Table, TR, TH/TD) whose columns run from the start side; the header row is repeated on each new page
 * (as an artifact: it was read once). Cells hold text of the document's language unless they say `dir`.
 */
export function table(
  p: Page,
  parent: Element,
  columns: { header: string; width: number }[],
  rows: Cell[][],
  { size = SMALL, caption }: { size?: number; caption?: string } = {},
) {
  const { doc, tags } = p;
  const box = column(p);
  const pad = 3;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const frame = slot(box, 0, total, p.rtl);
  const strut = familyOfLanguage(p.text.locale);
  const headerCells = columns.map((c): Cell => ({ text: c.header, bold: true }));
  const laidOut = (cells: Cell[]) => {
    const blocks = cells.map((cell, i) =>
      layoutText(doc, [{ text: cell.text || " ", bold: cell.bold, link: cell.link }], {
        width: columns[i]!.width - 2 * pad,
        size,
        dir: cell.dir ?? (p.rtl ? "rtl" : "ltr"),
        strut,
      }),
    );
    return { blocks, height: Math.max(...blocks.map((b) => b.height)) + 2 * pad };
  };
  const tableElement = tags.element("Table", parent);
  // The caption, the header and the first row start on the same page.
  keepSpace(p, (caption ? size * 3 : 0) + laidOut(headerCells).height + (rows[0] ? laidOut(rows[0]).height : 0));
  if (caption) {
    write(p, [{ text: caption, italic: true }], tableElement, { size, type: "Caption" });
    gap(p, 3);
  }
  const drawRow = (cells: Cell[], kind: "header" | "repeat" | "body") => {
    const { blocks, height } = laidOut(cells);
    if (doc.y + height > bottom(p) && kind === "body") {
      tags.addPage();
      drawRow(headerCells, "repeat");
    }
    const y = doc.y;
    const row = kind === "repeat" ? null : tags.element("TR", tableElement);
    const draw = () => {
      let start = 0;
      cells.forEach((cell, i) => {
        const place = slot(frame, start + pad, columns[i]!.width - 2 * pad, p.rtl);
        start += columns[i]!.width;
        const type = kind === "header" || cell.header ? "TH" : "TD";
        const scope = kind === "header" ? "Column" : "Row";
        const owner = row && tags.element(type, row, type === "TH" ? { scope } : {});
        drawText(doc, blocks[i]!, y + pad, {
          ...place,
          align: alignOf(p, cell.dir ?? "auto"),
          color: TEXT,
          linkColor: LINK,
          tag: owner ? { tags, element: owner } : undefined,
        });
        if (owner) tags.end(owner);
      });
    };
    const furniture = () => {
      if (kind !== "body") doc.rect(frame.x, y, frame.width, height).fill("#f4f6f8");
      doc
        .moveTo(frame.x, y + height)
        .lineTo(frame.x + frame.width, y + height)
        .strokeColor("#c9d1d9")
        .lineWidth(0.5)
        .stroke();
      doc.fillColor(TEXT);
    };
    tags.artifact(furniture);
    if (row) {
      draw();
      tags.end(row);
    } else tags.artifact(draw);
    doc.y = y + height;
  };
  drawRow(headerCells, "header");
  for (const cells of rows) drawRow(cells, "body");
  tags.end(tableElement);
  gap(p, 10);
}
