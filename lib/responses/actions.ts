"use server";
// A stakeholder's own response: the form's autosave, its "Save draft" and "Submit" (with or without
// JavaScript), and withdrawing a submitted response. The domain functions check the owner, the call's
// status by the server's clock, and the answers with the schema built from the call's questions.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { getOwnResponse, saveDraft, submitResponse, withdrawResponse } from "./responses";
import { draftSaveSchema, keptValues, responseFormSchema, valuesFromFormData, withdrawResponseSchema } from "./schemas";

function json(value: string | undefined): unknown {
  try {
    return value === undefined ? undefined : JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Autosave from the form (JavaScript): `values` is the form's values as JSON. */
export const saveDraftAction = defineAction({
  name: "responses.saveDraft",
  auth: "STAKEHOLDER",
  schema: draftSaveSchema,
  input: (_formData, values) => ({ responseId: values.responseId, values: json(values.values) }),
  keepValues: false,
  run: async ({ responseId, values }, { actor }) => {
    const { consent, ...answers } = values;
    const { savedAt } = await saveDraft(actor, { responseId, answers, consent: consent || undefined });
    return { savedAt: savedAt.toISOString() };
  },
});

/**
 * The form's own action (with or without JavaScript): "Save draft" or "Submit". The submission is
 * validated by submitResponse with the schema the form uses, built from the call's questions; a
 * success goes to the receipt. A refusal keeps the answers as sent.
 */
export const responseFormAction = defineAction({
  name: "responses.submit",
  auth: "STAKEHOLDER",
  schema: responseFormSchema,
  keepValues: (_values, formData) => keptValues(formData),
  run: async ({ responseId, intent }, { actor, formData }): Promise<{ savedAt: string } | null> => {
    const { call } = await getOwnResponse(actor, responseId);
    const { consent, submitKey, ...answers } = valuesFromFormData(call.questions, formData);
    if (intent === "draft") {
      const { savedAt } = await saveDraft(actor, { responseId, answers, consent: consent || undefined });
      return { savedAt: savedAt.toISOString() };
    }
    const receipt = await submitResponse(actor, { responseId, answers, consent, submitKey });
    revalidatePath("/my/contributions");
    redirect(`/my/responses/${receipt.id}?submitted=1`);
  },
});

export const withdrawResponseAction = defineAction({
  name: "responses.withdraw",
  auth: "STAKEHOLDER",
  schema: withdrawResponseSchema,
  run: async ({ responseId }, { actor }) => {
    await withdrawResponse(actor, responseId);
    revalidatePath(`/my/responses/${responseId}`);
    revalidatePath("/my/contributions");
    return null;
  },
});
