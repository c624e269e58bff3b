"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { curationValues, fieldErrorsOf } from "@/lib/curation/form-data";
import { tagIdSchema, tagInputSchema, tagUpdateSchema } from "@/lib/curation/schemas";
import { createTag, deleteTag, updateTag } from "@/lib/curation/tags";
import { Invalid } from "@/lib/errors";

type TagResult = ActionResult<{ name?: string } | null>;

/** A refused form is shown again as it was sent (also without JavaScript). */
const typed = (values: Record<string, unknown>) => ({
  name: String(values.name ?? ""),
  description: String(values.description ?? ""),
});

const codingPath = (callId: string) => `/moderation/calls/${callId}/coding`;

export async function createTagAction(_previous: TagResult | null, formData: FormData): Promise<TagResult> {
  const values = curationValues(formData);
  const result = await runAction<{ name?: string } | null>("createTag", async () => {
    const actor = await authorize("MODERATOR");
    const parsed = tagInputSchema.safeParse(values);
    if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
    const tag = await createTag(actor, parsed.data);
    revalidatePath(codingPath(tag.callId));
    return { ok: true, data: { name: tag.name } };
  });
  return result.ok ? result : { ...result, values: typed(values) };
}

export async function updateTagAction(_previous: TagResult | null, formData: FormData): Promise<TagResult> {
  const values = curationValues(formData);
  const result = await runAction<{ name?: string } | null>("updateTag", async () => {
    const actor = await authorize("MODERATOR");
    const parsed = tagUpdateSchema.safeParse(values);
    if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
    const tag = await updateTag(actor, parsed.data);
    revalidatePath(codingPath(tag.callId));
    return { ok: true, data: { name: tag.name } };
  });
  return result.ok ? result : { ...result, values: typed(values) };
}

export async function deleteTagAction(_previous: TagResult | null, formData: FormData): Promise<TagResult> {
  return runAction("deleteTag", async () => {
    const actor = await authorize("MODERATOR");
    const parsed = tagIdSchema.safeParse(curationValues(formData));
    if (!parsed.success) throw Invalid("invalid");
    const tag = await deleteTag(actor, parsed.data.tagId);
    revalidatePath(codingPath(tag.callId));
    return { ok: true, data: null };
  });
}
