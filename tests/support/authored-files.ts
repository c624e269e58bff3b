// Documents that name their author in their properties, for the tests of the public copies of attachments
// of anonymous responses (lib/attachments/strip.ts).
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { DOCX_CONTENT_TYPES, docxEntries, zipFile } from "./files";

export const AUTHOR = "Jane Q. Contributor";

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${AUTHOR}</rdf:li></rdf:Seq></dc:creator></rdf:Description>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A one-page PDF with the author in its Info dictionary and in an XMP metadata stream. */
export async function authoredPdf(text = "A contribution on capacity building"): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 10, font: await pdf.embedFont(StandardFonts.Helvetica) });
  pdf.setAuthor(AUTHOR);
  pdf.setTitle(`Submission by ${AUTHOR}`);
  pdf.setCreator(AUTHOR);
  const stream = pdf.context.stream(XMP, { Type: "Metadata", Subtype: "XML" });
  pdf.catalog.set(PDFName.of("Metadata"), pdf.context.register(stream));
  return Buffer.from(await pdf.save());
}

/** A DOCX whose core, app and custom properties name the author. */
export function authoredDocx(text = "A contribution on capacity building"): Buffer {
  const entries = docxEntries(text).filter(([name]) => name !== "[Content_Types].xml");
  return zipFile([
    ["[Content_Types].xml", DOCX_CONTENT_TYPES],
    ...entries,
    [
      "docProps/core.xml",
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${AUTHOR}</dc:creator><cp:lastModifiedBy>${AUTHOR}</cp:lastModifiedBy></cp:coreProperties>`,
    ],
    [
      "docProps/app.xml",
      `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>${AUTHOR} Ltd</Company></Properties>`,
    ],
  ]);
}
