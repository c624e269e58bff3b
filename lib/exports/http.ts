// The export routes' answer: the file as an attachment (errors: lib/http/route-errors.ts).
import "server-only";
import { contentDisposition } from "@/lib/attachments/http";
import type { OpenedExport } from "./exports";

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
