// The final messages as a file: final.pdf or final.md, in the language of the address
// (lib/messages/final-download.ts). Public, no sign-in.
// Its refusals are plain text (a download link's answer), made by finalDownload.
import { defineRoute } from "@/lib/http/route";
import { toLocale } from "@/lib/i18n/config";
import { finalDownload } from "@/lib/messages/final-download";

const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // a malformed escape is no slug: 404
  }
};

export const GET = defineRoute<"none", { locale: string; slug: string; file: string }>(
  { name: "finalDownload", auth: "none" },
  async ({ request, params: { locale, slug, file } }) =>
    finalDownload(request, decoded(slug) ?? "", file, { locale: toLocale(locale) }),
);
