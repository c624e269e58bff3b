"use server";
// Recomputing a call's campaigns (near-duplicate clusters), from its campaigns page (moderators).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { callIdSchema } from "@/lib/calls/schemas";
import { clusterCall } from "./clusters";

export const recomputeCampaignsAction = defineAction({
  name: "curation.recomputeCampaigns",
  auth: "responses.curate",
  schema: callIdSchema,
  run: async ({ callId }, { actor }) => {
    const summary = await clusterCall(actor, callId);
    // The public response lists show campaigns collapsed.
    revalidatePath("/", "layout");
    return { clusters: summary.clusters, responses: summary.responses };
  },
});
