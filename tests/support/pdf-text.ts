// Reads a PDF back for the tests: its text page by page (pdfjs-dist, the legacy build that runs on Node 20),
// its page count and its document information (Title, Author, …).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function readPdf(data: Uint8Array) {
  const pdf = await getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
    }
    const meta = await pdf.getMetadata();
    const info = meta.info as Record<string, unknown>;
    // The XMP metadata stream, as raw XML, or null when the document has none.
    const xmp = meta.metadata ? JSON.stringify(meta.metadata.getAll()) : null;
    const links = [];
    for (let n = 1; n <= pdf.numPages; n++)
      for (const annotation of await (await pdf.getPage(n)).getAnnotations())
        if (annotation.url) links.push(String(annotation.url));
    return { pages, text: pages.join("\n"), numPages: pdf.numPages, info, xmp, links };
  } finally {
    await pdf.destroy();
  }
}

/** Text with runs of white space made one space: words split over lines in the PDF still match. */
export const flat = (text: string) => text.replace(/\s+/g, " ");
