"use server";
// The moderation queue's forms: one action, the transition named by the form's "op". It parses its input with
// the shared schema, authorizes a moderator, calls the domain function, and on success goes back to the queue
// tab it came from with the outcome in the address (so it also works, and shows the result, as a plain form
// post without JavaScript).
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
import { VERBS, type Verb } from "@/lib/moderation/engine";
import { hideInputSchema, queueQuerySchema, responseIdSchema } from "@/lib/moderation/schemas";
import type { SessionUser } from "@/lib/auth/session";

type Op = Verb;
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

const opSchema = z.object({ op: z.enum(VERBS) });

export async function moderateResponseAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  let done: (ModerationResult & { op: Op }) | null = null;
  const result = await runAction("moderation", async () => {
    const actor = await authorize("MODERATOR");
    const { op } = parsed(opSchema, values);
    done = { ...(await RUNS[op](actor, values)), op };
    return { ok: true, data: null };
  });
  if (!result.ok) return { ...result, values };
  const { callId, reference, op } = done!;
  revalidatePath("/", "layout");
  const { tab } = queueQuerySchema.parse({ tab: values.tab });
  const query = new URLSearchParams({ tab, done: op, ref: reference ?? "" });
  redirect(`/moderation/calls/${encodeURIComponent(callId)}/queue?${query}`);
}
