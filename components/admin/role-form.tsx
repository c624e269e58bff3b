"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeRoleAction } from "@/lib/accounts/actions";
import { GRANTABLE_ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * One account's role. A plain form: it works without JavaScript, and the server decides. A moderator from
 * before forums sees their role listed (it can be changed, not given again).
 */
export function RoleForm({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const t = useTranslations("Admin");
  const tRole = useTranslations("Role");
  const [state, formAction, pending] = useActionState(changeRoleAction, null);
  const selectId = `role-${userId}`;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={selectId} className="visually-hidden">
        {t("changeFor", { email })}
      </label>
      <select id={selectId} name="role" defaultValue={role}>
        {(role === "MODERATOR" ? [role, ...GRANTABLE_ROLES] : GRANTABLE_ROLES).map((option) => (
          <option key={option} value={option}>
            {tRole(option)}
          </option>
        ))}
      </select>
      <button type="submit" className="button secondary" disabled={pending}>
        {t("save")}
      </button>
      {state && (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "" : "field-error"}>
          {state.ok ? t("saved", { email: state.data.email, role: tRole(state.data.role) }) : state.message}
        </span>
      )}
    </form>
  );
}
