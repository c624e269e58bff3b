// The final messages in the reader's language: an Arabic set (with a Chinese and a Cyrillic name) read back
// from its Arabic PDF with pdfjs-dist and pdf-lib (text in reading order, mirrored layout, fonts, tags); an
// English set with a moderator's Arabic translation (the note, the texts' languages); the Markdown file's
// fixed text; and the line layout's bidirectional order on its own. Set PDF_LOOK=<folder> to keep the PDFs.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import PDFKitDocument from "pdfkit";
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { getFinalMessages, type FinalMessages } from "@/lib/messages/final";
import { documentText, siteUrl } from "@/lib/messages/final-document";
import { finalDownload } from "@/lib/messages/final-download";
import { finalPdfKey, storeFinalPdf } from "@/lib/messages/final-file";
import { finalMarkdown } from "@/lib/messages/final-markdown";
import { finalPdf } from "@/lib/messages/final-pdf";
import { familiesOf } from "@/lib/pdf/fonts";
import { layoutText } from "@/lib/pdf/text";
import type { VersionContent } from "@/lib/messages/content";
import { createFinalScenario } from "@/prisma/factories-final";

afterAll(disconnectDb);

const flat = (text: string) => text.replace(/\s+/g, " ");
const A4_WIDTH = 595.28;
const MARGIN = 56;

/** The text items of every page with where they stand (pdfjs-dist gives right-to-left runs in reading order). */
async function readItems(bytes: Uint8Array) {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const items: { str: string; left: number; right: number }[] = [];
    let text = "";
    for (let n = 1; n <= pdf.numPages; n++)
      for (const item of (await (await pdf.getPage(n)).getTextContent()).items) {
        if (!("str" in item)) continue;
        text += item.str + (item.hasEOL ? "\n" : "");
        if (item.str.trim())
          items.push({ str: item.str, left: item.transform[4] as number, right: (item.transform[4] as number) + item.width });
      }
    return { items, text: flat(text) };
  } finally {
    await pdf.destroy();
  }
}

const decoded = (value: unknown) =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

/** The catalog's language and marks, and every structure element's type and /Lang, in tree order. */
async function structure(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = pdf.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const root = catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const elements: { type: string; lang?: string }[] = [];
  const visit = (node: unknown) => {
    const dict = node instanceof PDFRef ? pdf.context.lookup(node) : node;
    if (dict instanceof PDFArray) return dict.asArray().forEach(visit);
    if (!(dict instanceof PDFDict)) return; // a marked-content id
    const type = dict.get(PDFName.of("S"));
    if (type instanceof PDFName) elements.push({ type: type.decodeText(), lang: decoded(dict.get(PDFName.of("Lang"))) });
    const kids = dict.get(PDFName.of("K"));
    if (kids) visit(kids);
  };
  if (root) visit(root.get(PDFName.of("K")));
  return {
    lang: decoded(catalog.get(PDFName.of("Lang"))),
    marked: markInfo?.get(PDFName.of("Marked")) === PDFBool.True,
    hasStructTree: root !== undefined,
    elements,
  };
}

function keep(name: string, bytes: Uint8Array) {
  const folder = process.env.PDF_LOOK;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), bytes);
}

const get = (slug: string, file: string, locale: Locale) =>
  finalDownload(new Request(`https://consult.example.org/${locale}/messages/${slug}/download/${file}`), slug, file, { locale });

/** Makes the scenario's final version Arabic: title, introduction, headings and paragraphs (sources kept). */
async function arabicSet(scenario: Awaited<ReturnType<typeof createFinalScenario>>, chinese: string) {
  const version = await db.messageSetVersion.findFirstOrThrow({
    where: { setId: scenario.set.id, number: 2 },
    select: { id: true, content: true },
  });
  const content = version.content as VersionContent;
  const bodies = [
    `يجب أن يصل بناء القدرات إلى أصغر فرق الطوارئ في كل منطقة، كما كتب ${chinese} أن 网络安全 أولوية للجميع.`,
    "تعمل آليات الإبلاغ عن الحوادث بصورة أفضل عند وجود قنوات **موثوقة** عبر الحدود:\n\n- قناة أولى\n- قناة ثانية",
    "يبقى التعاون بين فئات أصحاب المصلحة هو الأساس في عام 2025.",
  ];
  let n = 0;
  const arabic = content.map((section, i) => ({
    ...section,
    heading: ["بناء القدرات", "التعاون"][i]!,
    paragraphs: section.paragraphs.map((paragraph) => ({ ...paragraph, body: bodies[n++]! })),
  }));
  await db.messageSetVersion.update({
    where: { id: version.id },
    data: {
      content: arabic,
      title: "الرسائل النهائية بشأن الأمن السيبراني",
      introduction: "## حول هذه الرسائل\n\nجُمعت هذه الرسائل من **جميع** المساهمات الواردة.",
    },
  });
  await db.messageSet.update({ where: { id: scenario.set.id }, data: { language: "ar" } });
  return bodies;
}

