"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { createExcerpt, createExcerptFromQuote, deleteExcerpt, updateExcerpt } from "@/lib/curation/excerpts";
import { curationValues, fieldErrorsOf } from "@/lib/curation/form-data";
import {
  excerptIdSchema,
  excerptInputSchema,
  excerptPasteSchema,
  excerptUpdateSchema,
  responseTagSchema,
} from "@/lib/curation/schemas";
import { setResponseTag } from "@/lib/curation/tags";
import { Invalid } from "@/lib/errors";

/** The response page and the call's coding page both show tags and excerpts. */
function revalidateCuration(responseId: string) {
  revalidatePath(`/moderation/responses/${responseId}`);
  revalidatePath("/moderation/calls/[id]/coding", "page");
}

export async function setResponseTagAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction("setResponseTag", async () => {
    const actor = await authorize("MODERATOR");
    const values = curationValues(formData);
    const parsed = responseTagSchema.safeParse(values);
    if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
    await setResponseTag(actor, parsed.data, values.op !== "remove");
    revalidateCuration(parsed.data.responseId);
    return { ok: true, data: null };
  });
}

/** With offsets from a selection (JavaScript), or a pasted quote whose offsets the server finds. */
export async function createExcerptAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = curationValues(formData);
  const result = await runAction("createExcerpt", async () => {
    const actor = await authorize("MODERATOR");
    if (values.start !== undefined || values.end !== undefined) {
      const parsed = excerptInputSchema.safeParse(values);
      if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
      await createExcerpt(actor, parsed.data);
    } else {
      const parsed = excerptPasteSchema.safeParse(values);
      if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
      await createExcerptFromQuote(actor, parsed.data);
    }
    revalidateCuration(String(values.responseId));
    return { ok: true, data: null };
  });
  // A refused paste keeps what was typed (the form is shown again as sent, also without JavaScript).
  const typed = {
    questionId: String(values.questionId ?? ""),
    quote: String(values.quote ?? ""),
    note: String(values.note ?? ""),
  };
  return result.ok ? result : { ...result, values: typed };
}

export async function updateExcerptAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction("updateExcerpt", async () => {
    const actor = await authorize("MODERATOR");
    const parsed = excerptUpdateSchema.safeParse(curationValues(formData));
    if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
    const excerpt = await updateExcerpt(actor, parsed.data);
    revalidateCuration(excerpt.responseId);
    return { ok: true, data: null };
  });
}

export async function deleteExcerptAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction("deleteExcerpt", async () => {
    const actor = await authorize("MODERATOR");
    const parsed = excerptIdSchema.safeParse(curationValues(formData));
    if (!parsed.success) throw Invalid("invalid");
    const excerpt = await deleteExcerpt(actor, parsed.data.excerptId);
    revalidateCuration(excerpt.responseId);
    return { ok: true, data: null };
  });
}
