// The final messages as a PDF, made on the server with pdfkit: title, finalisation date, introduction,
// sections with numbered paragraphs, each paragraph's sources (linked to their public pages), contributors,
// participation figures, page numbers and document metadata. Markdown (introduction, paragraph bodies) is
// read as markdown-it tokens and drawn as styled text: headings, bold, italics, lists, quotes, code, links;
// raw HTML is never interpreted (html: false, as on the page). Text is set in DejaVu Sans (an npm package,
// free licence), embedded and subset, so names in Latin, Greek and Cyrillic scripts print as written.
import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import PDFDocument from "pdfkit";
import { Invalid } from "@/lib/errors";
import { SMALL_CELL } from "@/lib/insights/suppression";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import type { FinalMessages } from "./final";
import {
  callLines,
  documentText,
  MAX_FINAL_PDF_BYTES,
  messagesUrl,
  organisationText,
  responseUrl,
  siteUrl,
  sourceLabel,
  type DocumentText,
} from "./final-document";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });
type Tokens = ReturnType<typeof markdown.parse>;

const FONTS = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
  mono: "DejaVuSansMono.ttf",
} as const;
type FontName = keyof typeof FONTS;

// Read at run time from the installed package (not bundled: see serverExternalPackages in next.config.js).
let fontFiles: Record<FontName, Buffer> | undefined;
function fonts() {
  const dir = join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
  fontFiles ??= Object.fromEntries(Object.entries(FONTS).map(([name, file]) => [name, readFileSync(join(dir, file))])) as Record<
    FontName,
    Buffer
  >;
  return fontFiles;
}

const MARGIN = 56;
const BODY = 10.5;
const SMALL = 8.5;
const LINK = "#0b4f8a";
const TEXT = "#1b1f24";
const MUTED = "#4a5560";

type Doc = InstanceType<typeof PDFDocument>;
type Run = { text: string; bold?: boolean; italic?: boolean; code?: boolean; link?: string | null };

const fontOf = (run: Run): FontName =>
  run.code ? "mono" : run.bold && run.italic ? "boldItalic" : run.bold ? "bold" : run.italic ? "italic" : "regular";

const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** A new page unless `height` points still fit on this one. */
function keepSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** Styled runs as one flowing text block at `x`, `width` wide. */
function writeRuns(
  doc: Doc,
  runs: Run[],
  { x, width, size = BODY, color = TEXT }: { x: number; width: number; size?: number; color?: string },
) {
  const shown = runs.filter((run) => run.text.length > 0);
  if (shown.length === 0) return;
  doc.fontSize(size);
  shown.forEach((run, index) => {
    doc.font(fontOf(run)).fillColor(run.link ? LINK : color);
    const options = {
      width,
      continued: index < shown.length - 1,
      link: run.link ?? null,
      underline: Boolean(run.link),
      lineGap: 2,
    };
    if (index === 0) doc.text(run.text, x, doc.y, options);
    else doc.text(run.text, options);
  });
  doc.fillColor(TEXT);
}

const linkable = (href: string | null) => (href && /^(https?:|mailto:)/i.test(href) ? href : null);

/** The runs of an inline token's children: emphasis, code and links kept, everything else as text. */
function inlineRuns(children: Tokens, base: Run = { text: "" }): Run[] {
  const runs: Run[] = [];
  let bold = Boolean(base.bold);
  let italic = Boolean(base.italic);
  let link: string | null = null;
  for (const child of children) {
    switch (child.type) {
      case "strong_open":
        bold = true;
        break;
      case "strong_close":
        bold = Boolean(base.bold);
        break;
      case "em_open":
        italic = true;
        break;
      case "em_close":
        italic = Boolean(base.italic);
        break;
      case "link_open":
        link = linkable(String(child.attrGet("href") ?? ""));
        break;
      case "link_close":
        link = null;
        break;
      case "code_inline":
        runs.push({ text: child.content, code: true, link });
        break;
      case "softbreak":
        runs.push({ text: " ", bold, italic, link });
        break;
      case "hardbreak":
        runs.push({ text: "\n", bold, italic, link });
        break;
      case "image":
        runs.push({ text: child.content, italic: true });
        break;
      default:
        if (child.content) runs.push({ text: child.content, bold, italic, link });
    }
  }
  return runs;
}

const HEADING_SIZE: Record<string, number> = { h1: 14, h2: 13, h3: 12, h4: 11, h5: BODY, h6: BODY };

