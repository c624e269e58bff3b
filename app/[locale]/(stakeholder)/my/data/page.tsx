import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { SessionList } from "@/components/auth/session-list";
import { DeleteAccountForm } from "@/components/insights/delete-account-form";
import styles from "@/components/insights/insights.module.css";
import { RESPONSE_CHOICES, type ResponseChoice } from "@/lib/accounts/personal-data-schemas";
import { requireUser } from "@/lib/auth/session";
import { listOwnSessions } from "@/lib/auth/sessions";
import { currentSessionToken } from "@/lib/auth/sign-out";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("PersonalData"))("title") };
}

type Search = Promise<{ responses?: string }>;

async function MyDataPage({ searchParams }: { searchParams: Search }) {
  // No profile needed: someone who never completed it may still take their data or leave.
  const user = await requireUser({ returnTo: "/my/data", profile: false });
  const t = await getTranslations("PersonalData");
  const { responses } = await searchParams;
  const choice = RESPONSE_CHOICES.find((c) => c === responses) as ResponseChoice | undefined;
  const sessions = await listOwnSessions(user, await currentSessionToken());
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      <section aria-labelledby="download-heading">
        <h2 id="download-heading">{t("downloadHeading")}</h2>
        <p>{t("downloadIntro")}</p>
        <p>
          <a className="button secondary" href="/api/me/export" download>
            {t("download")}
          </a>
        </p>
      </section>

      <SessionList sessions={sessions} />

      <section aria-labelledby="delete-heading" className={styles.danger}>
        <h2 id="delete-heading">{choice ? t("confirmHeading") : t("deleteHeading")}</h2>
        {choice ? (
          <>
            <p>{choice === "remove" ? t("confirmRemove") : t("confirmAnonymise")}</p>
            <p>
              <strong>{t("confirmWarning")}</strong>
            </p>
            <DeleteAccountForm choice={choice} email={user.email} />
            <p>
              <Link href="/my/data">{t("back")}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{t("deleteIntro")}</p>
            {/* A plain GET: the choice leads to the confirmation step, nothing is deleted yet. */}
            <form method="get" action="/my/data" className="form">
              <fieldset className={styles.fieldset}>
                <legend>{t("choiceLegend")}</legend>
                {RESPONSE_CHOICES.slice()
                  .reverse()
                  .map((value) => (
                    <div className={styles.choice} key={value}>
                      <input
                        type="radio"
                        id={`responses-${value}`}
                        name="responses"
                        value={value}
                        required
                        defaultChecked={value === "anonymise"}
                        aria-describedby={`responses-${value}-hint`}
                      />
                      <label htmlFor={`responses-${value}`}>{t(value)}</label>
                      <p className="hint" id={`responses-${value}-hint`}>
                        {value === "remove" ? t("removeHint") : t("anonymiseHint")}
                      </p>
                    </div>
                  ))}
              </fieldset>
              <div>
                <button type="submit" className="button secondary danger">
                  {t("continue")}
                </button>
              </div>
            </form>
          </>
        )}
      </section>
    </>
  );
}

export default withClientMessages(["Deadline", "Errors", "PersonalData", "Sessions"], MyDataPage);
