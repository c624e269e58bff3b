// GET /api/v1/calls/<slug>/responses — the call's published responses, (submittedAt, id) ascending.
import { apiGet } from "@/lib/api/http";
import { listCallResponses } from "@/lib/api/responses";

type Context = { params: Promise<{ slug: string }> };

export function GET(request: Request, { params }: Context) {
  return apiGet(request, ["group", "region", "since", "until", "limit", "cursor"], async (query) =>
    listCallResponses((await params).slug, query),
  );
}
