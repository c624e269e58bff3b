// What a file really is, decided from its bytes. The name only has to agree: a renamed executable, a
// Word file called .pdf or a binary called .txt are refused. Limits are exported for the route and tests.
import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { Invalid, Unsupported } from "@/lib/errors";
import { ALLOWED_TYPES, type AttachmentKind } from "./limits";
import { assertArchiveLimits, zipEntries } from "./zip";

export { ACCEPT, ALLOWED_TYPES, MAX_BYTES, MAX_FILES, type AttachmentKind } from "./limits";

export type Detected = { kind: AttachmentKind; mediaType: string; extension: string };

const PDF_MAGIC = Buffer.from("%PDF-", "latin1");
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** file-type inflates these zip entries to read them; larger ones are refused before it does (zip bombs). */
const INSPECTED_ENTRIES = new Set(["mimetype", "[Content_Types].xml"]);
const MAX_INSPECTED_COMPRESSED = 32 * 1024;

/** The file's extension, lower case with the dot ("" when none). */
export function extensionOf(fileName: string) {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot).toLowerCase() : "";
}

/**
 * The name as shown and offered for download: no folders, no control or direction-changing characters
 * (which could make "cod.exe" look like "exe.doc"), at most 150 characters with the extension kept.
 */
export function cleanFileName(raw: string) {
  const base = raw.split(/[/\\]/).pop() ?? "";
  const name = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  if (name.length <= 150) return name;
  const extension = extensionOf(name);
  return name.slice(0, 150 - extension.length).trimEnd() + extension;
}

/** Decides the type from the content, then checks that the name's extension agrees. Throws Invalid. */
export async function detectType(fileName: string, bytes: Uint8Array): Promise<Detected> {
  if (bytes.length === 0) throw Invalid("fileEmpty");
  const extension = extensionOf(fileName);
  const kind = await kindFromContent(bytes, extension === ALLOWED_TYPES.txt.extension);
  if (!kind) {
    throw Unsupported(extension === ALLOWED_TYPES.txt.extension ? "notText" : "unsupportedType");
  }
  const allowed = ALLOWED_TYPES[kind];
  if (extension !== allowed.extension) {
    const known = Object.values(ALLOWED_TYPES).some((type) => type.extension === extension);
    throw Unsupported(known ? "extensionMismatch" : "unsupportedType");
  }
  return { kind, mediaType: allowed.mediaType, extension: allowed.extension };
}

async function kindFromContent(bytes: Uint8Array, namedText: boolean): Promise<AttachmentKind | undefined> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, PDF_MAGIC)) return "pdf";
  if (startsWith(buffer, ZIP_MAGIC)) return zipKind(buffer);
  // Plain text is only recognised for a .txt name: any text would otherwise pass as "a text file".
  if (namedText && isPlainText(buffer)) return "txt";
  return undefined;
}

async function zipKind(buffer: Buffer): Promise<AttachmentKind | undefined> {
  const entries = zipEntries(buffer);
  if (!entries) return undefined;
  // Before anything is inflated (file-type inflates the entries it inspects): no zip bombs.
  assertArchiveLimits(entries);
  if (entries.some((entry) => INSPECTED_ENTRIES.has(entry.name) && entry.compressedSize > MAX_INSPECTED_COMPRESSED)) {
    return undefined;
  }
  const type = await fileTypeFromBuffer(buffer).catch(() => undefined);
  if (type?.ext === "docx" && entries.some((entry) => entry.name === "word/document.xml")) return "docx";
  if (type?.ext === "odt") return "odt";
  return undefined;
}

/** Valid UTF-8 with no NUL byte: what every executable, image or office file fails. */
export function isPlainText(buffer: Buffer) {
  if (buffer.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

function startsWith(buffer: Buffer, magic: Buffer) {
  return buffer.length >= magic.length && buffer.subarray(0, magic.length).equals(magic);
}
