// GET /api/v1/message-sets/<slug> — a message set's latest published version, with its citations.
import { apiGet } from "@/lib/api/http";
import { getMessageSet } from "@/lib/api/message-sets";

type Context = { params: Promise<{ slug: string }> };

export function GET(request: Request, { params }: Context) {
  return apiGet(request, [], async () => getMessageSet((await params).slug));
}
