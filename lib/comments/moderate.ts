// What moderators do to one comment: the transitions of the moderation engine (lib/moderation/engine.ts),
// the same as for responses: approve, hide with a reason, restore, mark reviewed, dismiss or uphold its
// reports, each holding the comment row and audited as "comment.<verb>" (or "reports.dismiss").
import "server-only";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import { transition, type Verb } from "@/lib/moderation/engine";
import type { Moderator } from "@/lib/moderation/permissions";
import { commentKind } from "./kind";
import type { CommentHideInput } from "./schemas";

export type CommentModerationResult = { id: string; setId: string; moderationState: ModerationState };

/** One moderator action on one comment; `reason` for hide and uphold. */
export async function moderateComment(
  actor: Moderator,
  verb: Verb,
  { commentId, reason }: { commentId: string; reason?: string },
  now = new Date(),
): Promise<CommentModerationResult> {
  const { item, moderationState } = await transition(commentKind, actor, verb, { id: commentId, reason }, now);
  return { id: item.id, setId: item.setId, moderationState };
}

export const approveComment = (actor: Moderator, commentId: string, now?: Date) =>
  moderateComment(actor, "approve", { commentId }, now);
export const hideComment = (actor: Moderator, input: CommentHideInput, now?: Date) => moderateComment(actor, "hide", input, now);
export const restoreComment = (actor: Moderator, commentId: string, now?: Date) =>
  moderateComment(actor, "restore", { commentId }, now);
export const markCommentReviewed = (actor: Moderator, commentId: string, now?: Date) =>
  moderateComment(actor, "review", { commentId }, now);
export const dismissCommentReports = (actor: Moderator, commentId: string, now?: Date) =>
  moderateComment(actor, "dismiss", { commentId }, now);
export const upholdCommentReports = (actor: Moderator, input: CommentHideInput, now?: Date) =>
  moderateComment(actor, "uphold", input, now);
