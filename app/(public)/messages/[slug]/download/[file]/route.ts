// The final messages as a file: final.pdf or final.md (lib/messages/final-download.ts). Public, no sign-in.
import { finalDownload } from "@/lib/messages/final-download";

type Context = { params: Promise<{ slug: string; file: string }> };

export async function GET(request: Request, { params }: Context) {
  const { slug, file } = await params;
  return finalDownload(request, decodeURIComponent(slug), file);
}