describe("the Arabic PDF of an Arabic set", () => {
  let scenario: Awaited<ReturnType<typeof createFinalScenario>>;
  let final: FinalMessages;
  let bytes: Uint8Array;
  let bodies: string[];
  const chinese = "张伟";

  beforeAll(async () => {
    scenario = await createFinalScenario(db);
    // A Chinese contributor's name, beside Дмитрий Петров's.
    const zoe = await db.response.findUniqueOrThrow({ where: { id: scenario.responses.zoe.id }, select: { authorId: true } });
    await db.profile.update({
      where: { userId: zoe.authorId! },
      data: { displayName: `${chinese}${scenario.set.slug.slice(-4)}` },
    });
    bodies = await arabicSet(scenario, chinese);
    final = (await getFinalMessages(scenario.set.slug, new Date(), "ar"))!;
    bytes = await finalPdf(final, "ar");
    keep("final-ar.pdf", bytes);
  });

  it("holds the Arabic words in reading order, the Chinese and Cyrillic names, and the Arabic fixed text", async () => {
    const { text } = await readItems(bytes);
    expect(text).toContain("الرسائل النهائية بشأن"); // the title's first words, in the order they are read
    expect(text).toContain("يجب أن يصل بناء القدرات إلى أصغر فرق");
    expect(text).toContain("يبقى التعاون بين فئات أصحاب المصلحة");
    expect(text).toContain("2025"); // digits inside Arabic text stay in their own order
    expect(text).toContain("网络安全");
    expect(text).toContain(`${chinese}${scenario.set.slug.slice(-4)}`);
    expect(text).toContain(scenario.responses.dmitry.name);
    // Fixed text from the Arabic catalog: headings, a paragraph's note numbers, the notes, a stakeholder group.
    for (const fixed of ["المساهمون", "المشاركة", "المصدران: الحاشيتان", "الحواشي", "المجتمع المدني", "الصفحة"])
      expect(text).toContain(fixed);
    expect(text).not.toContain("Contributors");
    expect(text).not.toContain("Sources: notes");
  });

  it("is laid out from the right: headings end at the right margin, paragraph numbers stand on the right", async () => {
    const { items } = await readItems(bytes);
    const contributors = items.find((item) => item.str === "المساهمون")!;
    expect(contributors).toBeDefined();
    expect(Math.abs(contributors.right - (A4_WIDTH - MARGIN))).toBeLessThan(1.5);
    const notes = items.find((item) => item.str === "الحواشي")!;
    expect(Math.abs(notes.right - (A4_WIDTH - MARGIN))).toBeLessThan(1.5);
    // The English PDF of the same set puts its own headings on the left.
    const english = await readItems(await finalPdf((await getFinalMessages(scenario.set.slug, new Date(), "en"))!, "en"));
    expect(english.items.find((item) => item.str === "Contributors")!.left).toBeCloseTo(MARGIN, 0);
  });

  it("embeds the Arabic and Chinese fonts beside DejaVu Sans", () => {
    const raw = Buffer.from(bytes).toString("latin1");
    for (const font of ["NotoNaskhArabic", "NotoSansHans", "DejaVuSans"])
      expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${font}`));
  });

  it("is tagged: /Lang ar, marked, with a structure of headings, lists, tables and links", async () => {
    const tree = await structure(bytes);
    expect(tree.lang).toBe("ar");
    expect(tree.marked).toBe(true);
    expect(tree.hasStructTree).toBe(true);
    const types = new Set(tree.elements.map((e) => e.type));
    for (const type of ["Document", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Link"])
      expect(types).toContain(type);
    expect(tree.elements[0]!.type).toBe("Document");
    expect(tree.elements[1]!.type).toBe("H1");
    // Everything here is in the document's language: no element needs a /Lang of its own.
    expect(tree.elements.filter((e) => e.lang)).toEqual([]);
  });

  it("marks the Arabic texts with /Lang ar in the English reader's PDF, and writes them from the right", async () => {
    const english = (await getFinalMessages(scenario.set.slug, new Date(), "en"))!;
    const pdf = await finalPdf(english, "en");
    keep("final-en-of-ar.pdf", pdf);
    const tree = await structure(pdf);
    expect(tree.lang).toBe("en");
    expect(tree.elements.find((e) => e.type === "H1")!.lang).toBe("ar");
    expect(tree.elements.filter((e) => e.type === "H2" && e.lang === "ar").length).toBe(2); // the two sections
    const { items } = await readItems(pdf);
    const body = items.find((item) => item.str.startsWith("يبقى التعاون"))!;
    expect(Math.abs(body.right - (A4_WIDTH - MARGIN))).toBeLessThan(1.5);
    expect(items.find((item) => item.str === "Contributors")).toBeDefined();
  });

  it("is made in the set's own language by the final-pdf job", async () => {
    const version = await db.messageSetVersion.findFirstOrThrow({
      where: { setId: scenario.set.id, number: 2 },
      select: { id: true },
    });
    expect(await storeFinalPdf(version.id)).toEqual({ stored: true, key: finalPdfKey(final, "ar") });
  });

  it("downloads in Arabic under the Arabic address: the Markdown's fixed text, the file names", async () => {
    const md = await get(final.slug, "final.md", "ar");
    expect(md.status).toBe(200);
    expect(md.headers.get("content-disposition")).toBe(`attachment; filename="${final.slug}-final.ar.md"`);
    const text = await md.text();
    expect(text).toContain("## المساهمون");
    expect(text).toContain("*المصدران: الحاشيتان 1–2*");
    expect(text).toContain("**الحواشي**");
    expect(text).toContain(bodies[2]!);
    expect(text).toContain("| المجموع | 3 |");
    expect(text).toContain(`](${siteUrl()}/ar/responses/${scenario.responses.dmitry.reference})`); // the Arabic pages
    expect(text).not.toContain("Contributors");
    const pdf = await get(final.slug, "final.pdf", "ar");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="${final.slug}-final.ar.pdf"`);
    expect(pdf.headers.get("etag")).not.toBe((await get(final.slug, "final.pdf", "en")).headers.get("etag"));
  });
});

