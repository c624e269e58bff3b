// GET /api/calls/<slug>/export/<responses|message-sets>.<csv|json> — the published responses or the
// published message sets of a published call, for anyone (lib/exports). 404 unknown or unpublished call or
// dataset, 400 unknown format.
import { openPublicExport } from "@/lib/exports/exports";
import { exportResponse } from "@/lib/exports/http";
import { defineRoute } from "@/lib/http/route";

export const GET = defineRoute<"none", { slug: string; file: string }>(
  { name: "publicExport", auth: "none" },
  async ({ params }) => exportResponse(await openPublicExport(params.slug, params.file), { personal: false }),
);
