// GET /api/me/export — everything the platform holds about the signed-in user, as a JSON download.
// Only ever the asker's own data: there is no id to change.
import { exportPersonalData } from "@/lib/accounts/personal-data";
import { contentDisposition } from "@/lib/attachments/http";
import { handleRouteErrors } from "@/lib/http/route-errors";
import { getSessionUser } from "@/lib/auth/session";
import { Unauthenticated } from "@/lib/errors";

export async function GET(request: Request) {
  return handleRouteErrors("exportPersonalData", request, async () => {
    const user = await getSessionUser();
    if (!user) throw Unauthenticated();
    const now = new Date();
    const data = await exportPersonalData(user, now);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": contentDisposition(`igf-personal-data-${now.toISOString().slice(0, 10)}.json`),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
