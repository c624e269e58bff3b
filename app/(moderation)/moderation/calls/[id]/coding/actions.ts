"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { curationValues, fieldErrorsOf } from "@/lib/curation/form-data";
import { tagIdSchema, tagInputSchema, tagUpdateSchema } from "@/lib/curation/schemas";
import { createTag, deleteTag, updateTag } from "@/lib/curation/tags";
import { Invalid } from "@/lib/errors";

type TagResult = ActionResult<{ name?: string } | null>;

const codingPath = (callId: string) => `/moderation/calls/${callId}/coding`;

export async function createTagAction(_previous: TagResult | null, formData: FormData): Promise<TagResult> {
  return runAction("createTag", async () => {
    const actor = await authorize("MODERATOR");
    const parsed = tagInputSchema.safeParse(curationValues(formData));
    if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
    const tag = await createTag(actor, parsed.data);
    revalidatePath(codingPath(tag.callId));
    return { ok: true, data: { name: tag.name } };
  });
}

export async function updateTagAction(_previous: TagResult | null, formData: FormData): Promise<TagResult> {
  return runAction("updateTag", async () => {
    const actor = await authorize("MODERATOR");
    const parsed = tagUpdateSchema.safeParse(curationValues(formData));
    if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
    const tag = await updateTag(actor, parsed.data);
    revalidatePath(codingPath(tag.callId));
    return { ok: true, data: { name: tag.name } };
  });
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
