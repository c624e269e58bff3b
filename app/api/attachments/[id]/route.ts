// GET /api/attachments/<id> — the file, always as a download, to whoever may see it (404 otherwise).
// DELETE /api/attachments/<id> — removes it: the response's author only, while the call is open.
import { Readable } from "node:stream";
import { getAttachmentForDownload, removeAttachment } from "@/lib/attachments/attachments";
import { assertSameOrigin, contentDisposition } from "@/lib/attachments/http";
import { handleRouteErrors } from "@/lib/http/route-errors";
import { getSessionUser } from "@/lib/auth/session";
import { Unauthenticated } from "@/lib/errors";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  return handleRouteErrors("downloadAttachment", request, async () => {
    const { id } = await params;
    const file = await getAttachmentForDownload(await getSessionUser(), id);
    const body = Buffer.isBuffer(file.body)
      ? new Uint8Array(file.body)
      : (Readable.toWeb(file.body) as ReadableStream<Uint8Array>);
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
}

export async function DELETE(request: Request, { params }: Context) {
  return handleRouteErrors("removeAttachment", request, async () => {
    const user = await getSessionUser();
    if (!user) throw Unauthenticated();
    assertSameOrigin(request);
    const { id } = await params;
    await removeAttachment(user, id);
    return Response.json({ ok: true });
  });
}
