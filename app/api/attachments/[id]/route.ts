// GET /api/attachments/<id> — the file, always as a download, to whoever may see it (404 otherwise).
// DELETE /api/attachments/<id> — removes it: the response's author only, while the call is open.
import { Readable } from "node:stream";
import { getAttachmentForDownload, removeAttachment } from "@/lib/attachments/attachments";
import { contentDisposition } from "@/lib/attachments/http";
import { defineRoute } from "@/lib/http/route";

type Params = { id: string };

export const GET = defineRoute<"visitor", Params>({ name: "downloadAttachment", auth: "visitor" }, async ({ actor, params }) => {
  const file = await getAttachmentForDownload(actor, params.id);
  const body = Buffer.isBuffer(file.body) ? new Uint8Array(file.body) : (Readable.toWeb(file.body) as ReadableStream<Uint8Array>);
  return new Response(body, {
    headers: {
      "Content-Type": file.mediaType === "text/plain" ? "text/plain; charset=utf-8" : file.mediaType,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // Should a browser ever render it anyway, nothing in it may run.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});

export const DELETE = defineRoute<"signedIn", Params>(
  { name: "removeAttachment", auth: "signedIn", sameOrigin: true },
  async ({ actor, params }) => {
    await removeAttachment(actor, params.id);
    return Response.json({ ok: true });
  },
);
