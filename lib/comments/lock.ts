// The comment row under moderation or report, locked until the transaction ends (as lib/moderation/lock.ts
// does for responses): two moderators, or a moderator and the report that crosses the threshold, act one
// after the other, each on the state the other left.
import "server-only";
import { NotFound } from "@/lib/errors";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/db";

export type LockedComment = {
  id: string;
  setId: string;
  versionId: string;
  parentId: string | null;
  authorId: string | null;
  callId: string;
  moderationState: ModerationState;
  hiddenReason: string | null;
  reviewedAt: Date | null;
};

export async function lockComment(tx: DbClient, commentId: string): Promise<LockedComment> {
  const [row] = await tx.$queryRaw<LockedComment[]>`
    SELECT c.id, c."setId", c."versionId", c."parentId", c."authorId", s."callId",
      c."moderationState"::text AS "moderationState", c."hiddenReason", c."reviewedAt"
    FROM comments c JOIN message_sets s ON s.id = c."setId"
    WHERE c.id = ${commentId} FOR UPDATE OF c`;
  if (!row) throw NotFound("commentNotFound");
  return row;
}

export const commentAuditState = (item: Pick<LockedComment, "moderationState" | "hiddenReason">) => ({
  moderationState: item.moderationState,
  hiddenReason: item.hiddenReason,
});
