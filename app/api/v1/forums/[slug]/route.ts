// GET /api/v1/forums/<slug> — one forum and its published calls.
import { getForum } from "@/lib/api/calls";
import { apiGet } from "@/lib/api/http";

type Context = { params: Promise<{ slug: string }> };

export function GET(request: Request, { params }: Context) {
  return apiGet(request, [], async () => getForum((await params).slug));
}
