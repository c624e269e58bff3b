// Which reports count toward the automatic hide: one rule for every moderated item, applied by the
// moderation engine (lib/moderation/engine.ts) to each report and when a call's threshold is lowered.
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
