"use server";

import { revalidatePath } from "next/cache";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { callIdSchema } from "@/lib/calls/schemas";
import { clusterCall } from "@/lib/curation/clusters";
import { Invalid } from "@/lib/errors";

export type RecomputeResult = ActionResult<{ clusters: number; responses: number }>;

export async function recomputeCampaignsAction(_previous: RecomputeResult | null, formData: FormData): Promise<RecomputeResult> {
  return runAction("recomputeCampaigns", async () => {
    const actor = await authorize("MODERATOR");
    const parsed = callIdSchema.safeParse(formValues(formData));
    if (!parsed.success) throw Invalid("invalid");
    const summary = await clusterCall(actor, parsed.data.callId);
    // The public response lists show campaigns collapsed.
    revalidatePath("/", "layout");
    return { ok: true, data: { clusters: summary.clusters, responses: summary.responses } };
  });
}
