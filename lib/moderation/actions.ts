"use server";
// The moderation forms of every item kind: one action per queue, the transition named by the form's "op"
// (lib/moderation/engine.ts VERBS), made by defineAction (lib/actions.ts): a moderator, the shared schema (a
// reason for hide and uphold), the domain function, which checks the role again and the state it finds under a
// row lock. On success it goes back to the tab it came from with the outcome in the address, so it also works,
// and shows the result, as a plain form post. Reports of a response are any signed-in user's.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
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
  type CommentModerationResult,
  moderateComments,
} from "@/lib/comments/moderate";
import {
  answerInputSchema,
  commentHideSchema,
  commentIdSchema,
  commentTabSchema,
  type AnswerFormValues,
} from "@/lib/comments/schemas";
import type { Verb } from "./engine";
import {
  approveResponse,
  dismissReports,
  hideResponse,
  moderateResponses,
  markReviewed,
  restoreResponse,
  upholdReports,
  type ModerationResult,
} from "./moderate";
import { reportResponse } from "./report";
import { addToCampaign } from "@/lib/curation/campaign-links";
import { tagResponses } from "@/lib/curation/tags";
import {
  bulkCommentModerationSchema,
  bulkModerationSchema,
  hideInputSchema,
  queueQuerySchema,
  reportInputSchema,
  responseIdSchema,
} from "./schemas";

/** The verbs without a reason, and those that need one (the author sees it). */
const PLAIN = z.enum(["approve", "restore", "review", "dismiss"], { error: "invalid" });
const WITH_REASON = z.enum(["hide", "uphold"], { error: "invalid" });

const responseModerationSchema = z.discriminatedUnion("op", [
  responseIdSchema.extend({ op: PLAIN }),
  hideInputSchema.extend({ op: WITH_REASON }),
]);
const commentModerationSchema = z.discriminatedUnion("op", [
  commentIdSchema.extend({ op: PLAIN }),
  commentHideSchema.extend({ op: WITH_REASON }),
]);

type ResponseModeration = z.output<typeof responseModerationSchema>;
type CommentModeration = z.output<typeof commentModerationSchema>;

const RESPONSE_RUNS: Record<Verb, (actor: SessionUser, input: ResponseModeration) => Promise<ModerationResult>> = {
  approve: (actor, input) => approveResponse(actor, input.responseId),
  restore: (actor, input) => restoreResponse(actor, input.responseId),
  review: (actor, input) => markReviewed(actor, input.responseId),
  dismiss: (actor, input) => dismissReports(actor, input.responseId),
  hide: (actor, input) => hideResponse(actor, withReason(input)),
  uphold: (actor, input) => upholdReports(actor, withReason(input)),
};

const COMMENT_RUNS: Record<Verb, (actor: SessionUser, input: CommentModeration) => Promise<CommentModerationResult>> = {
  approve: (actor, input) => approveComment(actor, input.commentId),
  restore: (actor, input) => restoreComment(actor, input.commentId),
  review: (actor, input) => markCommentReviewed(actor, input.commentId),
  dismiss: (actor, input) => dismissCommentReports(actor, input.commentId),
  hide: (actor, input) => hideComment(actor, withReason(input)),
  uphold: (actor, input) => upholdCommentReports(actor, withReason(input)),
};

/** The schema gives hide and uphold their reason; the union's other side has none. */
function withReason<T extends { op: string }>(input: T): Extract<T, { reason: string }> {
  return input as Extract<T, { reason: string }>;
}

export const moderateResponseAction = defineAction({
  name: "moderation.response",
  auth: "items.moderate",
  schema: responseModerationSchema,
  run: async (input, { actor, values }): Promise<null> => {
    const { callId, reference } = await RESPONSE_RUNS[input.op](actor, input);
    revalidatePath("/", "layout");
    const { tab } = queueQuerySchema.parse({ tab: values.tab });
    const query = new URLSearchParams({ tab, done: input.op, ref: reference ?? "" });
    redirect(`/moderation/calls/${encodeURIComponent(callId)}/queue?${query}`);
  },
});

