"use server";
// The profile form's action: the same schema as the form, any signed-in user, their own profile only. After a
// first profile the person goes on to where they were going (a safe path, never another site). The language
// chosen there (or in the language switcher, signed in) is the person's: their emails are written in it, and
// the site follows it (the NEXT_LOCALE cookie, and the page's address).
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { safeReturnPath } from "@/lib/auth/schemas";
import { inLocale, localeCookie } from "@/lib/auth/sign-in-locale";
import { saveOwnLocale, saveOwnProfile } from "./profile";
import { localeInputSchema, profileInputSchema } from "./schemas";

export const saveProfileAction = defineAction({
  name: "profile.save",
  auth: "STAKEHOLDER",
  schema: profileInputSchema,
  run: async (input, { actor, values }) => {
    await saveOwnProfile(actor, input);
    revalidatePath("/", "layout");
    // A language other than the page's: the site switches to it now (this page, or where they were going).
    const locale = input.locale ?? null;
    const switched = locale !== null && locale !== (await getLocale());
    if (switched) (await cookies()).set(localeCookie(locale));
    const callbackUrl = values.callbackUrl ? safeReturnPath(values.callbackUrl) : null;
    if (callbackUrl) redirect(locale ? inLocale(callbackUrl, locale) : callbackUrl);
    if (switched) redirect(inLocale("/profile", locale));
    return null;
  },
});

/** The language switcher, for a signed-in person: their choice becomes their language (emails included). */
export const saveLanguageAction = defineAction({
  name: "profile.saveLanguage",
  auth: "STAKEHOLDER",
  schema: localeInputSchema,
  keepValues: false,
  run: async ({ locale }, { actor }) => saveOwnLocale(actor, locale),
});
