"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions";
import { messageAction } from "@/lib/messages/action";
import { messageSetCreateSchema } from "@/lib/messages/schemas";
import { createMessageSet } from "@/lib/messages/sets";

export async function createMessageSetAction(_previous: ActionResult | null, formData: FormData) {
  let created: string | undefined;
  const result = await messageAction("createMessageSet", messageSetCreateSchema, formData, async (actor, input) => {
    created = (await createMessageSet(actor, input)).id;
    return { key: "created" };
  });
  if (result.ok && created) redirect(`/moderation/messages/${encodeURIComponent(created)}`);
  return result;
}