/**
 * The queue's bulk form: the ticked responses approved, hidden with one reason, or restored, then back to the
 * queue tab with what was done and what was skipped (someone else acted first) in the address.
 */
export const moderateResponsesAction = defineAction({
  name: "moderation.responses",
  auth: "items.moderate",
  schema: bulkModerationSchema,
  // One field per ticked box: "responseIds", repeated.
  input: (formData, values) => ({ ...values, responseIds: formData.getAll("responseIds").filter((v) => typeof v === "string") }),
  run: async (input, { actor, values }): Promise<null> => {
    const { tab } = queueQuerySchema.parse({ tab: values.tab });
    if (input.op === "campaign") {
      const { added, already, elsewhere } = await addToCampaign(actor, input);
      revalidatePath("/", "layout");
      const query = new URLSearchParams({
        tab,
        done: "bulk-campaign",
        n: String(added.length),
        already: String(already.length),
        elsewhere: String(elsewhere.length),
      });
      redirect(`/moderation/calls/${encodeURIComponent(input.callId)}/queue?${query}`);
    }
    if (input.op === "tag") {
      const { tagged, already } = await tagResponses(actor, input);
      revalidatePath("/", "layout");
      const query = new URLSearchParams({ tab, done: "bulk-tag", n: String(tagged.length), already: String(already.length) });
      redirect(`/moderation/calls/${encodeURIComponent(input.callId)}/queue?${query}`);
    }
    const { done, skipped } = await moderateResponses(actor, input);
    revalidatePath("/", "layout");
    const query = new URLSearchParams({ tab, done: `bulk-${input.op}`, n: String(done.length) });
    if (skipped.length) query.set("skipped", skipped.map((s) => s.reference).join(","));
    redirect(`/moderation/calls/${encodeURIComponent(input.callId)}/queue?${query}`);
  },
});

/** Back to the comments tab the form came from, with the outcome. */
function backToComments(setId: string, tab: string | undefined, done: string): never {
  revalidatePath("/", "layout");
  redirect(`/moderation/messages/${encodeURIComponent(setId)}/comments?tab=${commentTabSchema.parse(tab)}&done=${done}`);
}

export const moderateCommentAction = defineAction({
  name: "comments.moderate",
  auth: "items.moderate",
  schema: commentModerationSchema,
  run: async (input, { actor, values }): Promise<null> => {
    const { setId } = await COMMENT_RUNS[input.op](actor, input);
    backToComments(setId, values.tab, input.op);
  },
});

/**
 * The comments page's bulk form: the ticked comments approved, marked reviewed, hidden with one reason or
 * restored, then back to the tab with how many were done and skipped in the address.
 */
export const moderateCommentsAction = defineAction({
  name: "comments.moderateMany",
  auth: "items.moderate",
  schema: bulkCommentModerationSchema,
  input: (formData, values) => ({ ...values, commentIds: formData.getAll("commentIds").filter((v) => typeof v === "string") }),
  run: async (input, { actor, values }): Promise<null> => {
    const { done, skipped } = await moderateComments(actor, input);
    revalidatePath("/", "layout");
    const query = new URLSearchParams({
      tab: commentTabSchema.parse(values.tab),
      done: `bulk-${input.op}`,
      n: String(done),
      skipped: String(skipped),
    });
    redirect(`/moderation/messages/${encodeURIComponent(input.setId)}/comments?${query}`);
  },
});

export const answerCommentAction = defineAction({
  name: "comments.answer",
  auth: "messages.edit",
  schema: answerInputSchema,
  // The domain function parses the form's own values again (it is also called with them directly).
  run: async (_input, { actor, values }): Promise<null> => {
    const { setId } = await answerComment(actor, values as AnswerFormValues);
    backToComments(setId, values.tab, "answer");
  },
});

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
