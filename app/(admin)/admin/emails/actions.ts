"use server";

import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { retryJob } from "@/lib/jobs/admin";
import { retryEmailJob } from "@/lib/notifications/admin";
import { notificationAction, parseForm } from "@/lib/notifications/action";
import { retryEmailSchema, retryJobSchema } from "@/lib/notifications/schemas";

export async function retryEmailAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return notificationAction("retryEmail", async () => {
    const admin = await authorize("ADMIN");
    const { id } = await retryEmailJob(admin, parseForm(retryEmailSchema, formData).jobId);
    // No revalidation: the row stays, with its confirmation, until the page is reloaded.
    return { ok: true, data: null, message: (await getTranslations("AdminEmails"))("retried", { id }) };
  });
}

export async function retryJobAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return notificationAction("retryJob", async () => {
    const admin = await authorize("ADMIN");
    const { queue, jobId } = parseForm(retryJobSchema, formData);
    const { id } = await retryJob(admin, queue, jobId);
    return { ok: true, data: null, message: (await getTranslations("AdminEmails"))("jobRetried", { id }) };
  });
}
