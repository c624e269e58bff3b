// POST /api/responses/<id>/attachments — multipart, field "file": attaches a file to the signed-in
// author's own response, or to a contribution recorded from another channel by one who may record them. Answers { ok: true, attachment } (201) or { ok: false, message } with
// 400 / 401 / 404 / 409 (full, closed, withdrawn) / 413 (too large) / 415 (type).
import { addAttachment } from "@/lib/attachments/attachments";
import { MAX_BYTES } from "@/lib/attachments/detect";
import { readBodyLimited } from "@/lib/attachments/http";
import { Invalid, TooLarge } from "@/lib/errors";
import { defineRoute } from "@/lib/http/route";
import { isAcceptablePath } from "@/lib/http/request-guard";

/** Room for the multipart framing around the file: boundaries and the part's headers (its name). */
const MULTIPART_OVERHEAD = 16 * 1024;
const MAX_BODY = MAX_BYTES + MULTIPART_OVERHEAD;

export const POST = defineRoute<"signedIn", { id: string }>(
  { name: "uploadAttachment", auth: "signedIn", sameOrigin: true },
  async ({ request, actor, params }) => {
    // proxy.ts does not run for uploads (see its matcher), so the path is checked here.
    if (!isAcceptablePath(new URL(request.url).pathname)) throw Invalid("uploadUnreadable");

    // Refuse what is announced as too large before reading any of it, and stop reading what grows too large.
    const declared = Number(request.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > MAX_BODY)
      throw TooLarge("fileTooLarge", { maxMegabytes: MAX_BYTES / (1024 * 1024) });
    const body = await readBodyLimited(request, MAX_BODY);
    if (!body) throw TooLarge("fileTooLarge", { maxMegabytes: MAX_BYTES / (1024 * 1024) });

    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), {
        headers: { "content-type": request.headers.get("content-type") ?? "" },
      }).formData();
    } catch {
      throw Invalid("uploadUnreadable");
    }
    const file = form.get("file");
    if (!(file instanceof File)) throw Invalid("noFile");
    if (file.size > MAX_BYTES) throw TooLarge("fileTooLarge", { maxMegabytes: MAX_BYTES / (1024 * 1024) });

    const attachment = await addAttachment(actor, {
      responseId: params.id,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json({ ok: true, attachment }, { status: 201 });
  },
);
