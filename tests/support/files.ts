// Small real files for the attachment tests, built in memory: a valid PDF, DOCX and ODT (zips written by
// hand, stored without compression), executables to disguise, and a PNG for a forum's logo.
import { crc32, createDeflateRaw, deflateSync } from "node:zlib";

/** A one-page PDF with a correct cross-reference table. */
export function pdfFile(text = "Contribution to the call"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    (() => {
      const stream = `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** One entry of a zip as written: its bytes as stored (compressed or not) and what its headers declare. */
export type ZipPart = {
  name: string;
  /** The bytes as they sit in the archive. */
  data: Buffer;
  /** 0 = stored, 8 = deflated. */
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the headers declare (may be a lie, as in a zip bomb). */
  uncompressedSize: number;
  /** Writes 0xFFFFFFFF sizes and the real ones in a ZIP64 extra field (or no extra field when "missing"). */
  zip64?: true | "missing";
};

/** A zip archive of the given parts, in order, with a correct central directory. */
export function zipArchive(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const fileName = Buffer.from(part.name, "utf8");
    const size32 = (value: number) => (part.zip64 ? 0xffffffff : value);
    const extra = Buffer.alloc(part.zip64 === true ? 20 : 0);
    if (part.zip64 === true) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(part.uncompressedSize), 4);
      extra.writeBigUInt64LE(BigInt(part.data.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(part.zip64 ? 45 : 20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(size32(part.data.length), 18);
    local.writeUInt32LE(size32(part.uncompressedSize), 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(part.zip64 ? 45 : 20, 4);
    central.writeUInt16LE(part.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(size32(part.data.length), 20);
    central.writeUInt32LE(size32(part.uncompressedSize), 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, extra, part.data);
    centrals.push(central, fileName, extra);
    offset += local.length + fileName.length + extra.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A stored (uncompressed) zip part. */
export function storedPart(name: string, content: string | Buffer): ZipPart {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
  return { name, data, method: 0, crc: crc32(data), uncompressedSize: data.length };
}

/** A zip archive of the given entries, in order, stored (no compression). */
export function zipFile(entries: [name: string, content: string | Buffer][]): Buffer {
  return zipArchive(entries.map(([name, content]) => storedPart(name, content)));
}

export const DOCX_CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  "</Types>";

/** A minimal Word document: content types, the package relationship and word/document.xml. */
export function docxFile(text = "Contribution to the call", { withDocument = true } = {}): Buffer {
  return zipFile(docxEntries(text, { withDocument }));
}

/** The entries of `docxFile`, for tests that add or replace some. */
export function docxEntries(text = "Contribution to the call", { withDocument = true } = {}): [string, string][] {
  return [
    ["[Content_Types].xml", DOCX_CONTENT_TYPES],
    [
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        "</Relationships>",
    ],
    ...(withDocument
      ? ([
          [
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
              '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
              `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
          ],
        ] as [string, string][])
      : []),
  ];
}

/** A minimal OpenDocument text: the `mimetype` entry first and stored, then the manifest and content. */
export function odtFile(text = "Contribution to the call", mimetype = "application/vnd.oasis.opendocument.text"): Buffer {
  return zipFile([
    ["mimetype", mimetype],
    [
      "META-INF/manifest.xml",
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
        `<manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/>` +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
        "</manifest:manifest>",
    ],
    [
      "content.xml",
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
        `<office:body><office:text><text:p>${text}</text:p></office:text></office:body></office:document-content>`,
    ],
  ]);
}

/** The start of a 64-bit Linux executable (ELF header), padded with code-like bytes. */
export function elfFile(): Buffer {
  const header = Buffer.alloc(64);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(header);
  header.writeUInt16LE(2, 16); // ET_EXEC
  header.writeUInt16LE(0x3e, 18); // x86-64
  return Buffer.concat([header, Buffer.from([0x48, 0x31, 0xc0, 0xc3, 0x90, 0x90, 0x00, 0x00])]);
}

/** The start of a Windows executable: "MZ", the DOS stub and the PE signature. */
export function peFile(): Buffer {
  const file = Buffer.alloc(256);
  file.write("MZ", 0, "latin1");
  file.writeUInt32LE(0x80, 0x3c);
  file.write("This program cannot be run in DOS mode.", 0x4e, "latin1");
  file.write("PE\0\0", 0x80, "latin1");
  return file;
}

/**
 * A deflated zip part holding `bytes` zero bytes, compressed as it streams (never held whole in memory):
 * 1 GiB of zeros deflates to about 1 MB, the classic "zip bomb".
 */
export async function deflatedZerosPart(name: string, bytes: number): Promise<ZipPart> {
  const chunk = Buffer.alloc(Math.min(bytes, 1024 * 1024));
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (data: Buffer) => out.push(data));
  const ended = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  let crc = 0;
  for (let written = 0; written < bytes; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, bytes - written));
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await ended;
  return { name, data: Buffer.concat(out), method: 8, crc, uncompressedSize: bytes };
}

/** A real PNG of `width` × `height` pixels in one colour (8-bit RGB), made with zlib: a logo to upload. */
export function pngFile(width = 40, height = 20, rgb: [number, number, number] = [11, 83, 148]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
