// GET /api/moderation/calls/<id>/export/<dataset>.<csv|json> — a call's responses, excerpts or message sets
// with citations, for the facilitators of the call's forum and administrators (lib/exports). 401 signed out,
// 403 without the right to export (a stakeholder, the forum's observer), 404 unknown call or dataset or a
// call of a forum the person has no part in, 400 unknown format.
import { getSessionUser } from "@/lib/auth/session";
import { openModeratorExport } from "@/lib/exports/exports";
import { exportResponse } from "@/lib/exports/http";
import { handleRouteErrors } from "@/lib/http/route-errors";

type Context = { params: Promise<{ id: string; file: string }> };

export async function GET(request: Request, { params }: Context) {
  return handleRouteErrors("moderatorExport", request, async () => {
    const { id, file } = await params;
    return exportResponse(await openModeratorExport(await getSessionUser(), id, file), { personal: true });
  });
}
