import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleForm } from "@/components/admin/role-form";
import { InvalidQueryNotice } from "@/components/ui/invalid-query-notice";
import { listAccounts } from "@/lib/accounts/accounts";
import { accountSearchSchema } from "@/lib/accounts/schemas";
import { requireRole } from "@/lib/auth/session";
import { UserText } from "@/components/ui/user-text";
import { withClientMessages } from "@/components/i18n/client-messages";
import { TableRegion } from "@/components/ui/table-region";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Admin"))("title") };
}

async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requireRole("ADMIN", { returnTo: "/admin/users" });
  const t = await getTranslations("Admin");
  const { q } = accountSearchSchema.parse(await searchParams);
  const accounts = await listAccounts(actor, { q });
  return (
    <>
      <h1 id="accounts-heading">{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <InvalidQueryNotice />
      <form method="get" role="search" className="inline-form">
        <label htmlFor="q">{t("search")}</label>
        <input id="q" name="q" type="search" defaultValue={q ?? ""} />
        <button type="submit" className="button secondary">
          {t("searchButton")}
        </button>
      </form>
      <p role="status">{t("showing", { count: accounts.length })}</p>
      <TableRegion labelledBy="accounts-heading">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("role")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <th scope="row">{account.email}</th>
                <td>{account.profile ? <UserText>{account.profile.displayName}</UserText> : t("noProfile")}</td>
                <td>
                  <RoleForm userId={account.id} email={account.email} role={account.role} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

export default withClientMessages(["Admin", "Role"], AdminUsersPage);
