// A signed-in user with a profile reports a published comment, never their own, once. When the open reports
// that count (the rule of lib/moderation/threshold.ts: established reporters only) reach the call's
// threshold the comment is hidden by the system (an audit entry without an actor), as
// responses are (lib/moderation/report.ts); the comment row is locked, so that happens exactly once.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, Forbidden, Invalid, isUniqueViolation, NotFound, Unauthenticated } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/issues";
import { limitAccount, REPORTS_PER_ACCOUNT } from "@/lib/limits/account";
import { autoHideReason, openReportCounts, reportCountsTowardHide } from "@/lib/moderation/threshold";
import { commentAuditState, lockComment } from "./lock";
import { commentReportSchema } from "./schemas";

export async function reportComment(actor: Pick<SessionUser, "id"> | null, values: Record<string, unknown>, now = new Date()) {
  if (!actor) throw Unauthenticated();
  const parsed = commentReportSchema.safeParse(values);
  if (!parsed.success) {
    throw Invalid("invalid", fieldErrorsOf(parsed.error));
  }
  const input = parsed.data;
  await limitAccount(REPORTS_PER_ACCOUNT, actor.id);
  try {
    return await db.$transaction(async (tx) => {
      const profile = await tx.profile.findUnique({ where: { userId: actor.id }, select: { userId: true } });
      if (!profile) throw Forbidden("commentProfileRequired");
      const item = await lockComment(tx, input.commentId);
      if (item.moderationState !== "PUBLISHED") throw NotFound("commentNotFound");
      if (item.authorId === actor.id) throw Conflict("ownComment");
      const countsTowardHide = await reportCountsTowardHide(tx, actor.id, now);
      const report = await tx.report.create({
        data: {
          commentId: item.id,
          reporterId: actor.id,
          reason: input.reason,
          details: input.details,
          countsTowardHide,
          createdAt: now,
        },
        select: { id: true },
      });
      const [{ open, counting }, call] = await Promise.all([
        openReportCounts(tx, { commentId: item.id }),
        tx.call.findUniqueOrThrow({ where: { id: item.callId }, select: { reportThreshold: true } }),
      ]);
      if (!countsTowardHide || counting < call.reportThreshold) return { id: report.id, hidden: false };
      const hiddenReason = autoHideReason(counting);
      await tx.comment.update({
        where: { id: item.id },
        data: { moderationState: "HIDDEN", hiddenReason, hiddenAt: now, reviewedAt: null },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: null,
        action: "comment.autoHide",
        itemType: "comment",
        itemId: item.id,
        callId: item.callId,
        before: { ...commentAuditState(item), openReports: open - 1, countingReports: counting - 1 },
        after: { moderationState: "HIDDEN", hiddenReason, openReports: open, countingReports: counting },
      });
      return { id: report.id, hidden: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw Conflict("commentAlreadyReported");
    throw error;
  }
}
