// What the attachment route handlers share: errors as `{ ok: false, message }` with a fitting status,
// the same-origin check, and a body reader that stops at a limit instead of buffering an oversized upload.
import "server-only";
import { getTranslations } from "next-intl/server";
import { DomainError, Forbidden, RateLimitedError } from "@/lib/errors";
import { rateLimitedMessage } from "@/lib/limits/message";
import { isInvalidTextError } from "@/lib/validation/text";
import { MAX_ARCHIVE_ENTRIES, MAX_BYTES, MAX_FILES, MAX_UNPACKED_BYTES } from "./limits";

const UNSUPPORTED = new Set(["unsupportedType", "extensionMismatch", "notText"]);
const messageValues = {
  maxFiles: MAX_FILES,
  maxMegabytes: MAX_BYTES / (1024 * 1024),
  maxUnpackedMegabytes: MAX_UNPACKED_BYTES / (1024 * 1024),
  maxEntries: MAX_ARCHIVE_ENTRIES,
};

function statusOf(error: DomainError) {
  switch (error.kind) {
    case "unauthenticated":
      return 401;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "conflict":
    case "closed":
      return 409;
    case "rate_limited":
      return 429;
    case "invalid":
      if (error.message === "tooLarge" || error.message === "unpackedTooLarge") return 413;
      return UNSUPPORTED.has(error.message) ? 415 : 400;
  }
}

/** Runs a handler body; typed errors become a JSON answer, anything else is logged and hidden. */
export async function handleErrors(name: string, body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    const tAttachments = await getTranslations("Attachments.errors");
    const tErrors = await getTranslations("Errors");
    if (error instanceof RateLimitedError) {
      const message = rateLimitedMessage(tErrors, error.retryAfterSeconds);
      return Response.json({ ok: false, message }, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
    }
    if (error instanceof DomainError) {
      const key = error.message;
      const message = tAttachments.has(key) ? tAttachments(key, messageValues) : tErrors.has(key) ? tErrors(key) : key;
      return Response.json({ ok: false, message }, { status: statusOf(error) });
    }
    if (isInvalidTextError(error)) return Response.json({ ok: false, message: tErrors("invalidCharacters") }, { status: 400 });
    console.error(`[route ${name}] unexpected error`, error);
    return Response.json({ ok: false, message: tErrors("unexpected") }, { status: 500 });
  }
}

/** Refuses a state-changing request sent by another site's page (cookies alone do not prove intent). */
export function assertSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" or garbage: refused below.
  }
  if (originHost !== host) throw Forbidden();
}

/** The body, or null as soon as it grows past `limit` bytes (the rest is never read). */
export async function readBodyLimited(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(fileName: string) {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
