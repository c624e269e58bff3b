import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { UserText } from "@/components/ui/user-text";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const t = await getTranslations("Site");
  const tNotify = await getTranslations("NotificationNav");
  const tForums = await getTranslations("Forums");
  const user = await getSessionUser();
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="site-name">
          {t("name")}
        </Link>
        <nav className="site-nav" aria-label={t("mainNav")}>
          <ul>
            <li>
              <Link href="/">{t("home")}</Link>
            </li>
            {can(user, "forum.read") && (
              <li>
                <Link href="/moderation">{t("moderation")}</Link>
              </li>
            )}
            {can(user, "audit.read") && (
              <li>
                <Link href="/admin/audit">{t("auditLog")}</Link>
              </li>
            )}
            {can(user, "forums.manage") && (
              <li>
                <Link href="/admin/forums">{tForums("nav")}</Link>
              </li>
            )}
            {can(user, "accounts.manage") && (
              <li>
                <Link href="/admin/users">{t("admin")}</Link>
              </li>
            )}
            {can(user, "emails.manage") && (
              <li>
                <Link href="/admin/emails">{tNotify("adminEmails")}</Link>
              </li>
            )}
          </ul>
        </nav>
        <div className="site-user">
          {user ? (
            <>
              <span>{t.rich("signedInAs", { name: () => <UserText>{user.name ?? user.email}</UserText> })}</span>
              <Link href="/my/contributions">{t("myContributions")}</Link>
              <Link href="/profile">{t("myProfile")}</Link>
              <Link href="/my/data">{t("myData")}</Link>
              <Link href="/my/notifications">{tNotify("myNotifications")}</Link>
              <SignOutButton label={t("signOut")} />
            </>
          ) : (
            <Link href="/signin">{t("signIn")}</Link>
          )}
        </div>
        <LanguageSwitcher label={t("language")} signedIn={user !== null} />
      </div>
      {user && !user.hasProfile && (
        <div className="container">
          <p className="notice" role="status">
            <Link href="/profile">{t("completeProfile")}</Link>
          </p>
        </div>
      )}
    </header>
  );
}