/** Markdown drawn as styled text from `x`, `width` wide. */
function writeMarkdown(doc: Doc, source: string, { x, width, size = BODY }: { x: number; width: number; size?: number }) {
  const tokens = markdown.parse(source, {});
  const lists: { ordered: boolean; n: number }[] = [];
  let heading: string | null = null;
  let quote = 0;
  let marker = "";
  for (const token of tokens) {
    const indent = (lists.length + quote) * 14;
    switch (token.type) {
      case "heading_open":
        heading = token.tag;
        keepSpace(doc, 40);
        break;
      case "heading_close":
        heading = null;
        doc.moveDown(0.3);
        break;
      case "bullet_list_open":
        lists.push({ ordered: false, n: 0 });
        break;
      case "ordered_list_open":
        lists.push({ ordered: true, n: Number(token.attrGet("start") ?? 1) - 1 });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        if (lists.length === 0) doc.moveDown(0.5);
        break;
      case "list_item_open": {
        const list = lists[lists.length - 1]!;
        list.n += 1;
        marker = list.ordered ? `${list.n}. ` : "• ";
        break;
      }
      case "blockquote_open":
        quote += 1;
        break;
      case "blockquote_close":
        quote -= 1;
        break;
      case "paragraph_close":
        if (lists.length === 0) doc.moveDown(0.5);
        break;
      case "hr": {
        doc.moveDown(0.3);
        doc
          .moveTo(x, doc.y)
          .lineTo(x + width, doc.y)
          .strokeColor(MUTED)
          .lineWidth(0.5)
          .stroke();
        doc.moveDown(0.6);
        break;
      }
      case "fence":
      case "code_block":
        writeRuns(doc, [{ text: token.content.replace(/\n$/, ""), code: true }], {
          x: x + indent,
          width: width - indent,
          size: size - 1,
        });
        doc.moveDown(0.5);
        break;
      case "inline": {
        const runs = inlineRuns(token.children ?? [], { text: "", bold: heading !== null, italic: quote > 0 });
        if (marker) runs.unshift({ text: marker });
        marker = "";
        writeRuns(doc, runs, {
          x: x + indent,
          width: width - indent,
          size: heading ? (HEADING_SIZE[heading] ?? size) : size,
          color: quote ? MUTED : TEXT,
        });
        break;
      }
    }
  }
}

/** A table with a header row repeated on each page; cells may link (a reference to its public page). */
function writeTable(
  doc: Doc,
  columns: { header: string; width: number }[],
  rows: { text: string; link?: string | null; bold?: boolean }[][],
  { size = SMALL, caption }: { size?: number; caption?: string } = {},
) {
  const x0 = doc.page.margins.left;
  const pad = 3;
  const heightOf = (cells: { text: string; bold?: boolean }[]) =>
    Math.max(
      ...cells.map((cell, i) =>
        doc
          .font(cell.bold ? "bold" : "regular")
          .fontSize(size)
          .heightOfString(cell.text || " ", { width: columns[i]!.width - 2 * pad }),
      ),
    ) +
    2 * pad;
  const drawRow = (cells: { text: string; link?: string | null; bold?: boolean }[], shaded: boolean) => {
    const height = heightOf(cells);
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      drawRow(
        columns.map((c) => ({ text: c.header, bold: true })),
        true,
      );
    }
    const y = doc.y;
    if (shaded)
      doc
        .rect(
          x0,
          y,
          columns.reduce((s, c) => s + c.width, 0),
          height,
        )
        .fill("#f4f6f8");
    let x = x0;
    cells.forEach((cell, i) => {
      doc
        .font(cell.bold ? "bold" : "regular")
        .fontSize(size)
        .fillColor(cell.link ? LINK : TEXT);
      doc.text(cell.text, x + pad, y + pad, {
        width: columns[i]!.width - 2 * pad,
        link: cell.link ?? null,
        underline: Boolean(cell.link),
        continued: false,
      });
      x += columns[i]!.width;
    });
    doc
      .moveTo(x0, y + height)
      .lineTo(x, y + height)
      .strokeColor("#c9d1d9")
      .lineWidth(0.5)
      .stroke();
    doc.fillColor(TEXT);
    doc.x = x0;
    doc.y = y + height;
  };
  if (caption) {
    keepSpace(doc, 60);
    writeRuns(doc, [{ text: caption, italic: true }], { x: x0, width: contentWidth(doc), size });
    doc.moveDown(0.3);
  }
  keepSpace(doc, 40);
  drawRow(
    columns.map((c) => ({ text: c.header, bold: true })),
    true,
  );
  for (const cells of rows) drawRow(cells, false);
  doc.moveDown(0.8);
}

