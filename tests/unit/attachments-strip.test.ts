// The public copy of an attachment of an anonymous response carries no document properties naming its
// author (issue 16, item 3): PDF Info and XMP, DOCX core/app properties, ODT meta.xml. The text stays.
import { describe, expect, it } from "vitest";
import { detectType } from "@/lib/attachments/detect";
import { ALLOWED_TYPES } from "@/lib/attachments/limits";
import { archivePart, stripMetadata } from "@/lib/attachments/strip";
import { AUTHOR, authoredDocx, authoredPdf } from "../support/authored-files";
import { odtFile, zipFile } from "../support/files";
import { readPdf } from "../support/pdf-text";

describe("stripMetadata", () => {
  it("removes the author from a PDF's Info dictionary and its XMP stream, and keeps the text", async () => {
    const original = await authoredPdf();
    const before = await readPdf(original);
    expect(before.info.Author).toBe(AUTHOR);
    expect(before.xmp).toContain(AUTHOR);

    const stripped = await stripMetadata(ALLOWED_TYPES.pdf.mediaType, original);
    const after = await readPdf(stripped);
    expect(after.info.Author).toBeUndefined();
    expect(after.info.Title).toBeUndefined();
    expect(after.info.Creator).toBeUndefined();
    expect(after.info.Producer).toBeUndefined();
    expect(after.xmp).toBeNull();
    expect(Buffer.from(stripped).includes(AUTHOR)).toBe(false);
    expect(after.text).toContain("capacity building");
  });

  it("empties a DOCX's core and app properties, keeps the document and still passes the upload checks", async () => {
    const original = authoredDocx();
    expect(archivePart(original, "docProps/core.xml")).toContain(`<dc:creator>${AUTHOR}</dc:creator>`);

    const stripped = await stripMetadata(ALLOWED_TYPES.docx.mediaType, original);
    const core = archivePart(stripped, "docProps/core.xml");
    expect(core).toContain("coreProperties");
    expect(core).not.toContain("creator");
    expect(archivePart(stripped, "docProps/app.xml")).not.toContain(AUTHOR);
    expect(archivePart(stripped, "word/document.xml")).toContain("capacity building");
    expect(archivePart(stripped, "docProps/custom.xml")).toBeNull(); // not added when it was not there
    expect((await detectType("copy.docx", stripped)).kind).toBe("docx");
  });

  it("empties an ODT's meta.xml and keeps its mimetype entry first", async () => {
    const plain = odtFile("Our text");
    const withMeta = zipFile([
      ["mimetype", "application/vnd.oasis.opendocument.text"],
      [
        "meta.xml",
        `<?xml version="1.0"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta><meta:initial-creator>${AUTHOR}</meta:initial-creator></office:meta></office:document-meta>`,
      ],
      ...([
        ["META-INF/manifest.xml", archivePart(plain, "META-INF/manifest.xml")!],
        ["content.xml", archivePart(plain, "content.xml")!],
      ] as [string, string][]),
    ]);
    const stripped = await stripMetadata(ALLOWED_TYPES.odt.mediaType, withMeta);
    expect(archivePart(stripped, "meta.xml")).not.toContain(AUTHOR);
    expect(Buffer.from(stripped).subarray(30, 38).toString()).toBe("mimetype");
    expect((await detectType("copy.odt", stripped)).kind).toBe("odt");
  });
});
