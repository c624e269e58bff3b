"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { Invalid } from "@/lib/errors";
import { targetsInputSchema } from "@/lib/insights/schemas";
import { setTargets } from "@/lib/insights/targets";

export async function setTargetsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction("setTargets", async () => {
    const actor = await authorize("MODERATOR");
    const parsed = targetsInputSchema.safeParse(formValues(formData));
    if (!parsed.success) throw Invalid("invalid", z.flattenError(parsed.error).fieldErrors);
    await setTargets(actor, parsed.data);
    revalidatePath(`/moderation/calls/${parsed.data.callId}/participation`);
    return { ok: true, data: null };
  });
}
