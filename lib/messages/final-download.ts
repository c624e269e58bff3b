// The answers of /messages/<slug>/download/<file>: the final messages as final.pdf or final.md, or a plain
// 404 when the set is not final (or not public) or the file name is not one of those. Made on each request
// from what is public now, so a withdrawn consent or a hidden source leaves the files at once; the ETag (a
// hash of the bytes) lets a browser or proxy revalidate without downloading them again. A PDF takes from
// under a second to tens of seconds (a set at every message-set limit) to make, so the last few are kept in
// memory keyed by a hash of everything they show: a request makes one only when that content changed.
import "server-only";
import { createHash } from "node:crypto";
import { isAppError } from "@/lib/errors";
import { getFinalMessages } from "./final";
import type { FinalMessages } from "./final";
import { FINAL_FILES, isFinalFile, siteUrl } from "./final-document";
import { finalMarkdown } from "./final-markdown";
import { finalPdf } from "./final-pdf";

/** PDFs kept per server process (the most recently used; each at most MAX_FINAL_PDF_BYTES). */
export const PDF_CACHE_SIZE = 8;
const pdfCache = new Map<string, Promise<Buffer>>();

function cachedPdf(set: FinalMessages): Promise<Buffer> {
  const key = createHash("sha256").update(siteUrl()).update(JSON.stringify(set)).digest("base64url");
  const cached = pdfCache.get(key);
  pdfCache.delete(key);
  const made = cached ?? finalPdf(set);
  pdfCache.set(key, made); // now the most recently used
  if (!cached) made.catch(() => pdfCache.delete(key));
  while (pdfCache.size > PDF_CACHE_SIZE) pdfCache.delete(pdfCache.keys().next().value!);
  return made;
}

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

export async function finalDownload(request: Request, slug: string, file: string, now = new Date()): Promise<Response> {
  if (!isFinalFile(file) || !slug || slug.length > 100) return plain(404, "Not found");
  try {
    const set = await getFinalMessages(slug, now);
    if (!set) return plain(404, "Not found");
    const body = file === "final.pdf" ? await cachedPdf(set) : Buffer.from(finalMarkdown(set), "utf8");
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    const headers = {
      "Content-Type": FINAL_FILES[file],
      "Content-Disposition": `attachment; filename="${set.slug}-${file}"`,
      ETag: etag,
      // Public, but checked again on every use: consent can be withdrawn and a source hidden at any time.
      "Cache-Control": "public, no-cache",
      "X-Content-Type-Options": "nosniff",
    };
    if (
      request.headers
        .get("if-none-match")
        ?.split(/\s*,\s*/)
        .includes(etag)
    )
      return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Length": String(body.length) } });
  } catch (error) {
    if (isAppError(error) && error.code === "finalPdfTooLarge") return plain(500, "The document is too large to be made.");
    console.error(`[route /messages/${slug}/download/${file}] unexpected error`, error);
    return plain(500, "The document could not be made. Please try again later.");
  }
}
