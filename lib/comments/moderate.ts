// What moderators do to one comment, with the rules and audit naming of responses (lib/moderation/moderate.ts):
// approve, hide with a reason, restore, mark reviewed, dismiss or uphold its reports. Each runs in one
// transaction holding the comment row, refuses a transition from the wrong state (Conflict), and writes
// "comment.<verb>" (or "reports.dismiss") with the moderation fields before and after. A reply that becomes
// public on approval queues the email to its parent's author in the same transaction.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import { requireModerator, type Moderator } from "@/lib/moderation/permissions";
import { queueCommentReply } from "@/lib/notifications/events";
import type { DbClient } from "@/lib/db";
import { commentAuditState, lockComment, type LockedComment } from "./lock";
import type { CommentHideInput } from "./schemas";

export type CommentModerationResult = { id: string; setId: string; moderationState: ModerationState };

type Change = {
  action: string;
  check: (item: LockedComment, openReports: number, tx: DbClient) => Promise<void> | void;
  data: (item: LockedComment) => { moderationState: ModerationState; hiddenReason: string | null; hiddenAt?: Date | null };
  reports?: "UPHELD" | "DISMISSED";
};

async function moderate(actor: Moderator, commentId: string, change: Change, now: Date): Promise<CommentModerationResult> {
  requireModerator(actor);
  const result = await db.$transaction(async (tx) => {
    const item = await lockComment(tx, commentId);
    const openReports = await tx.report.count({ where: { commentId, status: "OPEN" } });
    await change.check(item, openReports, tx);
    const updated = await tx.comment.update({
      where: { id: commentId },
      data: { ...change.data(item), reviewedAt: now },
      select: { id: true, setId: true, parentId: true, moderationState: true, hiddenReason: true },
    });
    let resolved = 0;
    if (change.reports && openReports > 0) {
      resolved = (
        await tx.report.updateMany({
          where: { commentId, status: "OPEN" },
          data: { status: change.reports, resolvedAt: now, resolvedById: actor.id },
        })
      ).count;
    }
    await recordAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: change.action,
      itemType: "comment",
      itemId: commentId,
      callId: item.callId,
      before: { ...commentAuditState(item), reviewed: item.reviewedAt !== null, openReports },
      after: { ...commentAuditState(updated), reviewed: true, openReports: openReports - resolved },
    });
    const replyPublished =
      updated.parentId !== null && item.moderationState === "PENDING" && updated.moderationState === "PUBLISHED";
    if (replyPublished) await queueCommentReply(tx, { replyId: updated.id });
    return { id: updated.id, setId: updated.setId, moderationState: updated.moderationState, replyPublished };
  });
  return { id: result.id, setId: result.setId, moderationState: result.moderationState };
}

const keep = (item: LockedComment) => ({ moderationState: item.moderationState, hiddenReason: item.hiddenReason });
const published = () => ({ moderationState: "PUBLISHED" as const, hiddenReason: null, hiddenAt: null });
const hidden = (reason: string, now: Date) => ({ moderationState: "HIDDEN" as const, hiddenReason: reason, hiddenAt: now });

export function approveComment(actor: Moderator, commentId: string, now = new Date()) {
  return moderate(
    actor,
    commentId,
    {
      action: "comment.approve",
      check: (item) => {
        if (item.moderationState !== "PENDING") throw Conflict("commentNotPending");
      },
      data: published,
      reports: "DISMISSED",
    },
    now,
  );
}

export function hideComment(actor: Moderator, { commentId, reason }: CommentHideInput, now = new Date()) {
  return moderate(
    actor,
    commentId,
    {
      action: "comment.hide",
      check: (item) => {
        if (item.moderationState === "HIDDEN") throw Conflict("commentAlreadyHidden");
      },
      data: () => hidden(reason, now),
      reports: "UPHELD",
    },
    now,
  );
}

export function restoreComment(actor: Moderator, commentId: string, now = new Date()) {
  return moderate(
    actor,
    commentId,
    {
      action: "comment.restore",
      check: (item) => {
        if (item.moderationState !== "HIDDEN") throw Conflict("commentNotHidden");
      },
      data: published,
      reports: "DISMISSED",
    },
    now,
  );
}

export function markCommentReviewed(actor: Moderator, commentId: string, now = new Date()) {
  return moderate(
    actor,
    commentId,
    {
      action: "comment.review",
      check: (item) => {
        if (item.moderationState === "PENDING") throw Conflict("commentApproveFirst");
        if (item.reviewedAt !== null) throw Conflict("commentAlreadyReviewed");
      },
      data: keep,
    },
    now,
  );
}

async function hiddenAutomatically(tx: DbClient, commentId: string) {
  const last = await tx.auditEntry.findFirst({
    where: { itemType: "comment", itemId: commentId, action: { in: ["comment.hide", "comment.autoHide", "comment.uphold"] } },
    orderBy: { id: "desc" },
    select: { actorId: true },
  });
  return last !== null && last.actorId === null;
}

/** Unfounded reports: dismissed; a comment the reports hid automatically is public again. */
export function dismissCommentReports(actor: Moderator, commentId: string, now = new Date()) {
  let restore = false;
  return moderate(
    actor,
    commentId,
    {
      action: "reports.dismiss",
      check: async (item, openReports, tx) => {
        if (openReports === 0) throw Conflict("commentNoOpenReports");
        restore = item.moderationState === "HIDDEN" && (await hiddenAutomatically(tx, commentId));
      },
      data: (item) => (restore ? published() : keep(item)),
      reports: "DISMISSED",
    },
    now,
  );
}

/** The reports were right: the comment is (or stays) hidden, with the moderator's reason. */
export function upholdCommentReports(actor: Moderator, { commentId, reason }: CommentHideInput, now = new Date()) {
  return moderate(
    actor,
    commentId,
    {
      action: "comment.uphold",
      check: (_item, openReports) => {
        if (openReports === 0) throw Conflict("commentNoOpenReports");
      },
      data: () => hidden(reason, now),
      reports: "UPHELD",
    },
    now,
  );
}
