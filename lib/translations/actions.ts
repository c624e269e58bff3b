"use server";
// Moderators' translations of calls and of message set versions, and the language a call or a set is
// written in. The form's fields are named by what they translate ("prompt.<questionId>", "body.<paragraphId>"):
// the domain functions check them against the original (lib/translations/texts.ts).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { revisionSchema } from "@/lib/edits/schema";
import { defineAction } from "@/lib/actions";
import { locales } from "@/lib/i18n/config";
import { text } from "@/lib/validation/text";
import { removeCallTranslation, saveCallTranslation, setCallLanguage } from "./calls";
import { saveVersionTranslation, setMessageSetLanguage } from "./versions";

const id = text({ error: "invalid" }).trim().min(1, { error: "invalid" }).max(40, { error: "invalid" });
const locale = z.enum(locales, { error: "invalid" });
const number = z.coerce
  .number({ error: "invalid" })
  .int({ error: "invalid" })
  .min(1, { error: "invalid" })
  .max(100_000, { error: "invalid" });

/** The translated texts: every posted field but the ids. */
const textsOf = (values: Record<string, string>, ...ids: string[]) =>
  Object.fromEntries(Object.entries(values).filter(([key]) => !ids.includes(key) && !key.startsWith("$")));

export const saveCallTranslationAction = defineAction({
  name: "translations.saveCall",
  auth: "calls.manage",
  schema: z.object({ callId: id, locale, ...revisionSchema.shape }),
  run: async (input, { actor, values }) => {
    const saved = await saveCallTranslation(actor, {
      ...input,
      values: textsOf(values, "callId", "locale", "revision"),
    });
    // Every page showing the text in that language (the editor's tabs, the public pages) shows it anew.
    revalidatePath("/", "layout");
    return saved;
  },
  message: async () => (await getTranslations("Translations"))("saved"),
});

export const removeCallTranslationAction = defineAction({
  name: "translations.removeCall",
  auth: "calls.manage",
  schema: z.object({ callId: id, locale }),
  keepValues: false,
  run: async (input, { actor }) => {
    const removed = await removeCallTranslation(actor, input);
    // Every page showing the text in that language (the editor's tabs, the public pages) shows it anew.
    revalidatePath("/", "layout");
    return removed;
  },
  message: async () => (await getTranslations("Translations"))("removed"),
});

export const setCallLanguageAction = defineAction({
  name: "translations.setCallLanguage",
  auth: "calls.manage",
  schema: z.object({ callId: id, language: locale }),
  run: async (input, { actor }) => {
    const call = await setCallLanguage(actor, input);
    revalidatePath(`/moderation/calls/${call.id}`, "layout");
    return call;
  },
  message: async () => (await getTranslations("Translations"))("languageSaved"),
});

export const saveVersionTranslationAction = defineAction({
  name: "translations.saveVersion",
  auth: "messages.edit",
  schema: z.object({ setId: id, number, locale, ...revisionSchema.shape }),
  run: async (input, { actor, values }) => {
    const saved = await saveVersionTranslation(actor, {
      ...input,
      values: textsOf(values, "setId", "number", "locale", "revision"),
    });
    // Every page showing the text in that language (the editor's tabs, the public pages) shows it anew.
    revalidatePath("/", "layout");
    return saved;
  },
  message: async () => (await getTranslations("Translations"))("saved"),
});

export const setMessageSetLanguageAction = defineAction({
  name: "translations.setSetLanguage",
  auth: "messages.edit",
  schema: z.object({ setId: id, language: locale }),
  run: async (input, { actor }) => {
    const set = await setMessageSetLanguage(actor, input);
    revalidatePath(`/moderation/messages/${set.id}`, "layout");
    return set;
  },
  message: async () => (await getTranslations("Translations"))("languageSaved"),
});
