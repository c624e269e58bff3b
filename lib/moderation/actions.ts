"use server";
// The moderation forms of responses (the call's queue) and of comments (a message set's comments page). Each
// is made by defineAction (lib/actions.ts): a moderator, the shared schema, the domain function (which checks
// the role again and the state it finds under a row lock); on success it goes back to the tab it came from
// with the outcome in the address, so it also works, and shows the result, as a plain form post.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { defineAction } from "@/lib/actions";
import type { SessionUser } from "@/lib/auth/session";
import { answerComment } from "@/lib/comments/answer";
import {
  approveComment,
  dismissCommentReports,
  hideComment,
  markCommentReviewed,
  restoreComment,
  upholdCommentReports,
} from "@/lib/comments/moderate";
import { answerInputSchema, commentHideSchema, commentIdSchema, commentTabSchema } from "@/lib/comments/schemas";
import {
  approveResponse,
  dismissReports,
  hideResponse,
  markReviewed,
  restoreResponse,
  upholdReports,
  type ModerationResult,
} from "./moderate";
import { reportResponse } from "./report";
import { hideInputSchema, queueQuerySchema, reportInputSchema, responseIdSchema } from "./schemas";

type Op = "approve" | "hide" | "restore" | "review" | "dismiss" | "uphold" | "answer";

/** A response's moderation: back to the queue tab, with the outcome and the receipt number. */
function responseAction<S extends z.ZodType>(
  op: Op,
  schema: S,
  run: (actor: SessionUser, input: z.output<S>) => Promise<ModerationResult>,
) {
  return defineAction({
    name: `moderation.${op}`,
    auth: "MODERATOR",
    schema,
    run: async (input, { actor, values }): Promise<null> => {
      const { callId, reference } = await run(actor, input);
      revalidatePath("/", "layout");
      const { tab } = queueQuerySchema.parse({ tab: values.tab });
      const query = new URLSearchParams({ tab, done: op, ref: reference ?? "" });
      redirect(`/moderation/calls/${encodeURIComponent(callId)}/queue?${query}`);
    },
  });
}

/** A comment's moderation: back to the comments tab, with the outcome. */
function commentAction<S extends z.ZodType>(
  op: Op,
  schema: S,
  run: (actor: SessionUser, input: z.output<S>) => Promise<{ setId: string }>,
) {
  return defineAction({
    name: `comments.${op}`,
    auth: "MODERATOR",
    schema,
    run: async (input, { actor, values }): Promise<null> => {
      const { setId } = await run(actor, input);
      revalidatePath("/", "layout");
      const tab = commentTabSchema.parse(values.tab);
      redirect(`/moderation/messages/${encodeURIComponent(setId)}/comments?tab=${tab}&done=${op}`);
    },
  });
}

export const approveAction = responseAction("approve", responseIdSchema, (actor, input) =>
  approveResponse(actor, input.responseId),
);
export const restoreAction = responseAction("restore", responseIdSchema, (actor, input) =>
  restoreResponse(actor, input.responseId),
);
export const reviewAction = responseAction("review", responseIdSchema, (actor, input) => markReviewed(actor, input.responseId));
export const dismissReportsAction = responseAction("dismiss", responseIdSchema, (actor, input) =>
  dismissReports(actor, input.responseId),
);
export const hideAction = responseAction("hide", hideInputSchema, hideResponse);
export const upholdReportsAction = responseAction("uphold", hideInputSchema, upholdReports);

export const approveCommentAction = commentAction("approve", commentIdSchema, (actor, input) =>
  approveComment(actor, input.commentId),
);
export const restoreCommentAction = commentAction("restore", commentIdSchema, (actor, input) =>
  restoreComment(actor, input.commentId),
);
export const reviewCommentAction = commentAction("review", commentIdSchema, (actor, input) =>
  markCommentReviewed(actor, input.commentId),
);
export const dismissCommentReportsAction = commentAction("dismiss", commentIdSchema, (actor, input) =>
  dismissCommentReports(actor, input.commentId),
);
export const hideCommentAction = commentAction("hide", commentHideSchema, hideComment);
export const upholdCommentReportsAction = commentAction("uphold", commentHideSchema, upholdCommentReports);
export const answerCommentAction = commentAction("answer", answerInputSchema, answerComment);

/** Any signed-in user reports a published response; the domain function says who may and how often. */
export const reportResponseAction = defineAction({
  name: "moderation.report",
  auth: "STAKEHOLDER",
  schema: reportInputSchema,
  // No revalidation: every page is rendered on request, and refreshing this one would replace the reporter's
  // thank-you with a 404 when their report was the one that hid the response.
  run: async (input, { actor }) => {
    await reportResponse(actor, input);
    return null;
  },
});
