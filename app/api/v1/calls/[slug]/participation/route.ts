// GET /api/v1/calls/<slug>/participation — counts by group × region, small cells suppressed.
import { apiGet } from "@/lib/api/http";
import { getCallParticipation } from "@/lib/api/participation";

type Context = { params: Promise<{ slug: string }> };

export function GET(request: Request, { params }: Context) {
  return apiGet(request, [], async () => getCallParticipation((await params).slug));
}
