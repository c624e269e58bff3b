"use server";
// The profile form's action: the same schema as the form, any signed-in user, their own profile only. After a
// first profile the person goes on to where they were going (a safe path, never another site).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { safeReturnPath } from "@/lib/auth/schemas";
import { saveOwnProfile } from "./profile";
import { profileInputSchema } from "./schemas";

export const saveProfileAction = defineAction({
  name: "profile.save",
  auth: "STAKEHOLDER",
  schema: profileInputSchema,
  run: async (input, { actor, values }) => {
    await saveOwnProfile(actor, input);
    revalidatePath("/", "layout");
    if (values.callbackUrl) redirect(safeReturnPath(values.callbackUrl));
    return null;
  },
});
