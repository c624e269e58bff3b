"use server";
// The moderation queue's forms. Each parses its input with the shared schema, authorizes a moderator, calls
// the domain function, and on success goes back to the queue tab it came from with the outcome in the
// address (so it also works, and shows the result, as a plain form post without JavaScript).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { Invalid } from "@/lib/errors";
import {
  approveResponse,
  dismissReports,
  hideResponse,
  markReviewed,
  restoreResponse,
  upholdReports,
  type ModerationResult,
} from "@/lib/moderation/moderate";
import { hideInputSchema, queueQuerySchema, responseIdSchema } from "@/lib/moderation/schemas";
import type { SessionUser } from "@/lib/auth/session";

type Op = "approve" | "hide" | "restore" | "review" | "dismiss" | "uphold";
type Run = (actor: SessionUser, values: Record<string, string>) => Promise<ModerationResult>;

function parsed<S extends z.ZodType>(schema: S, values: Record<string, string>): z.output<S> {
  const result = schema.safeParse(values);
  if (!result.success) throw Invalid("invalid", z.flattenError(result.error).fieldErrors);
  return result.data;
}

const byId =
  (fn: (actor: SessionUser, id: string) => Promise<ModerationResult>): Run =>
  (actor, values) =>
    fn(actor, parsed(responseIdSchema, values).responseId);

const RUNS: Record<Op, Run> = {
  approve: byId(approveResponse),
  restore: byId(restoreResponse),
  review: byId(markReviewed),
  dismiss: byId(dismissReports),
  hide: (actor, values) => hideResponse(actor, parsed(hideInputSchema, values)),
  uphold: (actor, values) => upholdReports(actor, parsed(hideInputSchema, values)),
};

async function moderateAction(op: Op, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  let done: ModerationResult | null = null;
  const result = await runAction(`moderation.${op}`, async () => {
    const actor = await authorize("MODERATOR");
    done = await RUNS[op](actor, values);
    return { ok: true, data: null };
  });
  if (!result.ok) return { ...result, values };
  const { callId, reference } = done!;
  revalidatePath("/", "layout");
  const { tab } = queueQuerySchema.parse({ tab: values.tab });
  const query = new URLSearchParams({ tab, done: op, ref: reference ?? "" });
  redirect(`/moderation/calls/${encodeURIComponent(callId)}/queue?${query}`);
}

type State = ActionResult | null;
export async function approveAction(_previous: State, formData: FormData) {
  return moderateAction("approve", formData);
}
export async function hideAction(_previous: State, formData: FormData) {
  return moderateAction("hide", formData);
}
export async function restoreAction(_previous: State, formData: FormData) {
  return moderateAction("restore", formData);
}
export async function reviewAction(_previous: State, formData: FormData) {
  return moderateAction("review", formData);
}
export async function dismissReportsAction(_previous: State, formData: FormData) {
  return moderateAction("dismiss", formData);
}
export async function upholdReportsAction(_previous: State, formData: FormData) {
  return moderateAction("uphold", formData);
}
