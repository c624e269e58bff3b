// GET /api/v1/message-sets/<slug>/versions/<number> — one published version of a message set.
import { apiGet } from "@/lib/api/http";
import { getMessageSetVersion } from "@/lib/api/message-sets";

type Context = { params: Promise<{ slug: string; number: string }> };

export function GET(request: Request, { params }: Context) {
  return apiGet(request, [], async () => {
    const { slug, number } = await params;
    return getMessageSetVersion(slug, number);
  });
}
