// A signed-in stakeholder comments on a paragraph of the latest published version of a message set (or on
// the set as a whole), or replies to a published top-level comment. The server's clock decides whether the
// comment period is open, whatever the page showed. The commenter's group and region are copied from their
// profile. Under a pre-moderated call the comment waits for a moderator; otherwise it is public at once,
// and a published reply queues an email to the parent's author in the same transaction.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Closed, Conflict, Forbidden, Invalid, isUniqueViolation, NotFound, Unauthenticated } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/issues";
import { COMMENTS_PER_ACCOUNT, limitAccount } from "@/lib/limits/account";
import { versionContentSchema } from "@/lib/messages/content";
import { commentPeriodState } from "@/lib/messages/period";
import { queueCommentReply } from "@/lib/notifications/events";
import type { DbClient } from "@/lib/db";
import { COMMENT_LIMITS, commentInputSchema, type CommentFormValues } from "./schemas";

const HOUR = 60 * 60 * 1000;

export type PostedComment = { id: string; moderationState: "PENDING" | "PUBLISHED" | "HIDDEN"; duplicate: boolean };

const byKey = (client: DbClient, authorId: string, submitKey: string) =>
  client.comment.findUnique({
    where: { authorId_submitKey: { authorId, submitKey } },
    select: { id: true, moderationState: true },
  });

/** Refuses a version that is not open for comment now; the key carries the time it names. */
export function checkOpen(
  version: { commentOpensAt: Date | null; commentClosesAt: Date | null; finalisedAt: Date | null },
  setStatus: string,
  now: Date,
) {
  if (setStatus === "FINAL" || version.finalisedAt) throw Closed("commentsFinal");
  const state = commentPeriodState(version, now);
  if (state === "none") throw Closed("commentsNone");
  if (state === "upcoming") throw Closed("commentsUpcoming", { time: version.commentOpensAt! });
  if (state === "closed") throw Closed("commentsClosed", { time: version.commentClosesAt! });
}

export async function postComment(
  actor: Pick<SessionUser, "id"> | null,
  values: CommentFormValues,
  now = new Date(),
): Promise<PostedComment> {
  if (!actor) throw Unauthenticated();
  const parsed = commentInputSchema.safeParse(values);
  if (!parsed.success) {
    throw Invalid("invalid", fieldErrorsOf(parsed.error));
  }
  const input = parsed.data;
  const earlier = await byKey(db, actor.id, input.submitKey);
  if (earlier) return { ...earlier, duplicate: true };
  // All sets together (lib/limits); the exact per-set hourly limit is counted below, from the comments.
  await limitAccount(COMMENTS_PER_ACCOUNT, actor.id);
  try {
    const posted = await db.$transaction(async (tx) => {
      const profile = await tx.profile.findUnique({
        where: { userId: actor.id },
        select: { stakeholderGroup: true, region: true },
      });
      if (!profile) throw Forbidden("commentProfileRequired");
      // Shared lock: a version cannot be finalised or superseded while a comment on it is being checked.
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM message_set_versions WHERE id = ${input.versionId} FOR SHARE`;
      if (!locked) throw NotFound("versionNotFound");
      const version = await tx.messageSetVersion.findUniqueOrThrow({
        where: { id: input.versionId },
        select: {
          id: true,
          setId: true,
          number: true,
          publishedAt: true,
          content: true,
          commentOpensAt: true,
          commentClosesAt: true,
          finalisedAt: true,
          set: { select: { status: true, call: { select: { moderationMode: true } } } },
        },
      });
      if (!version.publishedAt || version.set.status === "DRAFT") throw NotFound("versionNotFound");
      const latest = await tx.messageSetVersion.aggregate({
        where: { setId: version.setId, publishedAt: { not: null } },
        _max: { number: true },
      });
      if (latest._max.number !== version.number) throw Conflict("notLatestVersion");
      checkOpen(version, version.set.status, now);

      let paragraphId = input.paragraphId;
      if (input.parentId) {
        const parent = await tx.comment.findUnique({
          where: { id: input.parentId },
          select: { setId: true, versionId: true, parentId: true, paragraphId: true, moderationState: true },
        });
        if (!parent || parent.setId !== version.setId || parent.versionId !== version.id || parent.parentId !== null)
          throw NotFound("parentNotFound");
        if (parent.moderationState !== "PUBLISHED") throw Conflict("parentNotPublished");
        // A reply belongs to its parent's paragraph, whatever the form said.
        paragraphId = parent.paragraphId;
      } else if (paragraphId !== null) {
        const content = versionContentSchema.parse(version.content);
        if (!content.some((s) => s.paragraphs.some((p) => p.paragraphId === paragraphId)))
          throw NotFound("paragraphNotInVersion");
      }

      const recent = await tx.comment.count({
        where: { authorId: actor.id, setId: version.setId, createdAt: { gt: new Date(now.getTime() - HOUR) } },
      });
      if (recent >= COMMENT_LIMITS.perSetPerHour) throw Conflict("tooManyComments", { max: COMMENT_LIMITS.perSetPerHour });

      const moderationState = version.set.call.moderationMode === "PRE" ? "PENDING" : "PUBLISHED";
      const comment = await tx.comment.create({
        data: {
          setId: version.setId,
          versionId: version.id,
          paragraphId,
          parentId: input.parentId ?? null,
          authorId: actor.id,
          body: input.body,
          language: input.language,
          anonymous: input.anonymous,
          stakeholderGroup: profile.stakeholderGroup,
          region: profile.region,
          moderationState,
          submitKey: input.submitKey,
          createdAt: now,
        },
        select: { id: true, moderationState: true, parentId: true },
      });
      if (comment.parentId && comment.moderationState === "PUBLISHED") await queueCommentReply(tx, { replyId: comment.id });
      return comment;
    });
    return { id: posted.id, moderationState: posted.moderationState, duplicate: false };
  } catch (error) {
    // The same form sent twice at once: the second insert meets the unique key; answer with the first.
    if (isUniqueViolation(error)) {
      const first = await byKey(db, actor.id, input.submitKey);
      if (first) return { ...first, duplicate: true };
    }
    throw error;
  }
}
