// GET /api/v1/calls/<slug> — one published call with its questions and glossary.
import { getCall } from "@/lib/api/calls";
import { apiGet } from "@/lib/api/http";

type Context = { params: Promise<{ slug: string }> };

export function GET(request: Request, { params }: Context) {
  return apiGet(request, [], async () => getCall((await params).slug));
}
