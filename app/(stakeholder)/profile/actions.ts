"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { redirect } from "next/navigation";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { safeReturnPath } from "@/lib/auth/schemas";
import { authorize } from "@/lib/auth/session";
import { Invalid } from "@/lib/errors";
import { saveOwnProfile } from "@/lib/profile/profile";
import { profileInputSchema } from "@/lib/profile/schemas";

export async function saveProfileAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  const result = await runAction("saveProfile", async () => {
    const user = await authorize();
    const parsed = profileInputSchema.safeParse(values);
    if (!parsed.success) throw Invalid("invalid", z.flattenError(parsed.error).fieldErrors);
    await saveOwnProfile(user, parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, data: null };
  });
  if (!result.ok) return { ...result, values };
  if (values.callbackUrl) redirect(safeReturnPath(values.callbackUrl));
  return result;
}