describe("a set translated by a moderator", () => {
  it("is shown in the translation with a note naming the original's language", async () => {
    const scenario = await createFinalScenario(db, { extraAnonymous: 0 });
    const version = await db.messageSetVersion.findFirstOrThrow({
      where: { setId: scenario.set.id, number: 2 },
      select: { id: true, content: true },
    });
    const [first, second, third] = (version.content as VersionContent).flatMap((s) => s.paragraphs.map((p) => p.paragraphId));
    await db.messageSetVersionTranslation.create({
      data: {
        versionId: version.id,
        locale: "ar",
        title: "الرسائل النهائية المترجمة",
        introduction: "مقدمة مترجمة.",
        content: {
          headings: { "section-0": "بناء القدرات", "section-1": "التعاون" },
          paragraphs: {
            [first!]: "الفقرة الأولى مترجمة.",
            [second!]: "الفقرة الثانية مترجمة.",
            [third!]: "الفقرة الثالثة مترجمة.",
          },
        },
      },
    });
    const set = (await getFinalMessages(scenario.set.slug, new Date(), "ar"))!;
    expect(set.title).toBe("الرسائل النهائية المترجمة");
    expect(set.sections.flatMap((s) => s.paragraphs.map((p) => p.lang))).toEqual(["ar", "ar", "ar"]);
    const md = finalMarkdown(set, await documentText("ar"));
    expect(md).toContain("*مترجم عن الإنجليزية*");
    const translated = await finalPdf(set, "ar");
    keep("final-ar-translated.pdf", translated);
    const { text } = await readItems(translated);
    expect(text).toContain("مترجم عن");
    expect(text).toContain("الفقرة الثالثة مترجمة");
    expect((await structure(translated)).elements.filter((e) => e.lang)).toEqual([]); // all in Arabic, as the document
    // In English the set is the original: no note.
    const original = (await getFinalMessages(scenario.set.slug, new Date(), "en"))!;
    expect(finalMarkdown(original)).not.toContain("Translated from");
    keep("final-en.pdf", await finalPdf(original, "en"));
  });
});

describe("the line layout", () => {
  const doc = new PDFKitDocument({ size: "A4" });

  it("puts an English name inside Arabic text in visual order, each script in its font", () => {
    const block = layoutText(doc, [{ text: "مرحبا Ivan عالم" }], { width: 400, size: 10, dir: "rtl" });
    const [line] = block.lines;
    const visual = line!.visual.map((piece) => block.text.slice(piece.start, piece.end).trim()).filter(Boolean);
    expect(visual).toEqual(["عالم", "Ivan", "مرحبا"]);
    expect(line!.visual.map((piece) => piece.family).filter((_, i) => visual[i] !== undefined)).toContain("latin");
    expect(block.rtl).toBe(true);
  });

  it("keeps left-to-right text with an Arabic word in its order", () => {
    const block = layoutText(doc, [{ text: "The word مرحبا means hello" }], { width: 400, size: 10, dir: "ltr" });
    const visual = block.lines[0]!.visual.map((piece) => block.text.slice(piece.start, piece.end).trim()).filter(Boolean);
    expect(visual).toEqual(["The word", "مرحبا", "means hello"]);
  });

  it("breaks Chinese between characters, never before closing punctuation", () => {
    const text = "互联网治理论坛的最终信息，包括多利益攸关方的意见。".repeat(4);
    const block = layoutText(doc, [{ text }], { width: 120, size: 10, dir: "ltr" });
    expect(block.lines.length).toBeGreaterThan(3);
    for (const line of block.lines.slice(1)) expect(block.text[line.pieces[0]!.start]).not.toMatch(/[，。]/);
  });

  it("gives each script its family, and punctuation the font that has it", () => {
    const families = familiesOf("شكرا (张) Ж");
    expect(families[0]).toBe("arabic");
    expect(families["شكرا ".length]).toBe("latin"); // Noto Naskh Arabic has no parenthesis
    expect(families["شكرا (".length]).toBe("han");
    expect(families.at(-1)).toBe("latin");
  });
});
