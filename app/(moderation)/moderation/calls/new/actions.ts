"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { fieldErrorsOf, nestValues } from "@/lib/calls/form-data";
import { createCall } from "@/lib/calls/manage";
import { callInputSchema, type CallFormValues } from "@/lib/calls/schemas";
import { Invalid } from "@/lib/errors";

type EditorState = ActionResult<{ values?: CallFormValues } | null>;

/** Creates the call as a draft and opens it in the editor. */
export async function createCallAction(_previous: EditorState | null, formData: FormData): Promise<EditorState> {
  const values = formValues(formData);
  let created: { id: string } | undefined;
  const result = await runAction<{ values?: CallFormValues } | null>("createCall", async () => {
    const actor = await authorize("MODERATOR");
    const parsed = callInputSchema.safeParse(nestValues(values));
    if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
    created = await createCall(actor, parsed.data);
    revalidatePath("/moderation");
    return { ok: true, data: null };
  });
  if (!result.ok) return { ...result, values };
  redirect(`/moderation/calls/${created!.id}?created=1`);
}
