"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteAccount } from "@/lib/accounts/personal-data";
import { deleteAccountSchema } from "@/lib/accounts/personal-data-schemas";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { endOtherSessions } from "@/lib/auth/sessions";
import { currentSessionToken, SESSION_COOKIES } from "@/lib/auth/sign-out";
import { Invalid } from "@/lib/errors";

export async function deleteAccountAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  let choice = "";
  const result = await runAction("deleteAccount", async () => {
    const user = await authorize();
    const parsed = deleteAccountSchema.safeParse(values);
    if (!parsed.success) throw Invalid("invalid", z.flattenError(parsed.error).fieldErrors);
    await deleteAccount(user, parsed.data);
    choice = parsed.data.responses;
    return { ok: true, data: null };
  });
  if (!result.ok) return { ...result, values };
  // The sessions went with the account; the browser forgets the cookie too.
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect(`/my/data/deleted?responses=${choice}`);
}

/** "Sign out everywhere else": ends the user's other sessions, keeps this one. */
export async function endOtherSessionsAction(): Promise<ActionResult<{ ended: number }>> {
  return runAction("endOtherSessions", async () => {
    const user = await authorize();
    const ended = await endOtherSessions(user, await currentSessionToken());
    revalidatePath("/my/data");
    return { ok: true, data: { ended } };
  });
}
