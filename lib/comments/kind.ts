// Comments as a moderated item kind (lib/moderation/engine.ts): rows of `comments`, whose call is their
// message set's; every comment is moderated; public when published. A reply that becomes public on approval
// queues the email to its parent's author in the same transaction. Refusals are keys of "CommentErrors".
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemKind, LockedItem } from "@/lib/moderation/engine";
import { queueCommentReply } from "@/lib/notifications/events";

export type LockedComment = LockedItem & { setId: string; versionId: string; parentId: string | null };

export const commentKind: ItemKind<LockedComment, void, "commentId"> = {
  itemType: "comment",
  idField: "commentId",
  forumKind: "comment",
  sql: {
    from: Prisma.sql`comments i JOIN message_sets s ON s.id = i."setId"`,
    callId: Prisma.sql`s."callId"`,
    moderatable: Prisma.sql`TRUE`,
    columns: Prisma.sql`i."setId", i."versionId", i."parentId"`,
  },
  update: async (tx, id, data) => {
    await tx.comment.update({ where: { id }, data, select: { id: true } });
  },
  isPublic: async (_tx, item) => item.moderationState === "PUBLISHED",
  afterTransition: async (tx, before, after) => {
    if (before.parentId === null || before.moderationState !== "PENDING" || after.moderationState !== "PUBLISHED") return;
    // Queued in the same transaction: the worker sends it once the change is committed.
    await queueCommentReply(tx, { replyId: before.id });
  },
  errors: {
    notFound: "commentNotFound",
    notModeratable: "commentNotFound", // every comment is moderated: never refused as such
    notPending: "commentNotPending",
    alreadyHidden: "commentAlreadyHidden",
    notHidden: "commentNotHidden",
    approveFirst: "commentApproveFirst",
    alreadyReviewed: "commentAlreadyReviewed",
    noOpenReports: "commentNoOpenReports",
    alreadyReported: "commentAlreadyReported",
    ownItem: "ownComment",
    profileRequired: "commentProfileRequired",
  },
};
