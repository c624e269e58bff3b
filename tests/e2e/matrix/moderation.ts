// Matrix entries: moderation of responses and comments, reports of both, answers to comments, and posting a
// comment. Moderating and answering are the forum's writers'; reporting and commenting any signed-in person's
// with a profile (every person of the cast has one), on something public that is not their own.
import { db } from "@/lib/db";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import { createCall, createQuestion } from "@/prisma/factories";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import { createModeratedResponse } from "@/prisma/factories-moderation";
import { FORUM_WRITERS, SIGNED_IN, type ActionEntry } from "./entry";

/** A submitted response by a new author (not one of the cast) to an open call of the forum. */
async function responseIn(forumId: string, moderationState: ModerationState) {
  const call = await createCall(db, { forumId });
  const question = await createQuestion(db, { callId: call.id });
  return createModeratedResponse(db, { callId: call.id, questionId: question.id, moderationState });
}

/** A message set open for comment whose call is in the forum (the factory makes its call in a new forum). */
async function commentableSetIn(forumId: string) {
  const made = await createCommentableSet(db);
  await db.call.update({ where: { id: made.call.id }, data: { forumId }, select: { id: true } });
  return made;
}

/** A top-level comment by a new author (not one of the cast) on the first paragraph of such a set. */
async function commentIn(forumId: string, moderationState: ModerationState) {
  const { set, version, paragraphIds } = await commentableSetIn(forumId);
  const comment = await createComment(db, {
    setId: set.id,
    versionId: version.id,
    paragraphId: paragraphIds[0],
    moderationState,
  });
  return { set, comment };
}

export const MODERATION_ACTIONS: Record<string, ActionEntry> = {
  "lib/moderation/actions.ts#moderateResponseAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const response = await responseIn(forumId, "PUBLISHED");
      return { fields: { op: "hide", responseId: response.id, reason: "Contains a private phone number.", tab: "new" } };
    },
  },
  "lib/moderation/actions.ts#moderateResponsesAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId });
      const question = await createQuestion(db, { callId: call.id });
      const pending = () => createModeratedResponse(db, { callId: call.id, questionId: question.id, moderationState: "PENDING" });
      const [first, second] = [await pending(), await pending()];
      return { fields: { op: "approve", callId: call.id, responseIds: [first.id, second.id], tab: "new" } };
    },
  },
  "lib/moderation/actions.ts#reportResponseAction": {
    allowed: SIGNED_IN,
    setup: async ({ forumId }) => {
      const response = await responseIn(forumId, "PUBLISHED");
      return { fields: { responseId: response.id, reason: "SPAM", details: "" } };
    },
  },
  "lib/moderation/actions.ts#moderateCommentAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { comment } = await commentIn(forumId, "PENDING");
      return { fields: { op: "approve", commentId: comment.id, tab: "new" } };
    },
  },
  "lib/moderation/actions.ts#moderateCommentsAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { set, comment } = await commentIn(forumId, "PENDING");
      return { fields: { op: "approve", setId: set.id, commentIds: [comment.id], tab: "new" } };
    },
  },
  "lib/moderation/actions.ts#answerCommentAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { comment } = await commentIn(forumId, "PUBLISHED");
      return {
        fields: {
          commentId: comment.id,
          disposition: "PARTLY_INCORPORATED",
          answer: "The second paragraph now names local responders.",
          reason: "",
          tab: "new",
        },
      };
    },
  },
  "lib/comments/actions.ts#postCommentAction": {
    allowed: SIGNED_IN,
    setup: async ({ forumId }) => {
      const { set, version, paragraphIds } = await commentableSetIn(forumId);
      return {
        fields: {
          versionId: version.id,
          paragraphId: paragraphIds[0]!,
          body: "Local incident responders should be named in this paragraph.",
          language: "en",
          submitKey: crypto.randomUUID(),
          slug: set.slug,
          target: paragraphIds[0]!,
        },
      };
    },
  },
  "lib/comments/actions.ts#reportCommentAction": {
    allowed: SIGNED_IN,
    setup: async ({ forumId }) => {
      const { comment } = await commentIn(forumId, "PUBLISHED");
      return { fields: { commentId: comment.id, reason: "OFFENSIVE", details: "" } };
    },
  },
};