function heading(doc: Doc, text: string, size: number) {
  keepSpace(doc, size * 4);
  doc.moveDown(0.6);
  writeRuns(doc, [{ text, bold: true }], { x: doc.page.margins.left, width: contentWidth(doc), size });
  doc.moveDown(0.4);
}

/** The PDF of a final set, in memory (at most MAX_FINAL_PDF_BYTES). */
export async function finalPdf(set: FinalMessages): Promise<Buffer> {
  const text = documentText();
  const { t } = text;
  const forum = set.callDetails?.forumName ?? set.forumName;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 14 },
    bufferPages: true,
    lang: "en",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: set.title,
      Author: t("documentAuthor", { forum }),
      Subject: set.callDetails ? t("documentSubject", { title: set.callDetails.title }) : t("documentSubjectNoCall"),
      Keywords: "IGF, final messages",
      CreationDate: set.finalisedAt,
    },
  });
  const chunks: Buffer[] = [];
  let size = 0;
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FINAL_PDF_BYTES) reject(Invalid("finalPdfTooLarge"));
      else chunks.push(chunk);
    });
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const [name, data] of Object.entries(fonts())) doc.registerFont(name, data);
  doc.font("regular");

  const left = MARGIN;
  const width = contentWidth(doc);
  writeRuns(doc, [{ text: set.title, bold: true }], { x: left, width, size: 20 });
  doc.moveDown(0.4);
  writeRuns(doc, [{ text: t("documentFinalised", { date: text.date(set.finalisedAt) }), bold: true }], {
    x: left,
    width,
    size: 11,
  });
  for (const line of callLines(set, text)) writeRuns(doc, [{ text: line }], { x: left, width, size: SMALL + 1, color: MUTED });
  writeRuns(
    doc,
    [{ text: `${t("documentWebPage", { url: "" })}` }, { text: messagesUrl(set.slug), link: messagesUrl(set.slug) }],
    {
      x: left,
      width,
      size: SMALL + 1,
      color: MUTED,
    },
  );
  doc.moveDown(1);
  if (set.introduction.trim()) writeMarkdown(doc, set.introduction, { x: left, width });

  for (const section of set.sections) {
    heading(doc, section.heading, 14);
    for (const paragraph of section.paragraphs) writeParagraph(doc, paragraph, text);
  }

  writeContributors(doc, set, text);
  writeParticipation(doc, set, text);
  heading(doc, t("sourcesHeading"), 13);
  writeRuns(doc, [{ text: t("sourcesNote", { url: siteUrl() }) }], { x: left, width, size: SMALL + 1 });

  // Page numbers, written once every page exists (the bottom margin is lifted so no page is added).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(SMALL)
      .fillColor(MUTED)
      .text(t("page", { n: i + 1, total: range.count }), left, doc.page.height - MARGIN + 10, {
        width,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

type Paragraph = FinalMessages["sections"][number]["paragraphs"][number];

function writeParagraph(doc: Doc, paragraph: Paragraph, text: DocumentText) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const gutter = 26;
  keepSpace(doc, 48); // a number is never left alone at the foot of a page
  const y = doc.y;
  doc
    .font("bold")
    .fontSize(BODY)
    .fillColor(TEXT)
    .text(`${paragraph.number}.`, left, y, { width: gutter - 4 });
  // The body starts level with its number (unless the number's line itself moved to a new page).
  if (doc.y > y) doc.y = y;
  writeMarkdown(doc, paragraph.body, { x: left + gutter, width: width - gutter });
  const { t } = text;
  const x = left + gutter;
  if (paragraph.sources.length === 0) {
    writeRuns(doc, [{ text: t("noSources"), italic: true }], { x, width: width - gutter, size: SMALL, color: MUTED });
  } else {
    keepSpace(doc, 24);
    writeRuns(doc, [{ text: t("sources", { n: paragraph.number }), bold: true }], {
      x,
      width: width - gutter,
      size: SMALL,
      color: MUTED,
    });
    for (const source of paragraph.sources) {
      if (!source.available) {
        writeRuns(doc, [{ text: `• ${t(source.removed ? "removed" : "unavailable")}` }], {
          x: x + 8,
          width: width - gutter - 8,
          size: SMALL,
          color: MUTED,
        });
        continue;
      }
      const label = sourceLabel(source, text);
      writeRuns(
        doc,
        [{ text: "• " }, { text: source.reference, link: responseUrl(source.reference) }, { text: label ? ` — ${label}` : "" }],
        {
          x: x + 8,
          width: width - gutter - 8,
          size: SMALL,
          color: MUTED,
        },
      );
      if (source.quote)
        writeRuns(doc, [{ text: `“${source.quote}”`, italic: true }], {
          x: x + 20,
          width: width - gutter - 20,
          size: SMALL,
          color: MUTED,
        });
    }
  }
  doc.moveDown(0.8);
}

function writeContributors(doc: Doc, set: FinalMessages, text: DocumentText) {
  const { t } = text;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  heading(doc, t("contributorsHeading"), 14);
  const c = set.contributors;
  if (!c) {
    writeRuns(doc, [{ text: t("noCall") }], { x: left, width });
    return;
  }
  writeRuns(doc, [{ text: t("contributorsIntro") }], { x: left, width, size: SMALL + 1 });
  doc.moveDown(0.4);
  const summary = `${t("contributorsSummary", { total: c.total })} ${
    c.total > 0
      ? t("contributorsBreakdown", { named: c.named.length, anonymous: c.anonymousCount, hidden: c.notPublishedCount })
      : ""
  }`;
  writeRuns(doc, [{ text: summary.trim() }], { x: left, width });
  doc.moveDown(0.5);
  if (c.named.length === 0) writeRuns(doc, [{ text: t("noNamed") }], { x: left, width });
  else
    writeTable(
      doc,
      [
        { header: t("name"), width: 140 },
        { header: t("organisation"), width: 160 },
        { header: t("group"), width: 110 },
        { header: t("response"), width: width - 410 },
      ],
      c.named.map((person) => [
        { text: person.name ?? "" },
        { text: organisationText(person) },
        { text: person.stakeholderGroup ? text.group(person.stakeholderGroup) : "" },
        { text: person.reference ?? "", link: person.reference ? responseUrl(person.reference) : null },
      ]),
      { caption: t("namedCaption") },
    );
  for (const { group, count } of c.anonymousByGroup)
    writeRuns(doc, [{ text: `• ${t("anonymousByGroup", { count, group: text.group(group) })}` }], {
      x: left,
      width,
      size: SMALL + 1,
    });

  heading(doc, t("commentersHeading"), 12);
  if (set.commenters.length === 0) writeRuns(doc, [{ text: t("noCommenters") }], { x: left, width });
  else {
    writeRuns(doc, [{ text: t("commentersIntro") }], { x: left, width, size: SMALL + 1 });
    doc.moveDown(0.3);
    for (const person of set.commenters)
      writeRuns(doc, [{ text: `• ${person.name}` }, { text: ` — ${text.group(person.stakeholderGroup)}`, italic: true }], {
        x: left,
        width,
      });
  }
}

function writeParticipation(doc: Doc, set: FinalMessages, text: DocumentText) {
  const { t } = text;
  const width = contentWidth(doc);
  heading(doc, t("participationHeading"), 14);
  if (set.participation) {
    const { table } = set.participation;
    const first = 98;
    const last = 50;
    const regionWidth = (width - first - last) / UN_REGIONS.length;
    writeTable(
      doc,
      [
        { header: t("group"), width: first },
        ...UN_REGIONS.map((r) => ({ header: text.region(r), width: regionWidth })),
        { header: t("total"), width: last },
      ],
      [
        ...STAKEHOLDER_GROUPS.map((g) => [
          { text: text.group(g), bold: true },
          ...UN_REGIONS.map((r) => ({ text: text.count(table.cells[g][r]) })),
          { text: text.count(table.rowTotals[g]) },
        ]),
        [
          { text: t("total"), bold: true },
          ...UN_REGIONS.map((r) => ({ text: text.count(table.columnTotals[r]) })),
          { text: String(table.total), bold: true },
        ],
      ],
      { caption: t("participationCaption"), size: 7.5 },
    );
  }
  writeTable(
    doc,
    [
      { header: t("group"), width: 220 },
      { header: t("comments"), width: 80 },
    ],
    [
      ...STAKEHOLDER_GROUPS.map((g) => [{ text: text.group(g), bold: true }, { text: text.count(set.comments.groups[g]) }]),
      [
        { text: t("total"), bold: true },
        { text: String(set.comments.total), bold: true },
      ],
    ],
    { caption: t("commentsCaption") },
  );
  writeRuns(doc, [{ text: t("suppression", { n: SMALL_CELL - 1, m: SMALL_CELL }) }], {
    x: doc.page.margins.left,
    width,
    size: SMALL,
    color: MUTED,
  });
}
