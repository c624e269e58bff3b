"use server";
// Accounts: a person deletes their own account (My data), an administrator changes someone's role.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { SESSION_COOKIES } from "@/lib/auth/sign-out";
import { changeRole } from "./accounts";
import { deleteAccount } from "./personal-data";
import { deleteAccountSchema } from "./personal-data-schemas";
import { changeRoleSchema } from "./schemas";

/** Deletes the signed-in user's own account, then says goodbye on a page of its own. */
export const deleteAccountAction = defineAction({
  name: "accounts.delete",
  auth: "STAKEHOLDER",
  schema: deleteAccountSchema,
  run: async (input, { actor }) => {
    await deleteAccount(actor, input);
    // The sessions went with the account; the browser forgets the cookie too.
    const jar = await cookies();
    for (const name of SESSION_COOKIES) jar.delete(name);
    redirect(`/my/data/deleted?responses=${input.responses}`);
  },
});

/** An administrator sets one account's role. */
export const changeRoleAction = defineAction({
  name: "accounts.changeRole",
  auth: "ADMIN",
  schema: changeRoleSchema,
  run: async (input, { actor }) => {
    const user = await changeRole(actor, input);
    revalidatePath("/admin/users");
    return { email: user.email, role: user.role };
  },
});
