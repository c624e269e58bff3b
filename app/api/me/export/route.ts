// GET /api/me/export — everything the platform holds about the signed-in user, as a JSON download.
// Only ever the asker's own data: there is no id to change.
import { exportPersonalData } from "@/lib/accounts/personal-data";
import { contentDisposition } from "@/lib/attachments/http";
import { defineRoute } from "@/lib/http/route";

export const GET = defineRoute({ name: "exportPersonalData", auth: "signedIn" }, async ({ actor }) => {
  const now = new Date();
  const data = await exportPersonalData(actor, now);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition(`igf-personal-data-${now.toISOString().slice(0, 10)}.json`),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
