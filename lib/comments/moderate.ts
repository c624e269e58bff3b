// What moderators do to one comment: the transitions of the moderation engine (lib/moderation/engine.ts),
// the same as for responses: approve, hide with a reason, restore, mark reviewed, dismiss or uphold its
// reports, each holding the comment row and audited as "comment.<verb>" (or "reports.dismiss").
import "server-only";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import { moderationCommands } from "@/lib/moderation/engine";
import { commentKind } from "./kind";

export type CommentModerationResult = { id: string; setId: string; moderationState: ModerationState };

const commentModeration = moderationCommands(commentKind, ({ item, moderationState }): CommentModerationResult => ({
  id: item.id,
  setId: item.setId,
  moderationState,
}));

export const { approve: approveComment, hide: hideComment, restore: restoreComment } = commentModeration;
export const { review: markCommentReviewed, dismiss: dismissCommentReports, uphold: upholdCommentReports } = commentModeration;
