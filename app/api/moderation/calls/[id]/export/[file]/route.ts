// GET /api/moderation/calls/<id>/export/<dataset>.<csv|json> — a call's responses, excerpts or message sets
// with citations, for the facilitators of the call's forum and administrators (lib/exports). 401 signed out,
// 403 without the right to export (a stakeholder, the forum's observer), 404 unknown call or dataset or a
// call of a forum the person has no part in, 400 unknown format.
import { openModeratorExport } from "@/lib/exports/exports";
import { exportResponse } from "@/lib/exports/http";
import { defineRoute } from "@/lib/http/route";

export const GET = defineRoute<"exports.download", { id: string; file: string }>(
  { name: "moderatorExport", auth: "exports.download" },
  async ({ actor, params }) => exportResponse(await openModeratorExport(actor, params.id, params.file), { personal: true }),
);
