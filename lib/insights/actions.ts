"use server";
// The participation targets of a call (moderators), from its participation page.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { targetsInputSchema } from "./schemas";
import { setTargets } from "./targets";

export const setTargetsAction = defineAction({
  name: "insights.setTargets",
  auth: "calls.manage",
  schema: targetsInputSchema,
  run: async (input, { actor }) => {
    await setTargets(actor, input);
    revalidatePath(`/moderation/calls/${input.callId}/participation`);
    return null;
  },
});
