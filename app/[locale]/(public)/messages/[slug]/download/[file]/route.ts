// The final messages as a file: final.pdf or final.md, in the language of the address
// (lib/messages/final-download.ts). Public, no sign-in.
import { toLocale } from "@/lib/i18n/config";
import { finalDownload } from "@/lib/messages/final-download";

type Context = { params: Promise<{ locale: string; slug: string; file: string }> };

const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // a malformed escape is no slug: 404
  }
};

export async function GET(request: Request, { params }: Context) {
  const { locale, slug, file } = await params;
  const name = decoded(slug);
  return finalDownload(request, name ?? "", file, { locale: toLocale(locale) });
}
