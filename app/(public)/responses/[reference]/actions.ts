"use server";

import { revalidatePath } from "next/cache";
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
    const report = await reportResponse(actor, parsed.data);
    if (report.hidden) revalidatePath("/", "layout");
    return { ok: true, data: null };
  });
  return result.ok ? result : { ...result, values };
}
