// A moderator answers a top-level published comment and gives it a disposition ("you said, we did"). "Not
// incorporated" needs a reason (the schema says so as a field error; a CHECK constraint backs it). A later
// change is allowed and audited with before and after; each queues an email to the comment's author. Only
// someone who may edit the messages of the comment's forum ("messages.edit").
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { forumOf } from "@/lib/auth/forum-of";
import { authorize, authorizeIn } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { Conflict, Invalid } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/issues";
import type { Moderator } from "@/lib/moderation/permissions";
import { queueCommentAnswered } from "@/lib/notifications/events";
import { lockItem } from "@/lib/moderation/engine";
import { checkRevision } from "@/lib/edits/revision";
import { commentKind } from "./kind";
import { answerInputSchema, type AnswerFormValues } from "./schemas";

export async function answerComment(actor: Moderator, values: AnswerFormValues, now = new Date()) {
  authorize(actor, "messages.edit");
  const parsed = answerInputSchema.safeParse(values);
  if (!parsed.success) {
    throw Invalid("invalid", fieldErrorsOf(parsed.error));
  }
  const input = parsed.data;
  const result = await db.$transaction(async (tx) => {
    authorizeIn(actor, "messages.edit", await forumOf(tx, "comment", input.commentId), commentKind.errors.notFound);
    const item = await lockItem(tx, commentKind, input.commentId);
    if (item.parentId !== null) throw Conflict("replyNoDisposition");
    if (item.moderationState !== "PUBLISHED") throw Conflict("answerPublishedOnly");
    const { answeredAt, ...before } = await tx.comment.findUniqueOrThrow({
      where: { id: item.id },
      select: { disposition: true, dispositionReason: true, answer: true, answeredAt: true },
    });
    // Two moderators answering one comment: the answer's time is its revision (0: not answered yet).
    await checkRevision(tx, { type: "comment", id: item.id, revision: answeredAt?.getTime() ?? 0 }, input.revision, () => ({
      disposition: before.disposition ?? "",
      answer: before.answer ?? "",
      reason: before.dispositionReason ?? "",
    }));
    const after = { disposition: input.disposition, dispositionReason: input.reason || null, answer: input.answer || null };
    if (
      before.disposition === after.disposition &&
      before.dispositionReason === after.dispositionReason &&
      before.answer === after.answer
    )
      throw Conflict("answerUnchanged");
    await tx.comment.update({
      where: { id: item.id },
      data: { ...after, answeredById: actor.id, answeredAt: now, reviewedAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: "comment.answer",
      itemType: "comment",
      itemId: item.id,
      callId: item.callId,
      before: before.disposition ? before : null,
      after,
    });
    await queueCommentAnswered(tx, { commentId: item.id });
    return { id: item.id, setId: item.setId, disposition: input.disposition };
  });
  return result;
}
