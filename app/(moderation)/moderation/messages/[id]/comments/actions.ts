"use server";
// The comment moderation forms: one action for the transitions (named by the form's "op"), one for the answer.
// Each authorizes a moderator, calls the domain function (which checks the role again and parses its input),
// and goes back to the tab it came from with the outcome in the address (so it also works as a plain form
// post without JavaScript).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formValues, type ActionResult } from "@/lib/actions";
import { authorize, type SessionUser } from "@/lib/auth/session";
import { commentAction } from "@/lib/comments/action";
import { answerComment } from "@/lib/comments/answer";
import {
  approveComment,
  dismissCommentReports,
  hideComment,
  markCommentReviewed,
  restoreComment,
  upholdCommentReports,
} from "@/lib/comments/moderate";
import { commentHideSchema, commentIdSchema, commentTabSchema } from "@/lib/comments/schemas";
import { Invalid } from "@/lib/errors";
import { VERBS, type Verb } from "@/lib/moderation/engine";

type Op = Verb | "answer";
type Run = (actor: SessionUser, values: Record<string, string>) => Promise<{ setId: string }>;

function parsed<S extends z.ZodType>(schema: S, values: Record<string, string>): z.output<S> {
  const result = schema.safeParse(values);
  if (!result.success) throw Invalid("invalid", z.flattenError(result.error).fieldErrors);
  return result.data;
}

const byId =
  (fn: (actor: SessionUser, id: string) => Promise<{ setId: string }>): Run =>
  (actor, values) =>
    fn(actor, parsed(commentIdSchema, values).commentId);

const RUNS: Record<Op, Run> = {
  approve: byId(approveComment),
  restore: byId(restoreComment),
  review: byId(markCommentReviewed),
  dismiss: byId(dismissCommentReports),
  hide: (actor, values) => hideComment(actor, parsed(commentHideSchema, values)),
  uphold: (actor, values) => upholdCommentReports(actor, parsed(commentHideSchema, values)),
  answer: (actor, values) =>
    answerComment(actor, {
      commentId: values.commentId ?? "",
      disposition: values.disposition as never,
      answer: values.answer,
      reason: values.reason,
    }),
};

async function moderateComment(op: Op | "invalid", formData: FormData): Promise<ActionResult> {
  let setId = "";
  const result = await commentAction(`comments.${op}`, formData, async (values) => {
    const actor = await authorize("MODERATOR");
    if (op === "invalid") throw Invalid("invalid");
    setId = (await RUNS[op](actor, values)).setId;
    return { ok: true, data: null };
  });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  const tab = commentTabSchema.parse(formData.get("tab"));
  redirect(`/moderation/messages/${encodeURIComponent(setId)}/comments?tab=${tab}&done=${op}`);
}

type State = ActionResult | null;
const opSchema = z.object({ op: z.enum(VERBS) });

export async function moderateCommentAction(_previous: State, formData: FormData) {
  const op = opSchema.safeParse({ op: formValues(formData).op });
  return moderateComment(op.success ? op.data.op : "invalid", formData);
}
export async function answerCommentAction(_previous: State, formData: FormData) {
  return moderateComment("answer", formData);
}
