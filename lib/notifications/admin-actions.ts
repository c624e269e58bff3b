"use server";
// The email queue's administration: retry a failed email.
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { retryEmailJob } from "./admin";
import { kickEmailWorker } from "./events";
import { retryEmailSchema } from "./schemas";

export const retryEmailAction = defineAction({
  name: "notifications.retryEmail",
  auth: "ADMIN",
  schema: retryEmailSchema,
  run: async ({ jobId }, { actor }) => {
    const { id } = await retryEmailJob(actor, jobId);
    kickEmailWorker();
    // No revalidation: the row stays, with its confirmation, until the page is reloaded.
    return { id };
  },
  message: async ({ id }) => (await getTranslations("AdminEmails"))("retried", { id }),
});
