import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addAttachment,
  getAttachmentForDownload,
  listOwnAttachments,
  listVisibleAttachments,
  removeAttachment,
} from "@/lib/attachments/attachments";
import { cleanFileName, MAX_BYTES, MAX_FILES } from "@/lib/attachments/detect";
import { LocalDiskStorage } from "@/lib/attachments/storage";
import type { SessionUser } from "@/lib/auth/session";
import { db, disconnectDb } from "@/lib/db";
import type { Consent, ResponseStatus } from "@/lib/generated/prisma/enums";
import { getPublishedResponse } from "@/lib/responses/public";
import { createCall, createResponse, uniqueSuffix } from "@/prisma/factories";
import { DOCX_CONTENT_TYPES, docxFile, elfFile, odtFile, pdfFile, peFile, zipFile } from "../support/files";
import { actor, appointee } from "./helpers";

let uploadDir: string;
beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), "igf-attachments-unit-"));
  process.env.UPLOAD_DIR = uploadDir;
});
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
  await disconnectDb();
});

const DAY = 24 * 3600 * 1000;

/** An author with a response to an open call (or as overridden). */
async function scenario(options: { status?: ResponseStatus; consent?: Consent; closed?: boolean } = {}) {
  const author = await actor();
  const call = await createCall(
    db,
    options.closed ? { opensAt: new Date(Date.now() - 30 * DAY), closesAt: new Date(Date.now() - DAY) } : {},
  );
  const response = await createResponse(db, { callId: call.id, authorId: author.id, status: options.status ?? "DRAFT" });
  const reference = `T${uniqueSuffix().toUpperCase()}-0042`;
  await db.response.update({ where: { id: response.id }, data: { consent: options.consent ?? "PUBLISH_NAMED", reference } });
  const profile = await db.profile.findUniqueOrThrow({ where: { userId: author.id }, select: { displayName: true } });
  return { author, call, responseId: response.id, reference, authorName: profile.displayName };
}

