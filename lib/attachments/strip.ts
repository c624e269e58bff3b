// The public copy of an attachment of an anonymous response: the same document without the properties
// that name its author. PDF: the Info dictionary (Title, Author, Subject, Keywords, Creator, Producer,
// dates) and the catalog's XMP /Metadata stream. DOCX: docProps/core.xml, app.xml and custom.xml are
// replaced by empty but valid parts (so Word still opens the file). ODT: meta.xml likewise. Plain text has
// no properties and is copied as is. The text of the document itself is not changed: the author confirms
// that it does not name them, or keeps the files private (see lib/responses/responses.ts).
import "server-only";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { PDFDocument, PDFName, PDFRef } from "pdf-lib";
import { kindOfMediaType } from "./limits";
import { assertArchiveLimits, zipEntries } from "./zip";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const EMPTY_PARTS: Record<string, string> = {
  "docProps/core.xml":
    XML +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
  "docProps/app.xml": XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>',
  "docProps/custom.xml": XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>',
  "meta.xml":
    XML +
    '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2">' +
    "<office:meta/></office:document-meta>",
};

async function stripPdf(bytes: Uint8Array): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib writes its own Producer and dates back in.
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const info = pdf.context.trailerInfo.Info;
  if (info instanceof PDFRef) pdf.context.delete(info);
  pdf.context.trailerInfo.Info = undefined;
  const metadata = pdf.catalog.get(PDFName.of("Metadata"));
  if (metadata) {
    pdf.catalog.delete(PDFName.of("Metadata"));
    if (metadata instanceof PDFRef) pdf.context.delete(metadata);
  }
  return pdf.save({ updateFieldAppearances: false });
}

function stripArchive(bytes: Uint8Array, parts: readonly string[]): Uint8Array {
  // The upload already passed these limits (detect.ts); checked again so that nothing here inflates a bomb.
  const entries = zipEntries(Buffer.from(bytes));
  if (!entries) throw new Error("not a zip archive");
  assertArchiveLimits(entries);
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    // The mimetype of an ODT stays first and uncompressed, as the format requires.
    out[name] = parts.includes(name)
      ? [strToU8(EMPTY_PARTS[name]!), { level: 6 }]
      : [data, { level: name === "mimetype" ? 0 : 6 }];
  }
  return zipSync(out);
}

/** The bytes to publish for a response published without its author's name. */
export async function stripMetadata(mediaType: string, bytes: Uint8Array): Promise<Uint8Array> {
  switch (kindOfMediaType(mediaType)) {
    case "pdf":
      return stripPdf(bytes);
    case "docx":
      return stripArchive(bytes, ["docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"]);
    case "odt":
      return stripArchive(bytes, ["meta.xml"]);
    case "txt":
      return bytes;
    default:
      throw new Error(`no metadata rule for ${mediaType}`);
  }
}

/** For tests and checks: the text of one part of a zip archive, or null. */
export function archivePart(bytes: Uint8Array, name: string): string | null {
  const files = unzipSync(bytes, { filter: (file) => file.name === name });
  return files[name] ? strFromU8(files[name]) : null;
}
