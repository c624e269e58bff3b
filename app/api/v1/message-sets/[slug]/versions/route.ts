// GET /api/v1/message-sets/<slug>/versions — the published versions of a message set, newest first.
import { apiGet } from "@/lib/api/http";
import { listMessageSetVersions } from "@/lib/api/message-sets";

type Context = { params: Promise<{ slug: string }> };

export function GET(request: Request, { params }: Context) {
  return apiGet(request, [], async () => listMessageSetVersions((await params).slug));
}
