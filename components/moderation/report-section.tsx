// The "report this response" part of a public response page: the form for a signed-in user, a sign-in link
// for a visitor. The form is folded away (a native <details>): most readers never need it.
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { reportResponseAction } from "@/lib/moderation/actions";
import { ReportForm } from "./report-form";
import styles from "./report-form.module.css";

export async function ReportSection({ responseId, reference }: { responseId: string; reference: string }) {
  const t = await getTranslations("ReportForm");
  const user = await getSessionUser();
  const here = `/responses/${encodeURIComponent(reference)}`;
  return (
    <section aria-label={t("heading")} className={styles.report}>
      {user ? (
        user.hasProfile ? (
          <ReportForm action={reportResponseAction} idField="responseId" itemId={responseId} texts="ReportForm" />
        ) : (
          <p>
            <Link href={`/profile?callbackUrl=${encodeURIComponent(here)}`}>{t("profileFirst")}</Link>
          </p>
        )
      ) : (
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>{t("signIn")}</Link>
        </p>
      )}
    </section>
  );
}
