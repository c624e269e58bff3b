"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { withdrawResponse } from "@/lib/responses/responses";

export async function withdrawResponseAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction("withdrawResponse", async () => {
    const user = await authorize();
    const responseId = String(formData.get("responseId") ?? "");
    await withdrawResponse(user, responseId);
    revalidatePath(`/my/responses/${responseId}`);
    revalidatePath("/my/contributions");
    return { ok: true, data: null };
  });
}
