"use server";
// The response page's curation forms: tags on a response, and excerpts (made from a selection, with offsets,
// or from a pasted quote whose offsets the server finds), edited and deleted. A moderator, the shared schema,
// the domain function; the response page and the call's coding page are revalidated, as both show them.
import { revalidatePath } from "next/cache";
import { defineAction, type ActionState } from "@/lib/actions";
import { createExcerpt, createExcerptFromQuote, deleteExcerpt, updateExcerpt } from "./excerpts";
import { curationValues } from "./form-data";
import { excerptIdSchema, excerptInputSchema, excerptPasteSchema, excerptUpdateSchema, responseTagSchema } from "./schemas";
import { setResponseTag } from "./tags";

function revalidateCuration(responseId: string) {
  revalidatePath(`/moderation/responses/${responseId}`);
  revalidatePath("/moderation/calls/[id]/coding", "page");
}

/** A refused paste keeps what was typed (the form is shown again as sent, also without JavaScript). */
const keepTyped = (values: Record<string, string>) => ({
  questionId: values.questionId ?? "",
  quote: values.quote ?? "",
  note: values.note ?? "",
});

export const setResponseTagAction = defineAction({
  name: "curation.setResponseTag",
  auth: "MODERATOR",
  schema: responseTagSchema,
  input: curationValues,
  run: async (input, { actor, values }) => {
    await setResponseTag(actor, input, values.op !== "remove");
    revalidateCuration(input.responseId);
    return null;
  },
});

const excerptFromSelection = defineAction({
  name: "curation.createExcerpt",
  auth: "MODERATOR",
  schema: excerptInputSchema,
  input: curationValues,
  keepValues: keepTyped,
  run: async (input, { actor }) => {
    await createExcerpt(actor, input);
    revalidateCuration(input.responseId);
    return null;
  },
});

const excerptFromQuote = defineAction({
  name: "curation.createExcerptFromQuote",
  auth: "MODERATOR",
  schema: excerptPasteSchema,
  input: curationValues,
  keepValues: keepTyped,
  run: async (input, { actor }) => {
    await createExcerptFromQuote(actor, input);
    revalidateCuration(input.responseId);
    return null;
  },
});

/** With offsets from a selection (JavaScript), or a pasted quote whose offsets the server finds. */
export async function createExcerptAction(previous: ActionState | null, formData: FormData): Promise<ActionState> {
  const fromSelection = formData instanceof FormData && (formData.has("start") || formData.has("end"));
  return (fromSelection ? excerptFromSelection : excerptFromQuote)(previous, formData);
}

export const updateExcerptAction = defineAction({
  name: "curation.updateExcerpt",
  auth: "MODERATOR",
  schema: excerptUpdateSchema,
  input: curationValues,
  run: async (input, { actor }) => {
    const excerpt = await updateExcerpt(actor, input);
    revalidateCuration(excerpt.responseId);
    return null;
  },
});

export const deleteExcerptAction = defineAction({
  name: "curation.deleteExcerpt",
  auth: "MODERATOR",
  schema: excerptIdSchema,
  input: curationValues,
  run: async (input, { actor }) => {
    const excerpt = await deleteExcerpt(actor, input.excerptId);
    revalidateCuration(excerpt.responseId);
    return null;
  },
});
