// The "report this response" part of a public response page: the form for a signed-in user, a sign-in link
// for a visitor.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { ReportForm } from "./report-form";

export async function ReportSection({ responseId, reference }: { responseId: string; reference: string }) {
  const t = await getTranslations("ReportForm");
  const user = await getSessionUser();
  const here = `/responses/${encodeURIComponent(reference)}`;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t("heading")}</h2>
      <p className="hint">{t("intro")}</p>
      {user ? (
        user.hasProfile ? (
          <ReportForm responseId={responseId} />
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
