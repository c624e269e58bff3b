// The central directory of a zip archive (DOCX and ODT are zips), read without inflating anything, and the
// limits that refuse a "zip bomb": a small file that declares far more bytes than it holds.
import "server-only";
import { TooLarge, Unsupported } from "@/lib/errors";
import { MAX_ARCHIVE_ENTRIES, MAX_RATIO, MAX_RATIO_FROM, MAX_UNPACKED_BYTES } from "./limits";

export type ZipEntry = { name: string; compressedSize: number; uncompressedSize: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** A 32-bit size or offset of this value means "see the ZIP64 extra field". */
const ZIP64_MARK = 0xffffffff;
const ZIP64_EXTRA = 0x0001;

/**
 * The entries of a zip's central directory, or null when there is none; throws Invalid("tooManyParts")
 * for more than MAX_ARCHIVE_ENTRIES. The end record is looked for in
 * the last 16 KiB, as file-type's zip reader does, so both read the same directory. A size of 0xFFFFFFFF
 * is read from the entry's ZIP64 extended information; without one it counts as infinite (refused).
 */
export function zipEntries(buffer: Buffer): ZipEntry[] | null {
  let end = -1;
  for (let i = buffer.length - 4; i >= Math.max(0, buffer.length - 16 * 1024); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0 || end + 22 > buffer.length) return null;
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  // Counted before reading on. 0xFFFF entries or a 0xFFFFFFFF offset point to a ZIP64 end record: no
  // document under MAX_BYTES needs one, so such an archive is refused the same way.
  if (count > MAX_ARCHIVE_ENTRIES || offset === ZIP64_MARK)
    throw Unsupported("tooManyParts", { maxEntries: MAX_ARCHIVE_ENTRIES });
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) return null;
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const extraStart = offset + 46 + nameLength;
    if (extraStart + extraLength > buffer.length) return null;
    const sizes = zip64Sizes(
      buffer.subarray(extraStart, extraStart + extraLength),
      buffer.readUInt32LE(offset + 24),
      buffer.readUInt32LE(offset + 20),
    );
    entries.push({ name: buffer.toString("utf8", offset + 46, extraStart), ...sizes });
    offset = extraStart + extraLength + commentLength;
  }
  return entries;
}

/**
 * The sizes of one entry. In the ZIP64 extra field (id 0x0001), 8-byte values appear in this order and only
 * for the fields set to 0xFFFFFFFF in the header: uncompressed size, then compressed size.
 */
function zip64Sizes(extra: Buffer, uncompressed: number, compressed: number) {
  if (uncompressed !== ZIP64_MARK && compressed !== ZIP64_MARK) {
    return { uncompressedSize: uncompressed, compressedSize: compressed };
  }
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      const data = extra.subarray(at + 4, Math.min(extra.length, at + 4 + size));
      let field = 0;
      const next = () => {
        if (field + 8 > data.length) return Infinity;
        const value = Number(data.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      const uncompressedSize = uncompressed === ZIP64_MARK ? next() : uncompressed;
      const compressedSize = compressed === ZIP64_MARK ? next() : compressed;
      return { uncompressedSize, compressedSize };
    }
    at += 4 + size;
  }
  return { uncompressedSize: Infinity, compressedSize: compressed === ZIP64_MARK ? Infinity : compressed };
}

/**
 * Refuses an archive that would unpack to more than MAX_UNPACKED_BYTES in all, has more than
 * MAX_ARCHIVE_ENTRIES entries, or holds an entry over MAX_RATIO_FROM bytes compressed more than MAX_RATIO:1.
 * Only the declared sizes are read; nothing is inflated. Throws Invalid.
 */
export function assertArchiveLimits(entries: ZipEntry[]) {
  if (entries.length > MAX_ARCHIVE_ENTRIES) throw Unsupported("tooManyParts", { maxEntries: MAX_ARCHIVE_ENTRIES });
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const absurd = entry.uncompressedSize > MAX_RATIO_FROM && entry.uncompressedSize > entry.compressedSize * MAX_RATIO;
    if (absurd || total > MAX_UNPACKED_BYTES)
      throw TooLarge("unpackedTooLarge", { maxUnpackedMegabytes: MAX_UNPACKED_BYTES / (1024 * 1024) });
  }
}
