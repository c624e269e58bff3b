"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeRole } from "@/lib/accounts/accounts";
import { changeRoleSchema } from "@/lib/accounts/schemas";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { Invalid } from "@/lib/errors";

export async function changeRoleAction(
  _previous: ActionResult<{ email: string; role: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ email: string; role: string }>> {
  return runAction("changeRole", async () => {
    const actor = await authorize("ADMIN");
    const parsed = changeRoleSchema.safeParse(formValues(formData));
    if (!parsed.success) throw Invalid("invalid", z.flattenError(parsed.error).fieldErrors);
    const user = await changeRole(actor, parsed.data);
    revalidatePath("/admin/users");
    return { ok: true, data: { email: user.email, role: user.role } };
  });
}
