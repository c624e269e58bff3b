"use server";
// Citing several excerpts in one paragraph at once, from the source panel of the message editor.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { citeMany } from "./citations";
import { citeManySchema } from "./cite-many-schema";

export const citeManyAction = defineAction({
  name: "messages.citeMany",
  auth: "messages.edit",
  schema: citeManySchema,
  // One field per ticked box: "excerptIds", repeated.
  input: (formData, values) => ({ ...values, excerptIds: formData.getAll("excerptIds").filter((v) => typeof v === "string") }),
  run: async (input, { actor }) => {
    const outcome = await citeMany(actor, input);
    revalidatePath("/", "layout");
    return { cited: outcome.cited.length, skipped: outcome.skipped.length };
  },
  message: async ({ cited, skipped }) => (await getTranslations("MessageEditor"))("citedMany", { cited, skipped }),
});
