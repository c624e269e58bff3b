// What moderators do to one comment: the transitions of the moderation engine (lib/moderation/engine.ts),
// the same as for responses: approve, hide with a reason, restore, mark reviewed, dismiss or uphold its
// reports, each holding the comment row and audited as "comment.<verb>" (or "reports.dismiss").
import "server-only";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import { moderationCommands, transitionMany } from "@/lib/moderation/engine";
import type { Moderator } from "@/lib/moderation/permissions";
import type { BulkCommentModerationInput } from "@/lib/moderation/schemas";
import { commentKind } from "./kind";

export type CommentModerationResult = { id: string; setId: string; moderationState: ModerationState };

const commentModeration = moderationCommands(commentKind, ({ item, moderationState }): CommentModerationResult => ({
  id: item.id,
  setId: item.setId,
  moderationState,
}));

export const { approve: approveComment, hide: hideComment, restore: restoreComment } = commentModeration;
export const { review: markCommentReviewed, dismiss: dismissCommentReports, uphold: upholdCommentReports } = commentModeration;

/**
 * The comments page's bulk action: approve, mark reviewed, hide (one reason for all) or restore the ticked
 * comments of one message set, in one transaction, audited per comment (the engine's transitionMany, as for
 * responses). A comment of another set is refused as unknown; one another moderator already moved is skipped.
 * Gives back how many were done and skipped.
 */
export async function moderateComments(actor: Moderator, input: BulkCommentModerationInput, now?: Date) {
  const others = await db.comment.count({ where: { id: { in: input.commentIds }, setId: { not: input.setId } } });
  if (others > 0) throw NotFound(commentKind.errors.notFound);
  const reason = input.op === "hide" ? input.reason : "";
  const { done, skipped } = await transitionMany(commentKind, actor, input.op, { ids: input.commentIds, reason }, now);
  return { done: done.length, skipped: skipped.length };
}
