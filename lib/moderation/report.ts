// A signed-in user reports a response the public can see. One report per user per response; when the open
// reports that count (lib/moderation/threshold.ts: established reporters only) reach the call's threshold
// the response is hidden until a moderator reviews it, by the system (an audit entry without an actor).
// The response row is locked, so the report that crosses the threshold hides it exactly once, however
// many arrive at the same moment.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, Forbidden, isUniqueViolation, NotFound } from "@/lib/errors";
import { limitAccount, REPORTS_PER_ACCOUNT } from "@/lib/limits/account";
import { publishedResponse } from "@/lib/responses/public";
import { auditState, lockResponse } from "./lock";
import type { ReportInput } from "./schemas";
import { autoHideReason, openReportCounts, reportCountsTowardHide } from "./threshold";

export { autoHideReason } from "./threshold";

export type ReportResult = { id: string; hidden: boolean };

export async function reportResponse(
  actor: Pick<SessionUser, "id">,
  input: ReportInput,
  now = new Date(),
): Promise<ReportResult> {
  await limitAccount(REPORTS_PER_ACCOUNT, actor.id);
  try {
    return await db.$transaction(async (tx) => {
      const profile = await tx.profile.findUnique({ where: { userId: actor.id }, select: { userId: true } });
      if (!profile) throw Forbidden("profileRequired");
      const item = await lockResponse(tx, input.responseId);
      const visible = await tx.response.count({ where: { id: item.id, ...publishedResponse(now) } });
      if (!visible) throw NotFound();
      if (item.authorId === actor.id) throw Conflict("ownResponse");
      const earlier = await tx.report.findUnique({
        where: { responseId_reporterId: { responseId: item.id, reporterId: actor.id } },
        select: { id: true },
      });
      if (earlier) throw Conflict("alreadyReported");
      const countsTowardHide = await reportCountsTowardHide(tx, actor.id, now);
      const report = await tx.report.create({
        data: {
          responseId: item.id,
          reporterId: actor.id,
          reason: input.reason,
          details: input.details,
          countsTowardHide,
          createdAt: now,
        },
        select: { id: true },
      });
      const [{ open, counting }, call] = await Promise.all([
        openReportCounts(tx, { responseId: item.id }),
        tx.call.findUniqueOrThrow({ where: { id: item.callId }, select: { reportThreshold: true } }),
      ]);
      if (!countsTowardHide || counting < call.reportThreshold) return { id: report.id, hidden: false };
      const hiddenReason = autoHideReason(counting);
      await tx.response.update({
        where: { id: item.id },
        data: { moderationState: "HIDDEN", hiddenReason, hiddenAt: now, reviewedAt: null },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: null,
        action: "response.autoHide",
        itemType: "response",
        itemId: item.id,
        callId: item.callId,
        before: { ...auditState(item), openReports: open - 1, countingReports: counting - 1 },
        after: { moderationState: "HIDDEN", hiddenReason, openReports: open, countingReports: counting },
      });
      return { id: report.id, hidden: true };
    });
  } catch (error) {
    // Two reports by the same user at once: the second insert meets the unique key.
    if (isUniqueViolation(error)) throw Conflict("alreadyReported");
    throw error;
  }
}
