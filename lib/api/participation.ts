// Participation figures of a published call for the open data API: submitted responses (private ones
// included, as counts only) by stakeholder group × UN region, with small-cell suppression
// (lib/insights/suppression.ts): a suppressed count is null, meaning "1 to 4".
import "server-only";
import { db } from "@/lib/db";
import { SMALL_CELL, suppressSmallCells } from "@/lib/insights/suppression";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { getParticipation, publishedCall } from "@/lib/responses/public";
import { notFound } from "./errors";
import type { ApiResult } from "./http";

export async function getCallParticipation(slug: string, now = new Date()): Promise<ApiResult> {
  const call = await db.call.findFirst({ where: { slug, ...publishedCall(now) }, select: { id: true, slug: true } });
  if (!call) throw notFound("call");
  const [participation, lastSubmission] = await Promise.all([
    getParticipation(call.id),
    db.response.aggregate({ where: { callId: call.id }, _max: { updatedAt: true } }),
  ]);
  const table = suppressSmallCells(STAKEHOLDER_GROUPS, UN_REGIONS, participation.cells);
  return {
    body: {
      call: call.slug,
      groups: STAKEHOLDER_GROUPS,
      regions: UN_REGIONS,
      cells: table.cells,
      groupTotals: table.rowTotals,
      regionTotals: table.columnTotals,
      total: table.total,
      groupsNotHeard: participation.groupsNotHeard,
      regionsNotHeard: participation.regionsNotHeard,
      suppression: {
        threshold: SMALL_CELL,
        note: `A null count means 1 to ${SMALL_CELL - 1} responses, withheld (with a second cell or total where the others would give it away) so that no respondent can be singled out.`,
      },
    },
    lastModified: lastSubmission._max.updatedAt,
  };
}
