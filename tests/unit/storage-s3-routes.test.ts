// Attachments on S3, end to end through the real route handlers: an upload posted to
// POST /api/responses/<id>/attachments lands in the bucket (a real S3-compatible server on loopback), and
// GET /api/attachments/<id> streams it back with the download headers, to the author under the real name
// and to the public under a neutral one (the copy without document properties). Only "who is signed in" is
// stubbed (there is no browser session here); the storage, database and handlers are the real ones.
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { S3Storage, s3SettingsFromEnv } from "@/lib/attachments/storage";
import type { SessionUser } from "@/lib/auth/session";
import { db, disconnectDb } from "@/lib/db";
import { createCall, createResponse, uniqueSuffix } from "@/prisma/factories";
import { pdfFile } from "../support/files";
import { startS3Server, type S3TestServer } from "../support/s3-server";
import { actor } from "./helpers";

const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getSessionUser: async () => signedIn.user,
}));

let s3: S3TestServer;
let savedEnv: NodeJS.ProcessEnv;
beforeAll(async () => {
  s3 = await startS3Server("igf-routes");
  savedEnv = { ...process.env };
  Object.assign(process.env, s3.env);
  delete process.env.ATTACHMENT_STORAGE;
});
afterAll(async () => {
  process.env = savedEnv;
  await s3?.stop();
  await disconnectDb();
});

const SITE = "http://localhost:3000";

async function upload(responseId: string, fileName: string, bytes: Buffer) {
  const { POST } = await import("@/app/api/responses/[id]/attachments/route");
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], fileName, { type: "application/pdf" }));
  const request = new Request(`${SITE}/api/responses/${responseId}/attachments`, {
    method: "POST",
    body: form,
    headers: { host: "localhost:3000", origin: SITE },
  });
  return POST(request, { params: Promise.resolve({ id: responseId }) });
}

async function download(id: string) {
  const { GET } = await import("@/app/api/attachments/[id]/route");
  return GET(new Request(`${SITE}/api/attachments/${id}`), { params: Promise.resolve({ id }) });
}

async function keysInBucket() {
  const files = new S3Storage(s3SettingsFromEnv(s3.env));
  const listed = await files.client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  return (listed.Contents ?? []).map((object) => object.Key);
}

describe("attachments on S3 through the route handlers", () => {
  it("an upload lands in the bucket and downloads with the download headers", async () => {
    const author = await actor();
    const call = await createCall(db);
    const response = await createResponse(db, { callId: call.id, authorId: author.id, status: "DRAFT" });
    const reference = `S${uniqueSuffix().toUpperCase()}-0007`;
    await db.response.update({ where: { id: response.id }, data: { consent: "PUBLISH_ANONYMOUS", reference } });
    const bytes = pdfFile("Stored in object storage");

    signedIn.user = author;
    const answer = await upload(response.id, "Ministry position.pdf", bytes);
    expect(answer.status).toBe(201);
    const { attachment } = (await answer.json()) as { attachment: { id: string } };
    const row = await db.attachment.findUniqueOrThrow({
      where: { id: attachment.id },
      select: { storageKey: true, publicStorageKey: true },
    });
    // In the bucket under the configured prefix: the file, and (anonymous consent) its public copy.
    const keys = await keysInBucket();
    expect(keys).toContain(`attachments/${row.storageKey}`);
    expect(keys).toContain(`attachments/${row.publicStorageKey}`);

    const own = await download(attachment.id);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("application/pdf");
    expect(own.headers.get("content-disposition")).toBe(
      `attachment; filename="Ministry position.pdf"; filename*=UTF-8''Ministry%20position.pdf`,
    );
    expect(own.headers.get("x-content-type-options")).toBe("nosniff");
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect(own.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(Buffer.compare(Buffer.from(await own.arrayBuffer()), bytes)).toBe(0);

    // Submitted and published without the author's name: the public gets the copy, under a neutral name.
    await db.response.update({
      where: { id: response.id },
      data: { status: "SUBMITTED", submittedAt: new Date(), moderationState: "PUBLISHED", attachmentsPrivate: false },
    });
    signedIn.user = null;
    const anonymous = await download(attachment.id);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("content-disposition")).toBe(
      `attachment; filename="${reference}-attachment-1.pdf"; filename*=UTF-8''${reference}-attachment-1.pdf`,
    );
    expect(anonymous.headers.get("x-content-type-options")).toBe("nosniff");
    const publicBytes = Buffer.from(await anonymous.arrayBuffer());
    expect(publicBytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(Number(anonymous.headers.get("content-length"))).toBe(publicBytes.length);
  });

  // (The route's error answers translate through next-intl, which needs a request: checked here at the
  // domain function the route calls, whose NotFound the route answers 404.)
  it("a file missing from the bucket is not found, not an unexpected error", async () => {
    const author = await actor();
    const call = await createCall(db);
    const response = await createResponse(db, { callId: call.id, authorId: author.id, status: "DRAFT" });
    signedIn.user = author;
    const answer = await upload(response.id, "gone.pdf", pdfFile());
    const { attachment } = (await answer.json()) as { attachment: { id: string } };
    const row = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id }, select: { storageKey: true } });
    await new S3Storage(s3SettingsFromEnv(s3.env)).remove(row.storageKey);
    vi.spyOn(console, "error").mockImplementationOnce(() => {});
    const { getAttachmentForDownload } = await import("@/lib/attachments/attachments");
    await expect(getAttachmentForDownload(author, attachment.id)).rejects.toMatchObject({ kind: "not_found" });
  });
});
