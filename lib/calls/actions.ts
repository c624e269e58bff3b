"use server";
// The call editor's actions (moderators): create a draft, save it, publish or unpublish it. The editor posts
// its nested fields as dotted names ("questions.2.prompt"); refusals come back under the same names.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { nestValues } from "./form-data";
import { callFormValues } from "./form-values";
import { createCall, getCallForEditing, publishCall, unpublishCall, updateCall } from "./manage";
import { callIdSchema, callInputSchema, callUpdateSchema, type CallFormValues } from "./schemas";

/** On success the editor resets to what was saved (new questions now have ids), at its new revision. */
export type EditorData = { values: CallFormValues; revision: number } | null;

/** Creates the call as a draft and opens it in the editor. */
export const createCallAction = defineAction({
  name: "calls.create",
  auth: "calls.manage",
  schema: callInputSchema,
  nested: true,
  input: (_formData, values) => nestValues(values),
  run: async (input, { actor }): Promise<EditorData> => {
    const created = await createCall(actor, input);
    revalidatePath("/moderation");
    redirect(`/moderation/calls/${created.id}?created=1`);
  },
});

export const updateCallAction = defineAction({
  name: "calls.update",
  auth: "calls.manage",
  schema: callUpdateSchema,
  nested: true,
  input: (_formData, values) => nestValues(values),
  run: async ({ callId, ...input }, { actor }): Promise<EditorData> => {
    await updateCall(actor, callId, input);
    const saved = await getCallForEditing(actor, callId);
    revalidatePath("/", "layout");
    return { values: callFormValues(saved), revision: saved.revision };
  },
});

export const publishCallAction = defineAction({
  name: "calls.publish",
  auth: "calls.manage",
  schema: callIdSchema,
  run: async ({ callId }, { actor }) => {
    await publishCall(actor, callId);
    revalidatePath("/", "layout");
    return null;
  },
});

export const unpublishCallAction = defineAction({
  name: "calls.unpublish",
  auth: "calls.manage",
  schema: callIdSchema,
  run: async ({ callId }, { actor }) => {
    await unpublishCall(actor, callId);
    revalidatePath("/", "layout");
    return null;
  },
});
