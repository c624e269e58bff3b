"use server";
// The coding actions (moderators): a call's tags on its coding page; a response's tags and excerpts on the
// response page. Both pages show tags and excerpts, so each change revalidates both.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { createExcerpt, createExcerptFromQuote, deleteExcerpt, updateExcerpt } from "./excerpts";
import { curationValues } from "./form-data";
import {
  excerptIdSchema,
  excerptInputSchema,
  excerptPasteSchema,
  excerptUpdateSchema,
  responseTagSchema,
  tagIdSchema,
  tagInputSchema,
  tagUpdateSchema,
} from "./schemas";
import { createTag, deleteTag, setResponseTag, updateTag } from "./tags";

const codingPath = (callId: string) => `/moderation/calls/${callId}/coding`;

/** The response page and the call's coding page both show tags and excerpts. */
function revalidateCuration(responseId: string) {
  revalidatePath(`/moderation/responses/${responseId}`);
  revalidatePath("/moderation/calls/[id]/coding", "page");
}

/** A refused tag form is shown again as it was sent (also without JavaScript). */
const typedTag = (values: Record<string, string>) => ({ name: values.name ?? "", description: values.description ?? "" });

export const createTagAction = defineAction({
  name: "curation.createTag",
  auth: "responses.curate",
  schema: tagInputSchema,
  keepValues: typedTag,
  run: async (input, { actor }) => {
    const tag = await createTag(actor, input);
    revalidatePath(codingPath(tag.callId));
    return { name: tag.name, revision: tag.revision };
  },
});

export const updateTagAction = defineAction({
  name: "curation.updateTag",
  auth: "responses.curate",
  schema: tagUpdateSchema,
  keepValues: typedTag,
  run: async (input, { actor }) => {
    const tag = await updateTag(actor, input);
    revalidatePath(codingPath(tag.callId));
    return { name: tag.name, revision: tag.revision };
  },
});

export const deleteTagAction = defineAction({
  name: "curation.deleteTag",
  auth: "responses.curate",
  schema: tagIdSchema,
  run: async ({ tagId }, { actor }) => {
    const tag = await deleteTag(actor, tagId);
    revalidatePath(codingPath(tag.callId));
    return null;
  },
});

/** Puts a tag on a whole response, or (op "remove") takes it off. */
export const setResponseTagAction = defineAction({
  name: "curation.setResponseTag",
  auth: "responses.curate",
  schema: responseTagSchema,
  run: async (input, { actor, values }) => {
    await setResponseTag(actor, input, values.op !== "remove");
    revalidateCuration(input.responseId);
    return null;
  },
});

/** A refused excerpt form keeps what was typed (shown again as sent, also without JavaScript). */
const typedExcerpt = (values: Record<string, string>) => ({
  questionId: values.questionId ?? "",
  quote: values.quote ?? "",
  note: values.note ?? "",
});

/** An excerpt from a selection (JavaScript): the offsets sent must still match the answer. */
export const createExcerptAction = defineAction({
  name: "curation.createExcerpt",
  auth: "responses.curate",
  schema: excerptInputSchema,
  input: curationValues,
  keepValues: typedExcerpt,
  run: async (input, { actor }) => {
    await createExcerpt(actor, input);
    revalidateCuration(input.responseId);
    return null;
  },
});

/** An excerpt from pasted words (no selection, no JavaScript needed): the server finds where they are. */
export const pasteExcerptAction = defineAction({
  name: "curation.pasteExcerpt",
  auth: "responses.curate",
  schema: excerptPasteSchema,
  input: curationValues,
  keepValues: typedExcerpt,
  run: async (input, { actor }) => {
    await createExcerptFromQuote(actor, input);
    revalidateCuration(input.responseId);
    return null;
  },
});

export const updateExcerptAction = defineAction({
  name: "curation.updateExcerpt",
  auth: "responses.curate",
  schema: excerptUpdateSchema,
  input: curationValues,
  run: async (input, { actor }) => {
    const excerpt = await updateExcerpt(actor, input);
    revalidateCuration(excerpt.responseId);
    return { revision: excerpt.revision };
  },
});

export const deleteExcerptAction = defineAction({
  name: "curation.deleteExcerpt",
  auth: "responses.curate",
  schema: excerptIdSchema,
  run: async ({ excerptId }, { actor }) => {
    const excerpt = await deleteExcerpt(actor, excerptId);
    revalidateCuration(excerpt.responseId);
    return null;
  },
});
