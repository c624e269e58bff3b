// The answers of /messages/<slug>/download/<file> (and /<locale>/messages/…): the final messages as final.pdf
// or final.md in the language of the address (the fixed text, and the set's text when a moderator translated
// it into that language), or a plain 404 when the set is not final (or not public) or the file name is not one
// of those. Made on each request
// from what is public now, so a withdrawn consent or a hidden source leaves the files at once; the ETag (a
// hash of the content) lets a browser or proxy revalidate without downloading them again. A PDF takes from
// under a second to tens of seconds (a set at every message-set limit) to make, so it is made once per
// content and kept in storage (./final-file.ts), shared by every app instance.
import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { isAppError } from "@/lib/errors";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { getFinalMessages } from "./final";
import { documentText, FINAL_FILES, isFinalFile } from "./final-document";
import { finalPdfFile } from "./final-file";
import { finalMarkdown } from "./final-markdown";

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

export async function finalDownload(
  request: Request,
  slug: string,
  file: string,
  { locale = defaultLocale, now = new Date() }: { locale?: Locale; now?: Date } = {},
): Promise<Response> {
  if (!isFinalFile(file) || !slug || slug.length > 100) return plain(404, "Not found");
  try {
    const set = await getFinalMessages(slug, now, locale);
    if (!set) return plain(404, "Not found");
    const pdf = file === "final.pdf" ? await finalPdfFile(set, locale) : null;
    const body = pdf ? pdf.body : Buffer.from(finalMarkdown(set, await documentText(locale)), "utf8");
    const etag = `"${
      pdf
        ? pdf.key
        : createHash("sha256")
            .update(body as Buffer)
            .digest("base64url")
            .slice(0, 32)
    }"`;
    const headers = {
      "Content-Type": FINAL_FILES[file],
      // The language in the name for all but the default, so two languages saved side by side keep apart.
      "Content-Disposition": `attachment; filename="${set.slug}-${locale === defaultLocale ? file : file.replace(".", `.${locale}.`)}"`,
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
    ) {
      if (!Buffer.isBuffer(body)) body.destroy();
      return new Response(null, { status: 304, headers });
    }
    if (!Buffer.isBuffer(body)) return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { headers });
    return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Length": String(body.length) } });
  } catch (error) {
    if (isAppError(error) && error.code === "finalPdfTooLarge") return plain(500, "The document is too large to be made.");
    console.error(`[route /messages/${slug}/download/${file}] unexpected error`, error);
    return plain(500, "The document could not be made. Please try again later.");
  }
}
