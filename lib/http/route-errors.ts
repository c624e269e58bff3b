// Errors of route handlers (uploads, downloads, exports): a typed refusal becomes JSON
// `{ ok: false, code, message }` in the person's language with the status of its kind (httpStatus), and a
// Retry-After header when a limit refused it; anything else is logged with a request id and answered 500
// with a generic sentence quoting that id. The open data API (lib/api) answers in its own documented shape.
import "server-only";
import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { httpStatus, isAppError } from "@/lib/errors";
import { translateError } from "@/lib/i18n/errors";
import { isInvalidTextError } from "@/lib/validation/text";

const NO_STORE = { "Cache-Control": "no-store" };

export async function handleRouteErrors(name: string, request: Request | null, body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    const t = await getTranslations("Errors");
    const locale = await getLocale();
    if (isAppError(error)) {
      const headers: Record<string, string> = { ...NO_STORE };
      if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
      const message = translateError(t, error.descriptor, locale);
      return Response.json({ ok: false, code: error.code, message }, { status: httpStatus(error), headers });
    }
    if (isInvalidTextError(error)) {
      return Response.json(
        { ok: false, code: "invalidCharacters", message: t("invalidCharacters") },
        { status: 400, headers: NO_STORE },
      );
    }
    const given = request?.headers.get("x-request-id");
    const requestId = given && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID().slice(0, 8);
    console.error(`[route ${name}] unexpected error (request ${requestId})`, error);
    const message = translateError(t, { code: "unexpected", params: { requestId } }, locale);
    return Response.json({ ok: false, code: "unexpected", message, requestId }, { status: 500, headers: NO_STORE });
  }
}
