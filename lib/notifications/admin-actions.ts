"use server";
// The email page's actions: retry a failed email, or a failed background job (a facilitator: of their forums).
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { retryJob } from "@/lib/jobs/admin";
import { retryEmailJob } from "./admin";
import { retryEmailSchema, retryJobSchema } from "./schemas";

export const retryEmailAction = defineAction({
  name: "notifications.retryEmail",
  auth: "emails.manage",
  schema: retryEmailSchema,
  // The row is PENDING again, with a send job queued in the same transaction.
  run: async ({ jobId }, { actor }) => retryEmailJob(actor, jobId),
  // No revalidation: the row stays, with its confirmation, until the page is reloaded.
  message: async ({ id }) => (await getTranslations("AdminEmails"))("retried", { id }),
});

export const retryJobAction = defineAction({
  name: "notifications.retryJob",
  auth: "emails.manage",
  schema: retryJobSchema,
  run: async ({ queue, jobId }, { actor }) => retryJob(actor, queue, jobId),
  message: async ({ id }) => (await getTranslations("AdminEmails"))("jobRetried", { id }),
});
