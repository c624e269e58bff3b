// The export routes' answers: the file as an attachment, or a JSON error with the fitting status.
import "server-only";
import { getTranslations } from "next-intl/server";
import { contentDisposition } from "@/lib/attachments/http";
import { DomainError } from "@/lib/errors";
import type { OpenedExport } from "./exports";

const STATUS: Record<DomainError["kind"], number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  closed: 409,
  rate_limited: 429,
};

export function exportResponse(opened: OpenedExport, { personal }: { personal: boolean }): Response {
  return new Response(opened.body, {
    headers: {
      "Content-Type": opened.contentType,
      "Content-Disposition": contentDisposition(opened.fileName),
      "X-Content-Type-Options": "nosniff",
      // Moderators' exports hold personal data: never stored. Public ones are re-fetched each time, so a
      // withdrawn consent or a hidden response leaves them at once.
      "Cache-Control": personal ? "private, no-store" : "no-cache",
    },
  });
}

/** Runs a handler; typed errors become `{ ok: false, message }`, anything else is logged and hidden. */
export async function handleExportErrors(name: string, body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    const tExports = await getTranslations("Exports.errors");
    const tErrors = await getTranslations("Errors");
    if (error instanceof DomainError) {
      const key = error.message;
      const message = tExports.has(key) ? tExports(key) : tErrors.has(key) ? tErrors(key) : tErrors("unexpected");
      return Response.json({ ok: false, message }, { status: STATUS[error.kind], headers: { "Cache-Control": "no-store" } });
    }
    console.error(`[route ${name}] unexpected error`, error);
    return Response.json({ ok: false, message: tErrors("unexpected") }, { status: 500 });
  }
}
