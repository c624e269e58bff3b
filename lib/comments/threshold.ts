// When a call's report threshold is lowered, published comments on its message sets that already have that
// many counted open reports are hidden, as the report crossing the threshold would have hidden them (by the
// system, with an audit entry), alongside lib/moderation/threshold.ts for responses, whose rule for which
// reports count applies here too.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { autoHideReason } from "@/lib/moderation/threshold";
import type { DbClient } from "@/lib/db";

export async function hideCommentsOverThreshold(tx: DbClient, callId: string, threshold: number, now = new Date()) {
  const rows = await tx.$queryRaw<{ id: string; open: number; counting: number }[]>`
    SELECT c.id,
      (SELECT count(*)::int FROM reports p WHERE p."commentId" = c.id AND p.status = 'OPEN') AS open,
      (SELECT count(*)::int FROM reports p WHERE p."commentId" = c.id AND p.status = 'OPEN' AND p."countsTowardHide") AS counting
    FROM comments c JOIN message_sets s ON s.id = c."setId"
    WHERE s."callId" = ${callId} AND c."moderationState" = 'PUBLISHED'
    ORDER BY c.id FOR UPDATE OF c`;
  const over = rows.filter((row) => row.counting >= threshold);
  for (const { id, open, counting } of over) {
    const hiddenReason = autoHideReason(counting);
    await tx.comment.update({
      where: { id },
      data: { moderationState: "HIDDEN", hiddenReason, hiddenAt: now, reviewedAt: null },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: null,
      action: "comment.autoHide",
      itemType: "comment",
      itemId: id,
      callId,
      before: { moderationState: "PUBLISHED", hiddenReason: null, openReports: open, countingReports: counting },
      after: { moderationState: "HIDDEN", hiddenReason, openReports: open, countingReports: counting },
    });
  }
  return over.length;
}
