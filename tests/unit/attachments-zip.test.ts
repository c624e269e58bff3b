// Zip bombs: a DOCX or ODT is refused from the sizes its central directory declares, before anything is
// inflated, when it would unpack to more than MAX_UNPACKED_BYTES, holds an absurdly compressed entry or
// has too many entries. Real documents (stored or deflated) still pass.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAttachment } from "@/lib/attachments/attachments";
import { detectType } from "@/lib/attachments/detect";
import { MAX_ARCHIVE_ENTRIES, MAX_UNPACKED_BYTES } from "@/lib/attachments/limits";
import { db, disconnectDb } from "@/lib/db";
import { createCall, createResponse } from "@/prisma/factories";
import { deflatedZerosPart, docxEntries, docxFile, odtFile, storedPart, zipArchive, type ZipPart } from "../support/files";
import { actor } from "./helpers";

const GiB = 1024 * 1024 * 1024;
const MiB = 1024 * 1024;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let uploadDir: string;
/** A real 1 GiB stream of zeros, deflated as it streams: about 1 MB in the archive. */
let gibibyteOfZeros: ZipPart;
beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), "igf-attachments-zip-"));
  process.env.UPLOAD_DIR = uploadDir;
  gibibyteOfZeros = await deflatedZerosPart("word/document.xml", GiB);
});
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
  await disconnectDb();
});

/** A Word document whose word/document.xml is the given part (the other parts are those of a real one). */
function docxWith(documentPart: ZipPart, extra: ZipPart[] = []) {
  const parts = docxEntries().filter(([name]) => name !== "word/document.xml");
  return zipArchive([...parts.map(([name, content]) => storedPart(name, content)), documentPart, ...extra]);
}

/** Runs detection and says how long it took: refusing from the directory takes milliseconds. */
async function timed(fileName: string, bytes: Buffer) {
  const started = performance.now();
  const outcome = await detectType(fileName, bytes).then(
    (detected) => ({ detected, error: undefined as unknown }),
    (error: unknown) => ({ detected: undefined, error }),
  );
  return { ...outcome, milliseconds: performance.now() - started };
}

describe("zip bombs", () => {
  it("refuses a ~1 MB DOCX that really inflates to 1 GiB, without inflating it", async () => {
    const bomb = docxWith(gibibyteOfZeros);
    expect(bomb.length).toBeLessThan(2 * MiB);
    const heapBefore = process.memoryUsage().arrayBuffers;
    const outcome = await timed("paper.docx", bomb);
    expect(outcome.error).toMatchObject({ kind: "too_large", code: "unpackedTooLarge", params: { maxUnpackedMegabytes: 50 } });
    expect(outcome.milliseconds).toBeLessThan(1000);
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(64 * MiB);
  });

  it("refuses it on upload and keeps nothing", async () => {
    const author = await actor();
    const call = await createCall(db);
    const response = await createResponse(db, { callId: call.id, authorId: author.id, status: "DRAFT" });
    await expect(
      addAttachment(author, { responseId: response.id, fileName: "paper.docx", bytes: docxWith(gibibyteOfZeros) }),
    ).rejects.toMatchObject({ kind: "too_large", code: "unpackedTooLarge", params: { maxUnpackedMegabytes: 50 } });
    expect(await db.attachment.count({ where: { responseId: response.id } })).toBe(0);
    expect(await readdir(uploadDir, { recursive: true })).toEqual([]);
  });

  it("refuses a DOCX whose central directory merely declares 1 GiB", async () => {
    const lie = { ...storedPart("word/document.xml", "<w:document/>"), uncompressedSize: GiB };
    const outcome = await timed("paper.docx", docxWith(lie));
    expect(outcome.error).toMatchObject({ kind: "too_large", code: "unpackedTooLarge", params: { maxUnpackedMegabytes: 50 } });
  });

  it("refuses when the parts add up to more than the limit, each of them modest", async () => {
    // 26 parts of 2 MiB each at a plausible 10:1 ratio: 52 MiB in all, over the 50 MiB limit.
    const parts = Array.from({ length: 26 }, (_, index) => ({
      ...storedPart(`word/media/image${index}.xml`, Buffer.alloc((2 * MiB) / 10, 0x61)),
      uncompressedSize: 2 * MiB,
    }));
    expect(26 * 2 * MiB).toBeGreaterThan(MAX_UNPACKED_BYTES);
    const outcome = await timed("paper.docx", docxWith(storedPart("word/document.xml", "<w:document/>"), parts));
    expect(outcome.error).toMatchObject({ kind: "too_large", code: "unpackedTooLarge", params: { maxUnpackedMegabytes: 50 } });
  });

  it("refuses one entry compressed more than 200:1, even under the total limit", async () => {
    const part = await deflatedZerosPart("word/document.xml", 8 * MiB);
    expect(part.uncompressedSize / part.data.length).toBeGreaterThan(200);
    const outcome = await timed("paper.docx", docxWith(part));
    expect(outcome.error).toMatchObject({ kind: "too_large", code: "unpackedTooLarge", params: { maxUnpackedMegabytes: 50 } });
  });

  it("reads ZIP64 sizes: 5 GiB declared in the extra field is refused", async () => {
    const part: ZipPart = { ...storedPart("word/document.xml", "<w:document/>"), uncompressedSize: 5 * GiB, zip64: true };
    const outcome = await timed("paper.docx", docxWith(part));
    expect(outcome.error).toMatchObject({ kind: "too_large", code: "unpackedTooLarge", params: { maxUnpackedMegabytes: 50 } });
  });

  it("refuses a ZIP64 size marker without its extra field", async () => {
    const part: ZipPart = { ...storedPart("word/document.xml", "<w:document/>"), zip64: "missing" };
    const outcome = await timed("paper.docx", docxWith(part));
    expect(outcome.error).toMatchObject({ kind: "too_large", code: "unpackedTooLarge", params: { maxUnpackedMegabytes: 50 } });
  });

  it("refuses an archive of more than 2,000 entries", async () => {
    const parts = Array.from({ length: MAX_ARCHIVE_ENTRIES }, (_, index) => storedPart(`customXml/item${index}.xml`, "<a/>"));
    const outcome = await timed("paper.docx", docxWith(storedPart("word/document.xml", "<w:document/>"), parts));
    expect(outcome.error).toMatchObject({ kind: "unsupported", code: "tooManyParts", params: { maxEntries: 2000 } });
  });
});

describe("real documents", () => {
  it("accepts the stored DOCX and ODT of the other tests", async () => {
    await expect(detectType("paper.docx", docxFile())).resolves.toMatchObject({ kind: "docx" });
    await expect(detectType("paper.odt", odtFile())).resolves.toMatchObject({ kind: "odt" });
  });

  it("accepts a deflated DOCX with a long document and small ZIP64 sizes", async () => {
    const xml = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        Array.from(
          { length: 20_000 },
          (_, index) => `<w:p><w:r><w:t>Paragraph ${index} of the contribution.</w:t></w:r></w:p>`,
        ).join("") +
        "</w:body></w:document>",
    );
    const stored = storedPart("word/document.xml", xml);
    const deflated: ZipPart = { ...stored, data: deflateRawSync(xml), method: 8 };
    expect(xml.length).toBeGreaterThan(MiB);
    await expect(detectType("paper.docx", docxWith(deflated))).resolves.toMatchObject({ kind: "docx", mediaType: DOCX });
    await expect(detectType("paper.docx", docxWith({ ...deflated, zip64: true }))).resolves.toMatchObject({ kind: "docx" });
  });
});
