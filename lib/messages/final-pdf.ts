// The final messages as a PDF, made on the server with pdfkit, in the reader's language (the fixed text: headings,
// contributors, participation, dates, numbers) around the set's text as shown to that reader (its translation
// into that language when a moderator made one, with a note saying so): title, finalisation date,
// introduction, sections with numbered paragraphs, each paragraph's sources (linked to their public pages),
// contributors, participation figures, page numbers and document metadata. Every script is drawn in a font
// that has it and in its direction (lib/pdf/text.ts): an Arabic document is laid out from the right. The PDF
// is tagged (PDF 1.7, /Lang of the reader's language, headings, lists, tables and links in reading order, the
// language of each text that is not the document's), so it can be read aloud and reflowed.
import "server-only";
import PDFDocument from "pdfkit";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { Invalid } from "@/lib/errors";
import { familyOfLanguage } from "@/lib/pdf/fonts";
import { Tags, type Element } from "@/lib/pdf/tags";
import { drawText } from "@/lib/pdf/draw-text";
import { layoutText, type Direction } from "@/lib/pdf/text";
import type { FinalMessages } from "./final";
import {
  callLines,
  documentText,
  languagesOf,
  MAX_FINAL_PDF_BYTES,
  messagesUrl,
  noteRange,
  numberedNotes,
  responseUrl,
  siteUrlIn,
  sourceAuthor,
  sourceLabel,
  type SourceNote,
} from "./final-document";
import {
  addressesLtr,
  BODY,
  column,
  element,
  gap,
  heading,
  inset,
  isolate,
  keepSpace,
  listItem,
  MUTED,
  SMALL,
  TEXT,
  write,
  writeIn,
  type Page,
} from "./final-pdf-layout";
import { writeContributors, writeParticipation } from "./final-pdf-figures";
import { writeMarkdown } from "./final-pdf-markdown";
import { openImage, readForumLogo } from "@/lib/forums/logo";

const MARGIN = 56;
const GUTTER = 26;

/** The PDF of a final set in `locale`, in memory (at most MAX_FINAL_PDF_BYTES). */
export async function finalPdf(set: FinalMessages, locale: Locale = defaultLocale): Promise<Buffer> {
  const text = await documentText(locale);
  const { t } = text;
  const languages = languagesOf(set);
  const forum = set.callDetails?.forumName ?? set.forumName;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 14 },
    bufferPages: true,
    tagged: true,
    lang: locale,
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
  const tags = new Tags(doc);
  const p: Page = { doc, tags, text, rtl: text.dir === "rtl" };
  const root = tags.root;
  doc.y = MARGIN;

  await drawLogo(p, set);
  write(p, [{ text: set.title, bold: true }], root, { type: "H1", size: 20, lang: languages.lang });
  if (languages.translation)
    write(
      p,
      [{ text: t("documentTranslatedFrom", { language: text.language(languages.translation.from) }), italic: true }],
      root,
      {
        size: SMALL + 1,
        color: MUTED,
      },
    );
  gap(p, 6);
  write(p, [{ text: t("documentFinalised", { date: text.date(set.finalisedAt) }), bold: true }], root, { size: 11 });
  for (const line of callLines(set, text, isolate)) write(p, [{ text: line }], root, { size: SMALL + 1, color: MUTED });
  write(
    p,
    [
      { text: t("documentWebPage", { url: "" }) },
      { text: messagesUrl(set.slug, text.locale), link: messagesUrl(set.slug, text.locale) },
    ],
    root,
    {
      size: SMALL + 1,
      color: MUTED,
    },
  );
  gap(p, 12);
  if (set.abstract.trim()) {
    const abstract = tags.element("Sect", root);
    heading(p, t("abstractHeading"), 13, "H2", abstract);
    write(p, [{ text: set.abstract.trim() }], abstract, { size: 11, lang: languages.lang, dir: "auto" });
    tags.end(abstract);
    gap(p, 6);
  }
  if (set.introduction.trim()) writeMarkdown(p, set.introduction, root, { lang: languages.lang });

  const numbered = numberedNotes(set);
  const annex = set.sourceNotes === "ANNEX";
  set.sections.forEach((section, index) => {
    const { notes, numbers } = numbered[index]!;
    const sect = tags.element("Sect", root);
    heading(p, section.heading, 14, "H2", sect, { lang: section.lang });
    const list = tags.element("L", sect);
    for (const paragraph of section.paragraphs) writeParagraph(p, list, paragraph, numbers.get(paragraph.number) ?? [], annex);
    tags.end(list);
    if (!annex && notes.length) {
      keepSpace(p, 36);
      heading(p, t("notesHeading"), 11, "H3", sect);
      writeNotes(p, sect, notes);
    }
    tags.end(sect);
  });
  const allNotes = numbered.flatMap((section) => section.notes);
  if (annex && allNotes.length) {
    const sect = tags.element("Sect", root);
    heading(p, t("annexHeading"), 13, "H2", sect);
    writeNotes(p, sect, allNotes);
    tags.end(sect);
  }

  writeContributors(p, set);
  writeParticipation(p, set);
  const { about, contact } = set.publication;
  if (about.trim()) {
    const sect = tags.element("Sect", root);
    heading(p, t("aboutHeading", { forum }), 13, "H2", sect);
    writeMarkdown(p, about, sect, { lang: languages.lang });
    tags.end(sect);
  }
  if (contact.trim()) {
    const sect = tags.element("Sect", root);
    heading(p, t("contactHeading"), 13, "H2", sect);
    for (const line of contact.split(/\r?\n/).filter((l) => l.trim()))
      write(p, [{ text: line.trim() }], sect, { size: SMALL + 1, dir: "auto" });
    tags.end(sect);
  }
  const sources = tags.element("Sect", root);
  heading(p, t("sourcesHeading"), 13, "H2", sources);
  write(p, [{ text: addressesLtr(t("sourcesNote", { url: siteUrlIn(text.locale) })) }], sources, { size: SMALL + 1 });
  tags.end(sources);

  writePageNumbers(p);
  doc.end();
  return done;
}

