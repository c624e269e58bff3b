"use server";

import { z } from "zod";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { Invalid } from "@/lib/errors";
import { reportResponse } from "@/lib/moderation/report";
import { reportInputSchema } from "@/lib/moderation/schemas";

/** Any signed-in user reports a published response; the domain function says who may and how often. */
export async function reportResponseAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  const result = await runAction("reportResponse", async () => {
    const actor = await authorize("STAKEHOLDER");
    const parsed = reportInputSchema.safeParse(values);
    if (!parsed.success) throw Invalid("invalid", z.flattenError(parsed.error).fieldErrors);
    // No revalidation: every page is rendered on request, and refreshing this one would replace the
    // reporter's thank-you with a 404 when their report was the one that hid the response.
    await reportResponse(actor, parsed.data);
    return { ok: true, data: null };
  });
  return result.ok ? result : { ...result, values };
}
