// GET /api/calls/<slug>/export/<responses|message-sets>.<csv|json> — the published responses or the
// published message sets of a published call, for anyone (lib/exports). 404 unknown or unpublished call or
// dataset, 400 unknown format.
import { openPublicExport } from "@/lib/exports/exports";
import { exportResponse } from "@/lib/exports/http";
import { handleRouteErrors } from "@/lib/http/route-errors";

type Context = { params: Promise<{ slug: string; file: string }> };

export async function GET(request: Request, { params }: Context) {
  return handleRouteErrors("publicExport", request, async () => {
    const { slug, file } = await params;
    return exportResponse(await openPublicExport(slug, file), { personal: false });
  });
}
