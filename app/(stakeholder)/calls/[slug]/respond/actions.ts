"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { asFormData, runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { Invalid } from "@/lib/errors";
import { getOwnResponse, saveDraft, submitResponse } from "@/lib/responses/responses";
import { valuesFromFormData } from "@/lib/responses/schemas";

export type ResponseFormState = (ActionResult<{ savedAt: string } | null> & { posted?: Record<string, unknown> }) | null;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Autosave from the form (JavaScript): the values as the form holds them. The domain function checks the
 * owner, the call's status by the server's clock, and validates with the draft schema.
 */
export async function saveDraftAction(responseId: unknown, values: unknown): Promise<ActionResult<{ savedAt: string }>> {
  return runAction("saveDraft", async () => {
    const user = await authorize();
    if (typeof responseId !== "string" || !isRecord(values)) throw Invalid("invalid");
    const { consent, ...answers } = values;
    const { savedAt } = await saveDraft(user, { responseId, answers, consent: consent || undefined });
    return { ok: true, data: { savedAt: savedAt.toISOString() } };
  });
}

/**
 * The form's own action (with or without JavaScript): "Save draft" or "Submit". The submission is
 * validated by submitResponse with the schema the form uses, built from the call's questions; a
 * success goes to the receipt.
 */
export async function responseFormAction(_previous: ResponseFormState, sent: FormData): Promise<ResponseFormState> {
  const formData = asFormData(sent); // anyone can post anything to an action
  const responseId = String(formData.get("responseId") ?? "");
  let posted: Record<string, unknown> = {};
  let receiptId: string | null = null;
  const result = await runAction<{ savedAt: string } | null>("submitResponse", async () => {
    const user = await authorize();
    const { call } = await getOwnResponse(user, responseId);
    posted = valuesFromFormData(call.questions, formData);
    const { consent, submitKey, ...answers } = posted;
    if (formData.get("intent") === "draft") {
      const { savedAt } = await saveDraft(user, { responseId, answers, consent: consent || undefined });
      return { ok: true, data: { savedAt: savedAt.toISOString() } };
    }
    const receipt = await submitResponse(user, { responseId, answers, consent, submitKey });
    receiptId = receipt.id;
    return { ok: true, data: null };
  });
  if (receiptId) {
    revalidatePath("/my/contributions");
    redirect(`/my/responses/${receiptId}?submitted=1`);
  }
  return { ...result, posted };
}
