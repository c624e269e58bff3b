// GET /api/v1/responses/<reference> — one published response by its receipt number.
import { apiGet } from "@/lib/api/http";
import { getResponse } from "@/lib/api/responses";

type Context = { params: Promise<{ reference: string }> };

export function GET(request: Request, { params }: Context) {
  return apiGet(request, [], async () => getResponse((await params).reference));
}