/** "Page 1 of 3" at the foot of every page, once every page exists (an artifact: not part of the text). */
function writePageNumbers(p: Page) {
  const { doc, tags, text } = p;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const box = column(p);
    const laid = layoutText(doc, [{ text: text.t("page", { n: i + 1, total: range.count }) }], {
      width: box.width,
      size: SMALL,
      dir: text.dir as Direction,
      strut: familyOfLanguage(text.locale),
    });
    tags.artifact(
      () => drawText(doc, laid, doc.page.height - MARGIN + 10, { ...box, align: "center", color: MUTED }),
      "Pagination",
    );
  }
}

type Paragraph = FinalMessages["sections"][number]["paragraphs"][number];

/**
 * The forum's logo at the top, on the start side, at most 140 × 56 pt: an artifact (the forum is named in the
 * text). A logo that cannot be read (storage down) leaves the PDF without it rather than failing.
 */
async function drawLogo(p: Page, set: FinalMessages) {
  if (!set.publication.logo) return;
  const logo = await readForumLogo(set.publication.forumId).catch((error) => {
    console.error("[final-pdf] no logo", error);
    return null;
  });
  if (!logo) return;
  const { doc } = p;
  const box = column(p);
  const image = openImage(logo.bytes, doc);
  const scale = Math.min(140 / image.width, 56 / image.height, 1);
  const [width, height] = [image.width * scale, image.height * scale];
  const x = p.rtl ? box.x + box.width - width : box.x;
  const y = doc.y;
  p.tags.artifact(() => doc.image(logo.bytes, x, y, { width, height }), "Layout");
  doc.y = y + height + 10;
}

/**
 * A numbered paragraph: an LI of its section's list, its number the Lbl, its body and its note numbers the
 * LBody ("Sources: notes 4–6"; the notes are listed after the section or in the annex, writeNotes).
 */
function writeParagraph(p: Page, list: Element, paragraph: Paragraph, notes: readonly number[], annex: boolean) {
  const { text } = p;
  const { lang } = paragraph;
  const { t } = text;
  keepSpace(p, 48); // a number is never left alone at the foot of a page
  listItem(
    p,
    list,
    { text: `${text.number(paragraph.number)}.`, bold: true },
    (body, box) => {
      writeMarkdown(p, paragraph.body, body, { box, lang, topHeading: 3 });
      const refs = notes.length
        ? t(annex ? "noteRefsAnnex" : "noteRefs", { range: noteRange(notes, text), count: notes.length })
        : t("noSources");
      write(p, [{ text: refs, italic: true }], body, { box, size: SMALL, color: MUTED });
    },
    { indent: GUTTER, size: BODY, lang, color: TEXT },
  );
  gap(p, 9);
}

/** Numbered notes (an L of LIs, the number the Lbl): who where they agreed to be named, the receipt linked, the quote. */
function writeNotes(p: Page, parent: Element, notes: readonly SourceNote[]) {
  const { text } = p;
  const { t } = text;
  const list = element(p, "L", parent);
  // Each note's text goes straight into its LBody (no P of its own): a set at every limit has 15,000.
  for (const { number, source } of notes)
    listItem(
      p,
      list,
      { text: `${text.number(number)}.` },
      (item, itemBox) => {
        const small = { box: itemBox, size: SMALL, color: MUTED };
        if (!source.available) {
          writeIn(p, item, [{ text: t(source.removed ? "removed" : "unavailable") }], small);
          return;
        }
        const label = sourceLabel(source, text);
        const author = sourceAuthor(source);
        writeIn(
          p,
          item,
          [
            // Named where the author agreed to be (lib/messages/public.ts); anonymous: group and region.
            ...(author ? [{ text: `${author}, ` }] : []),
            { text: source.reference, link: responseUrl(source.reference, text.locale) },
            { text: label ? ` — ${label}` : "" },
          ],
          small,
        );
        if (source.quote)
          writeIn(p, item, [{ text: `“${source.quote}”`, italic: true }], {
            ...small,
            box: inset(itemBox, 12, p.rtl),
            dir: "auto",
          });
      },
      { indent: GUTTER, size: SMALL, color: MUTED },
    );
  p.tags.end(list);
}
