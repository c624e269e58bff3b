// The attachment endpoints as a browser (or a script) calls them: upload, download with safe headers,
// refusals for disguised files, other people's responses, visitors and private responses.
import { MAX_BYTES } from "@/lib/attachments/limits";
import { createCall, createResponse } from "@/prisma/factories";
import { elfFile, pdfFile } from "../support/files";
import { db, expect, signInAs, test } from "./fixtures";

const pdfPart = (name: string, buffer: Buffer) => ({ file: { name, mimeType: "application/pdf", buffer } });

/** A signed-in stakeholder in `context` with a draft response to a fresh open call. */
async function authorWithResponse(context: Parameters<typeof signInAs>[0]) {
  const author = await signInAs(context, "STAKEHOLDER");
  const call = await createCall(db);
  const response = await createResponse(db, { callId: call.id, authorId: author.id });
  return { author, responseId: response.id };
}

test("an author uploads a PDF and downloads it as an attachment with the same bytes", async ({ context }) => {
  const { responseId } = await authorWithResponse(context);
  const bytes = pdfFile("Norms and values in our community");
  const name = "Contribution – Nairobi.pdf";

  const upload = await context.request.post(`/api/responses/${responseId}/attachments`, { multipart: pdfPart(name, bytes) });
  expect(upload.status()).toBe(201);
  const answer = await upload.json();
  expect(answer).toEqual({
    ok: true,
    attachment: { id: expect.any(String), fileName: name, size: bytes.length, mediaType: "application/pdf" },
  });

  const download = await context.request.get(`/api/attachments/${answer.attachment.id}`);
  expect(download.status()).toBe(200);
  const headers = download.headers();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["content-disposition"]).toBe(
    `attachment; filename="Contribution _ Nairobi.pdf"; filename*=UTF-8''Contribution%20%E2%80%93%20Nairobi.pdf`,
  );
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(await download.body()).toEqual(bytes);
});

test("a renamed executable is refused with a clear message, and what was attached stays", async ({ context }) => {
  const { responseId } = await authorWithResponse(context);
  const url = `/api/responses/${responseId}/attachments`;
  expect((await context.request.post(url, { multipart: pdfPart("kept.pdf", pdfFile()) })).status()).toBe(201);

  const refused = await context.request.post(url, { multipart: pdfPart("report.pdf", elfFile()) });
  expect(refused.status()).toBe(415);
  expect(await refused.json()).toEqual({
    ok: false,
    code: "unsupportedType",
    message:
      "This is not a PDF, Word (.docx), OpenDocument text (.odt) or plain text (.txt) file. Files are checked by their content, not only by their name.",
  });
  const files = await db.attachment.findMany({ where: { responseId }, select: { fileName: true } });
  expect(files).toEqual([{ fileName: "kept.pdf" }]);
});

test("another stakeholder gets 404 for someone else's response and file; a visitor gets 401", async ({
  context,
  browser,
  request,
}) => {
  const { responseId } = await authorWithResponse(context);
  const upload = await context.request.post(`/api/responses/${responseId}/attachments`, {
    multipart: pdfPart("mine.pdf", pdfFile()),
  });
  const { attachment } = await upload.json();

  const otherContext = await browser.newContext();
  await signInAs(otherContext, "STAKEHOLDER");
  const intrusion = await otherContext.request.post(`/api/responses/${responseId}/attachments`, {
    multipart: pdfPart("theirs.pdf", pdfFile()),
  });
  expect(intrusion.status()).toBe(404);
  expect(await intrusion.json()).toEqual({
    ok: false,
    code: "notFound",
    message: "This item does not exist or is not available to you.",
  });
  expect((await otherContext.request.delete(`/api/attachments/${attachment.id}`)).status()).toBe(404);
  expect((await otherContext.request.get(`/api/attachments/${attachment.id}`)).status()).toBe(404);
  await otherContext.close();

  const visitor = await request.post(`/api/responses/${responseId}/attachments`, { multipart: pdfPart("anon.pdf", pdfFile()) });
  expect(visitor.status()).toBe(401);
  expect(await visitor.json()).toEqual({ ok: false, code: "unauthenticated", message: "Please sign in first." });
  expect((await request.delete(`/api/attachments/${attachment.id}`)).status()).toBe(401);

  expect(await db.attachment.count({ where: { responseId } })).toBe(1);
});

test("a private response's file is 404 for a visitor; an anonymous one is offered under a neutral name", async ({
  context,
  request,
}) => {
  const { responseId } = await authorWithResponse(context);
  // Chosen before the upload, so the upload makes the copy without document properties that the public gets.
  await db.response.update({ where: { id: responseId }, data: { consent: "PUBLISH_ANONYMOUS" } });
  const upload = await context.request.post(`/api/responses/${responseId}/attachments`, {
    multipart: pdfPart("Amina Diallo - comments.pdf", pdfFile()),
  });
  const { attachment } = await upload.json();
  const reference = `E2E${Date.now().toString(36).toUpperCase()}-0007`;
  await db.response.update({ where: { id: responseId }, data: { status: "SUBMITTED", consent: "PRIVATE", reference } });

  expect((await request.get(`/api/attachments/${attachment.id}`)).status()).toBe(404);
  expect((await context.request.get(`/api/attachments/${attachment.id}`)).status()).toBe(200);

  // Anonymous: published once the author confirmed the file's text does not name them.
  await db.response.update({ where: { id: responseId }, data: { consent: "PUBLISH_ANONYMOUS", attachmentsPrivate: false } });
  const download = await request.get(`/api/attachments/${attachment.id}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain(`filename*=UTF-8''${reference}-attachment-1.pdf`);
  expect(download.headers()["content-disposition"]).not.toContain("Amina");
});

test("the author removes a file; it is gone", async ({ context }) => {
  const { responseId } = await authorWithResponse(context);
  const upload = await context.request.post(`/api/responses/${responseId}/attachments`, {
    multipart: pdfPart("old.pdf", pdfFile()),
  });
  const { attachment } = await upload.json();
  const removed = await context.request.delete(`/api/attachments/${attachment.id}`);
  expect(removed.status()).toBe(200);
  expect(await removed.json()).toEqual({ ok: true });
  expect((await context.request.get(`/api/attachments/${attachment.id}`)).status()).toBe(404);
});

test("an oversized upload is refused with 413 before it is stored", async ({ context }) => {
  const { responseId } = await authorWithResponse(context);
  const big = Buffer.concat([pdfFile(), Buffer.alloc(MAX_BYTES + 1, 0x20)]);
  const refused = await context.request.post(`/api/responses/${responseId}/attachments`, { multipart: pdfPart("big.pdf", big) });
  expect(refused.status()).toBe(413);
  expect((await refused.json()).message).toMatch(/larger than 10 MB/);
  expect(await db.attachment.count({ where: { responseId } })).toBe(0);
});
