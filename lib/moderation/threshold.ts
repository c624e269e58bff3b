// When a call's report threshold is lowered, published responses that already have that many open reports
// are hidden as a report crossing the threshold would have hidden them (by the system, with an audit entry).
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { DbClient } from "@/prisma/factories";
import { autoHideReason } from "./report";

export async function hideOverThreshold(tx: DbClient, callId: string, threshold: number, now = new Date()) {
  // Locked in id order, as one statement: the same rows a concurrent report would lock.
  const rows = await tx.$queryRaw<{ id: string; open: number }[]>`
    SELECT r.id, (SELECT count(*)::int FROM reports p WHERE p."responseId" = r.id AND p.status = 'OPEN') AS open
    FROM responses r
    WHERE r."callId" = ${callId} AND r.status = 'SUBMITTED' AND r."moderationState" = 'PUBLISHED'
    ORDER BY r.id FOR UPDATE`;
  const over = rows.filter((row) => row.open >= threshold);
  for (const { id, open } of over) {
    const hiddenReason = autoHideReason(open);
    await tx.response.update({
      where: { id },
      data: { moderationState: "HIDDEN", hiddenReason, hiddenAt: now, reviewedAt: null },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: null, action: "response.autoHide", itemType: "response", itemId: id, callId,
      before: { moderationState: "PUBLISHED", hiddenReason: null, openReports: open },
      after: { moderationState: "HIDDEN", hiddenReason, openReports: open },
    });
  }
  return over.length;
}
