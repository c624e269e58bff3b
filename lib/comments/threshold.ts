// When a call's report threshold is lowered, published comments on its message sets that already have that
// many open reports are hidden, as the report crossing the threshold would have hidden them (by the system,
// with an audit entry), alongside lib/moderation/threshold.ts for responses.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { autoHideReason } from "@/lib/moderation/report";
import type { DbClient } from "@/prisma/factories";

export async function hideCommentsOverThreshold(tx: DbClient, callId: string, threshold: number, now = new Date()) {
  const rows = await tx.$queryRaw<{ id: string; open: number }[]>`
    SELECT c.id, (SELECT count(*)::int FROM reports p WHERE p."commentId" = c.id AND p.status = 'OPEN') AS open
    FROM comments c JOIN message_sets s ON s.id = c."setId"
    WHERE s."callId" = ${callId} AND c."moderationState" = 'PUBLISHED'
    ORDER BY c.id FOR UPDATE OF c`;
  const over = rows.filter((row) => row.open >= threshold);
  for (const { id, open } of over) {
    const hiddenReason = autoHideReason(open);
    await tx.comment.update({
      where: { id },
      data: { moderationState: "HIDDEN", hiddenReason, hiddenAt: now, reviewedAt: null },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: null, action: "comment.autoHide", itemType: "comment", itemId: id, callId,
      before: { moderationState: "PUBLISHED", hiddenReason: null, openReports: open },
      after: { moderationState: "HIDDEN", hiddenReason, openReports: open },
    });
  }
  return over.length;
}
