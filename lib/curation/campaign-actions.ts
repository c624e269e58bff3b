"use server";
// A call's campaigns (near-duplicate clusters), from its campaigns page (moderators): recompute them, and
// tag every response of one at once.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { callIdSchema } from "@/lib/calls/schemas";
import { clusterCall } from "./clusters";
import { campaignTagSchema } from "./schemas";
import { tagCampaign } from "./tags";

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

export const tagCampaignAction = defineAction({
  name: "curation.tagCampaign",
  auth: "responses.curate",
  schema: campaignTagSchema,
  run: async (input, { actor }) => {
    const outcome = await tagCampaign(actor, input);
    revalidatePath("/", "layout");
    return outcome;
  },
  message: async (outcome) => (await getTranslations("Campaigns"))("taggedAll", outcome),
});
