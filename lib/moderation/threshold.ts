// Which reports count toward the automatic hide, and what happens when a call's report threshold is
// lowered. Shared by responses (lib/moderation/report.ts) and comments (lib/comments/report.ts,
// lib/comments/threshold.ts): one rule for both.
//
// THE RULE. Accounts are free, so reports from new or unproven accounts cannot hide content on their own.
// A report counts toward the automatic hide only when, at the moment it is made, the reporter
//   1. has had their account for at least 24 hours (users.createdAt ≤ report time − 24 h), and
//   2. has taken part before: at least one response of theirs is submitted and published (status
//      SUBMITTED, moderationState PUBLISHED, submitted before the report; a withdrawn, pending or hidden
//      one does not count), or at least one comment of theirs is published (moderationState PUBLISHED,
//      made before the report).
// The outcome is stored with the report (reports.countsTowardHide) and never re-decided, so what a
// moderator sees is what weighed. Every other report is still recorded, appears in the "reported" tab
// and notifies moderators; it just does not bring the response or comment closer to the automatic hide.
// Lowering a call's threshold re-evaluates with the same weighting (only counted open reports).
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { DbClient } from "@/lib/db";

/** How old a reporter's account must be for the report to count toward the automatic hide (24 hours). */
export const REPORTER_MIN_ACCOUNT_AGE_MS = 24 * 60 * 60 * 1000;

export const autoHideReason = (count: number) => `Hidden automatically after ${count} reports, until a moderator reviews it.`;

/** Whether a report made now by `reporterId` counts toward the automatic hide (see THE RULE above). */
export async function reportCountsTowardHide(tx: DbClient, reporterId: string, now: Date): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: reporterId }, select: { createdAt: true } });
  if (!user || user.createdAt.getTime() > now.getTime() - REPORTER_MIN_ACCOUNT_AGE_MS) return false;
  const [responses, comments] = await Promise.all([
    tx.response.count({
      where: { authorId: reporterId, status: "SUBMITTED", moderationState: "PUBLISHED", submittedAt: { lte: now } },
      take: 1,
    }),
    tx.comment.count({ where: { authorId: reporterId, moderationState: "PUBLISHED", createdAt: { lte: now } }, take: 1 }),
  ]);
  return responses + comments > 0;
}

/** The open reports of one response or comment: all of them, and those that count toward the hide. */
export async function openReportCounts(tx: DbClient, item: { responseId: string } | { commentId: string }) {
  const [open, counting] = await Promise.all([
    tx.report.count({ where: { ...item, status: "OPEN" } }),
    tx.report.count({ where: { ...item, status: "OPEN", countsTowardHide: true } }),
  ]);
  return { open, counting };
}

/**
 * When a call's report threshold is lowered, published responses that already have that many counted open
 * reports are hidden as a report crossing the threshold would have hidden them (by the system, audited).
 */
export async function hideOverThreshold(tx: DbClient, callId: string, threshold: number, now = new Date()) {
  // Locked in id order, as one statement: the same rows a concurrent report would lock.
  const rows = await tx.$queryRaw<{ id: string; open: number; counting: number }[]>`
    SELECT r.id,
      (SELECT count(*)::int FROM reports p WHERE p."responseId" = r.id AND p.status = 'OPEN') AS open,
      (SELECT count(*)::int FROM reports p WHERE p."responseId" = r.id AND p.status = 'OPEN' AND p."countsTowardHide") AS counting
    FROM responses r
    WHERE r."callId" = ${callId} AND r.status = 'SUBMITTED' AND r."moderationState" = 'PUBLISHED'
    ORDER BY r.id FOR UPDATE`;
  const over = rows.filter((row) => row.counting >= threshold);
  for (const { id, open, counting } of over) {
    const hiddenReason = autoHideReason(counting);
    await tx.response.update({
      where: { id },
      data: { moderationState: "HIDDEN", hiddenReason, hiddenAt: now, reviewedAt: null },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: null,
      action: "response.autoHide",
      itemType: "response",
      itemId: id,
      callId,
      before: { moderationState: "PUBLISHED", hiddenReason: null, openReports: open, countingReports: counting },
      after: { moderationState: "HIDDEN", hiddenReason, openReports: open, countingReports: counting },
    });
  }
  return over.length;
}
