// Participation figures of a published call for the open data API: submitted responses (private ones
// included, as counts only) by stakeholder group × UN region, as the public participation page shows them
// (lib/insights/public-figures.ts): a suppressed count is null, meaning "1 to 4".
import "server-only";
import { db } from "@/lib/db";
import { publicParticipationOf } from "@/lib/insights/public-figures";
import { SMALL_CELL } from "@/lib/insights/suppression";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { publishedCall } from "@/lib/responses/public";
import { notFound } from "./errors";
import type { ApiResult } from "./http";

export async function getCallParticipation(slug: string, now = new Date()): Promise<ApiResult> {
  const call = await db.call.findFirst({ where: { slug, ...publishedCall(now) }, select: { id: true, slug: true } });
  if (!call) throw notFound("call");
  const [figures, lastSubmission] = await Promise.all([
    publicParticipationOf(call.id),
    db.response.aggregate({ where: { callId: call.id }, _max: { updatedAt: true } }),
  ]);
  const { table } = figures;
  return {
    body: {
      call: call.slug,
      groups: STAKEHOLDER_GROUPS,
      regions: UN_REGIONS,
      cells: table.cells,
      groupTotals: table.rowTotals,
      regionTotals: table.columnTotals,
      total: table.total,
      groupsNotHeard: figures.groupsNotHeard,
      regionsNotHeard: figures.regionsNotHeard,
      suppression: {
        threshold: SMALL_CELL,
        note: `A null count means 1 to ${SMALL_CELL - 1} responses, withheld (with a second cell or total where the others would give it away) so that no respondent can be singled out.`,
      },
    },
    lastModified: lastSubmission._max.updatedAt,
  };
}