/** Puts a file straight into the database and storage, bypassing the open-call rule (for closed calls). */
async function attachDirectly(responseId: string, fileName = "report.pdf") {
  const storage = new LocalDiskStorage(uploadDir);
  const storageKey = createHash("md5").update(uniqueSuffix()).digest("hex");
  const bytes = pdfFile();
  await storage.put(storageKey, bytes);
  return db.attachment.create({
    data: {
      responseId,
      storageKey,
      fileName,
      mediaType: "application/pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    },
    select: { id: true, storageKey: true },
  });
}

async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(uploadDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

async function bytesOf(body: Readable | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const rowCount = (responseId: string) => db.attachment.count({ where: { responseId } });

describe("adding files", () => {
  it("accepts a real PDF, stores it under a server-made name with its hash, size and type", async () => {
    const { author, responseId } = await scenario();
    const bytes = pdfFile();
    const added = await addAttachment(author, { responseId, fileName: "Our contribution.pdf", bytes });
    expect(added).toEqual({
      id: expect.any(String),
      fileName: "Our contribution.pdf",
      size: bytes.length,
      mediaType: "application/pdf",
    });

    const row = await db.attachment.findUniqueOrThrow({ where: { id: added.id }, select: { storageKey: true, sha256: true } });
    expect(row.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(row.storageKey).toMatch(/^[a-f0-9]{32}$/);
    const stored = path.join(uploadDir, row.storageKey.slice(0, 2), row.storageKey);
    expect(await readFile(stored)).toEqual(bytes);
    expect(await listOwnAttachments(author, responseId)).toEqual([added]);
  });

  it.each([
    ["a DOCX", "Position paper.docx", docxFile(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["an ODT", "Position paper.odt", odtFile(), "application/vnd.oasis.opendocument.text"],
    ["a UTF-8 text", "notes.TXT", Buffer.from("Normes et valeurs — ce que dit notre communauté.\n", "utf8"), "text/plain"],
  ])("accepts %s", async (_label, fileName, bytes, mediaType) => {
    const { author, responseId } = await scenario();
    const added = await addAttachment(author, { responseId, fileName, bytes });
    expect(added).toMatchObject({ fileName, mediaType, size: bytes.length });
  });

  it.each([
    ["a Linux executable renamed .pdf", "report.pdf", elfFile(), "unsupportedType"],
    ["a Windows executable renamed .pdf", "report.pdf", peFile(), "unsupportedType"],
    ["a Windows executable renamed .txt", "notes.txt", peFile(), "notText"],
    ["a .txt with NUL bytes", "notes.txt", Buffer.from("plain\0text", "latin1"), "notText"],
    ["a .txt that is not UTF-8", "notes.txt", Buffer.from([0x66, 0xe9, 0x65]), "notText"],
    ["a PDF named .docx", "paper.docx", pdfFile(), "extensionMismatch"],
    ["a DOCX named .pdf", "paper.pdf", docxFile(), "extensionMismatch"],
    ["a PDF named .exe", "setup.exe", pdfFile(), "unsupportedType"],
    ["text named .pdf", "paper.pdf", Buffer.from("%PDF is what I am not"), "unsupportedType"],
    ["a zip posing as a DOCX", "paper.docx", zipFile([["readme.txt", "hello"]]), "unsupportedType"],
    ["a DOCX without word/document.xml", "paper.docx", docxFile("x", { withDocument: false }), "unsupportedType"],
    [
      "an OpenDocument spreadsheet named .odt",
      "table.odt",
      odtFile("x", "application/vnd.oasis.opendocument.spreadsheet"),
      "unsupportedType",
    ],
    [
      "a zip whose inspected entry is too large to inflate safely",
      "paper.docx",
      zipFile([
        ["[Content_Types].xml", DOCX_CONTENT_TYPES + " ".repeat(40_000)],
        ["word/document.xml", "<w:document/>"],
      ]),
      "unsupportedType",
    ],
    ["an empty file", "empty.pdf", Buffer.alloc(0), "fileEmpty"],
    ["a file without a name", "  ", pdfFile(), "fileNameMissing"],
  ])("refuses %s and keeps nothing", async (_label, fileName, bytes, code) => {
    const { author, responseId } = await scenario();
    const before = (await filesOnDisk()).length;
    // A file of a type not accepted is 415, one without content or name a plain invalid request (400).
    const kind = code === "fileEmpty" || code === "fileNameMissing" ? "invalid" : "unsupported";
    await expect(addAttachment(author, { responseId, fileName, bytes })).rejects.toMatchObject({ kind, code });
    expect(await rowCount(responseId)).toBe(0);
    expect((await filesOnDisk()).length).toBe(before);
  });

  it("refuses a file over 10 MiB", async () => {
    const { author, responseId } = await scenario();
    const bytes = Buffer.concat([pdfFile(), Buffer.alloc(MAX_BYTES, 0x20)]);
    await expect(addAttachment(author, { responseId, fileName: "big.pdf", bytes })).rejects.toMatchObject({
      kind: "too_large",
      code: "fileTooLarge",
      params: { maxMegabytes: 10 },
    });
    expect(await rowCount(responseId)).toBe(0);
  });

  it("refuses a fourth file and keeps the three already attached", async () => {
    const { author, responseId } = await scenario();
    for (let n = 1; n <= MAX_FILES; n++) await addAttachment(author, { responseId, fileName: `part ${n}.pdf`, bytes: pdfFile() });
    await expect(addAttachment(author, { responseId, fileName: "part 4.pdf", bytes: pdfFile() })).rejects.toMatchObject({
      kind: "conflict",
      code: "tooManyFiles",
      params: { maxFiles: 3 },
    });
    expect((await listOwnAttachments(author, responseId)).map((f) => f.fileName)).toEqual([
      "part 1.pdf",
      "part 2.pdf",
      "part 3.pdf",
    ]);
  });

  it("never makes a fourth file under parallel uploads, and leaves no orphan file behind", async () => {
    const { author, responseId } = await scenario();
    await addAttachment(author, { responseId, fileName: "first.pdf", bytes: pdfFile() });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, n) => addAttachment(author, { responseId, fileName: `parallel ${n}.pdf`, bytes: pdfFile() })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_FILES - 1);
    for (const result of results.filter((r) => r.status === "rejected")) {
      expect(result).toMatchObject({ reason: { kind: "conflict", code: "tooManyFiles" } });
    }
    expect(await rowCount(responseId)).toBe(MAX_FILES);
    const onDisk = await filesOnDisk();
    expect(await db.attachment.count({ where: { storageKey: { in: onDisk } } })).toBe(onDisk.length);
  });

  it("answers not found for another user's response, and for an unknown one", async () => {
    const { responseId } = await scenario();
    const other = await actor();
    const bytes = pdfFile();
    await expect(addAttachment(other, { responseId, fileName: "x.pdf", bytes })).rejects.toMatchObject({ kind: "not_found" });
    await expect(addAttachment(other, { responseId: "no-such-response", fileName: "x.pdf", bytes })).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(listOwnAttachments(other, responseId)).rejects.toMatchObject({ kind: "not_found" });
    const moderator = await actor("MODERATOR");
    await expect(addAttachment(moderator, { responseId, fileName: "x.pdf", bytes })).rejects.toMatchObject({ kind: "not_found" });
    expect(await rowCount(responseId)).toBe(0);
  });

  it("refuses changes once the call is closed, keeping the files already there", async () => {
    const { author, responseId } = await scenario({ closed: true, status: "SUBMITTED" });
    const kept = await attachDirectly(responseId);
    await expect(addAttachment(author, { responseId, fileName: "late.pdf", bytes: pdfFile() })).rejects.toMatchObject({
      kind: "closed",
      code: "filesClosed",
    });
    await expect(removeAttachment(author, kept.id)).rejects.toMatchObject({ kind: "closed" });
    expect(await listOwnAttachments(author, responseId)).toHaveLength(1);
    expect(await filesOnDisk()).toContain(kept.storageKey);
  });

  it("refuses changes to a withdrawn response, keeping the files already there", async () => {
    const { author, responseId } = await scenario({ status: "WITHDRAWN" });
    const kept = await attachDirectly(responseId);
    await expect(addAttachment(author, { responseId, fileName: "more.pdf", bytes: pdfFile() })).rejects.toMatchObject({
      kind: "conflict",
      code: "filesWithdrawn",
    });
    await expect(removeAttachment(author, kept.id)).rejects.toMatchObject({ kind: "conflict", code: "filesWithdrawn" });
    expect(await rowCount(responseId)).toBe(1);
  });
});

describe("removing files", () => {
  it("lets the author remove a file, with its bytes", async () => {
    const { author, responseId } = await scenario();
    const added = await addAttachment(author, { responseId, fileName: "draft.pdf", bytes: pdfFile() });
    const { storageKey } = await db.attachment.findUniqueOrThrow({ where: { id: added.id }, select: { storageKey: true } });
    await removeAttachment(author, added.id);
    expect(await rowCount(responseId)).toBe(0);
    expect(await filesOnDisk()).not.toContain(storageKey);
  });

  it("answers not found to anyone else, moderators included", async () => {
    const { author, responseId } = await scenario();
    const added = await addAttachment(author, { responseId, fileName: "draft.pdf", bytes: pdfFile() });
    for (const someone of [await actor(), await actor("MODERATOR")]) {
      await expect(removeAttachment(someone, added.id)).rejects.toMatchObject({ kind: "not_found" });
    }
    expect(await rowCount(responseId)).toBe(1);
  });
});

describe("the files of a contribution recorded from another channel", () => {
  it("are added and removed by those who may record contributions in its forum, even after the deadline", async () => {
    const { call, responseId } = await scenario({ status: "SUBMITTED", closed: true });
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    // Through the form: its files are its author's alone, moderators included.
    await expect(addAttachment(facilitator, { responseId, fileName: "scan.pdf", bytes: pdfFile() })).rejects.toMatchObject({
      kind: "not_found",
    });
    await db.response.update({
      where: { id: responseId },
      data: { channel: "LETTER", enteredById: facilitator.id, contributorName: "Ministry" },
    });
    for (const who of [
      await appointee(call.forumId, "OBSERVER"),
      await appointee((await createCall(db)).forumId, "FACILITATOR"),
      await actor(),
    ])
      await expect(addAttachment(who, { responseId, fileName: "scan.pdf", bytes: pdfFile() })).rejects.toMatchObject({
        kind: "not_found",
      });
    const added = await addAttachment(facilitator, { responseId, fileName: "Letter of the Ministry.pdf", bytes: pdfFile() });
    expect(added.fileName).toBe("Letter of the Ministry.pdf");
    await expect(removeAttachment(await appointee(call.forumId, "OBSERVER"), added.id)).rejects.toMatchObject({
      kind: "not_found",
    });
    await removeAttachment(facilitator, added.id);
    expect(await db.attachment.count({ where: { responseId } })).toBe(0);
  });
});

describe("downloading files", () => {
  type Who = "visitor" | "author" | "other" | "moderator";
  const viewers = async (author: SessionUser): Promise<Record<Who, SessionUser | null>> => ({
    visitor: null,
    author,
    other: await actor(),
    moderator: await actor("MODERATOR"),
  });

  it.each([
    ["SUBMITTED", "PRIVATE", { visitor: false, author: true, other: false, moderator: true }],
    ["SUBMITTED", "PUBLISH_ANONYMOUS", { visitor: true, author: true, other: true, moderator: true }],
    ["SUBMITTED", "PUBLISH_NAMED", { visitor: true, author: true, other: true, moderator: true }],
    ["DRAFT", "PUBLISH_NAMED", { visitor: false, author: true, other: false, moderator: true }],
    ["WITHDRAWN", "PUBLISH_NAMED", { visitor: false, author: true, other: false, moderator: true }],
  ] as const)("%s, %s: who may download", async (status, consent, expected) => {
    const { author, responseId } = await scenario({ consent });
    const bytes = pdfFile("Visible or not");
    const added = await addAttachment(author, { responseId, fileName: "evidence.pdf", bytes });
    // For an anonymous response: the author confirmed the files' text does not name them.
    await db.response.update({
      where: { id: responseId },
      data: { status, attachmentsPrivate: consent === "PUBLISH_ANONYMOUS" ? false : null },
    });
    for (const [who, viewer] of Object.entries(await viewers(author)) as [Who, SessionUser | null][]) {
      if (expected[who]) {
        const download = await getAttachmentForDownload(viewer, added.id);
        const body = await bytesOf(download.body);
        expect(download).toMatchObject({ mediaType: "application/pdf", size: body.length });
        // The public gets an anonymous response's file as a copy without document properties.
        const stripped = consent === "PUBLISH_ANONYMOUS" && (who === "visitor" || who === "other");
        if (stripped) expect(body).not.toEqual(bytes);
        else expect(body).toEqual(bytes);
        expect(
          (await listVisibleAttachments(viewer, responseId)).map((f) => f.id),
          who,
        ).toEqual([added.id]);
      } else {
        await expect(getAttachmentForDownload(viewer, added.id), who).rejects.toMatchObject({ kind: "not_found" });
        expect(await listVisibleAttachments(viewer, responseId), who).toEqual([]);
      }
    }
  });

  it("offers an anonymous response's files under a neutral name; author and moderators see the real one", async () => {
    const { author, responseId, reference, authorName } = await scenario({ consent: "PUBLISH_ANONYMOUS" });
    await addAttachment(author, { responseId, fileName: `${authorName} notes.txt`, bytes: Buffer.from("First.\n") });
    const second = await addAttachment(author, { responseId, fileName: `${authorName} - submission.pdf`, bytes: pdfFile() });
    await db.response.update({ where: { id: responseId }, data: { status: "SUBMITTED", attachmentsPrivate: false } });

    for (const viewer of [null, await actor()]) {
      const download = await getAttachmentForDownload(viewer, second.id);
      expect(download.fileName).toBe(`${reference}-attachment-2.pdf`);
      expect(download.fileName).not.toContain(authorName.split(" ")[0]);
      await bytesOf(download.body);
      expect((await listVisibleAttachments(viewer, responseId)).map((f) => f.fileName)).toEqual([
        `${reference}-attachment-1.txt`,
        `${reference}-attachment-2.pdf`,
      ]);
    }
    for (const viewer of [author, await actor("MODERATOR")]) {
      const download = await getAttachmentForDownload(viewer, second.id);
      expect(download.fileName).toBe(`${authorName} - submission.pdf`);
      await bytesOf(download.body);
    }
  });

  it("publishes nothing of an anonymous response's files until the author confirmed, nor when kept private", async () => {
    const { author, responseId } = await scenario({ consent: "PUBLISH_ANONYMOUS" });
    const added = await addAttachment(author, { responseId, fileName: "evidence.pdf", bytes: pdfFile() });
    for (const attachmentsPrivate of [null, true]) {
      await db.response.update({ where: { id: responseId }, data: { status: "SUBMITTED", attachmentsPrivate } });
      await expect(getAttachmentForDownload(null, added.id)).rejects.toMatchObject({ kind: "not_found" });
      expect(await listVisibleAttachments(null, responseId)).toEqual([]);
      await bytesOf((await getAttachmentForDownload(author, added.id)).body);
    }
  });

  it("follows the response page's rule: the files the public may download are the ones the public page lists", async () => {
    for (const consent of ["PUBLISH_NAMED", "PUBLISH_ANONYMOUS"] as const) {
      const { author, responseId, reference } = await scenario({ consent });
      const added = await addAttachment(author, { responseId, fileName: "evidence.pdf", bytes: pdfFile() });
      await db.response.update({ where: { id: responseId }, data: { status: "SUBMITTED", attachmentsPrivate: false } });
      const page = await getPublishedResponse(reference);
      expect(page?.attachments.map((file) => file.id)).toEqual([added.id]);
      const download = await getAttachmentForDownload(null, added.id);
      expect(page?.attachments[0]?.size).toBe(download.size);
      expect((await listVisibleAttachments(null, responseId)).map((file) => file.id)).toEqual([added.id]);
    }
  });

  it("serves nothing to the public of a response whose call is not published, as its page is not found", async () => {
    const { author, call, responseId, reference } = await scenario({ consent: "PUBLISH_NAMED" });
    const added = await addAttachment(author, { responseId, fileName: "evidence.pdf", bytes: pdfFile() });
    await db.response.update({ where: { id: responseId }, data: { status: "SUBMITTED" } });
    await bytesOf((await getAttachmentForDownload(null, added.id)).body);
    await db.call.update({ where: { id: call.id }, data: { publishedAt: null } });
    expect(await getPublishedResponse(reference)).toBeNull();
    await expect(getAttachmentForDownload(null, added.id)).rejects.toMatchObject({ kind: "not_found" });
    expect(await listVisibleAttachments(null, responseId)).toEqual([]);
    await bytesOf((await getAttachmentForDownload(author, added.id)).body);
    await bytesOf((await getAttachmentForDownload(await actor("MODERATOR"), added.id)).body);
  });

  it("answers not found for an unknown id", async () => {
    await expect(getAttachmentForDownload(null, "no-such-file")).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("storage and names", () => {
  it("refuses keys that are not server-made, so no path can escape the upload folder", async () => {
    const storage = new LocalDiskStorage(uploadDir);
    for (const key of ["../../etc/passwd", "ab/../../x", "/etc/passwd", "report.pdf", ""]) {
      await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
      await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(/Invalid storage key/);
      await expect(storage.remove(key)).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("makes the upload folder private without making the folders above it private", async () => {
    const root = path.join(uploadDir, "data", "uploads");
    const storage = new LocalDiskStorage(root);
    await storage.put("ab".padEnd(32, "0"), Buffer.from("x"));
    const mode = async (folder: string) => (await stat(folder)).mode & 0o777;
    expect(await mode(path.join(uploadDir, "data"))).toBe(0o777 & ~process.umask());
    expect(await mode(root)).toBe(0o700);
    expect(await mode(path.join(root, "ab"))).toBe(0o700);
  });

  it("keeps only the base name, without control or direction characters", () => {
    expect(cleanFileName("C:\\Users\\amina\\My report.pdf")).toBe("My report.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFileName(`${"a".repeat(300)}.docx`)).toMatch(/^a{145}\.docx$/);
  });
});
