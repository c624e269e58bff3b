"use server";

import { revalidatePath } from "next/cache";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { fieldErrorsOf, nestValues } from "@/lib/calls/form-data";
import { callFormValues } from "@/lib/calls/form-values";
import { getCallForEditing, publishCall, unpublishCall, updateCall } from "@/lib/calls/manage";
import { callIdSchema, callInputSchema, type CallFormValues } from "@/lib/calls/schemas";
import { Invalid } from "@/lib/errors";

/** On success the editor resets to what was saved (new questions now have ids). */
type EditorState = ActionResult<{ values?: CallFormValues } | null>;

export async function updateCallAction(_previous: EditorState | null, formData: FormData): Promise<EditorState> {
  const values = formValues(formData);
  const result = await runAction<{ values?: CallFormValues } | null>("updateCall", async () => {
    const actor = await authorize("MODERATOR");
    const id = callIdSchema.safeParse(values);
    if (!id.success) throw Invalid("invalid");
    const parsed = callInputSchema.safeParse(nestValues(values));
    if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
    await updateCall(actor, id.data.callId, parsed.data);
    const saved = await getCallForEditing(actor, id.data.callId);
    revalidatePath("/", "layout");
    return { ok: true, data: { values: callFormValues(saved) } };
  });
  return result.ok ? result : { ...result, values };
}

async function setPublication(name: string, formData: FormData, publish: boolean): Promise<ActionResult> {
  return runAction(name, async () => {
    const actor = await authorize("MODERATOR");
    const id = callIdSchema.safeParse(formValues(formData));
    if (!id.success) throw Invalid("invalid");
    await (publish ? publishCall(actor, id.data.callId) : unpublishCall(actor, id.data.callId));
    revalidatePath("/", "layout");
    return { ok: true, data: null };
  });
}

export async function publishCallAction(_previous: ActionResult | null, formData: FormData) {
  return setPublication("publishCall", formData, true);
}

export async function unpublishCallAction(_previous: ActionResult | null, formData: FormData) {
  return setPublication("unpublishCall", formData, false);
}
