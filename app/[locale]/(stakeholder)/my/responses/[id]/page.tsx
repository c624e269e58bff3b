import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { directionOf } from "@/lib/i18n/config";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ModerationNotice } from "@/components/moderation/moderation-notice";
import { FiledIdentity } from "@/components/responses/filed-identity";
import { WithdrawForm } from "@/components/responses/withdraw-form";
import { LocalDate } from "@/components/ui/local-date";
import { requireUser } from "@/lib/auth/session";
import { getOwnResponse } from "@/lib/responses/responses";
import { orNotFound } from "@/lib/not-found";
import { UserText } from "@/components/ui/user-text";
import { withClientMessages } from "@/components/i18n/client-messages";

type Params = Promise<{ id: string }>;

// The author's own response only: another user's id is a 404, as is an unknown one.
const load = cache(async (id: string) => {
  const user = await requireUser({ returnTo: `/my/responses/${id}` });
  return orNotFound(getOwnResponse(user, id));
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const response = await load((await params).id);
  const t = await getTranslations("Receipt");
  return { title: response.reference ? t("metaTitle", { reference: response.reference }) : response.call.title };
}

async function ReceiptPage({ params, searchParams }: { params: Params; searchParams: Promise<{ submitted?: string }> }) {
  const response = await load((await params).id);
  const { submitted } = await searchParams;
  const t = await getTranslations("Receipt");
  const tc = await getTranslations("Consent");
  const ts = await getTranslations("ResponseStatus");
  const { call } = response;
  const date = (value: Date) =>
    function Time() {
      return <LocalDate date={value} timeZone={call.timeZone} reader />;
    };
  const open = call.status === "OPEN";
  const respondPath = `/calls/${call.slug}/respond`;
  return (
    <>
      <h1>{t("title", { call: call.title })}</h1>
      {submitted && response.status === "SUBMITTED" && (
        <div className="notice ok" role="status">
          <p>{t("thanks")}</p>
          <p>{t("emailSent")}</p>
        </div>
      )}
      {response.status === "SUBMITTED" && (
        <ModerationNotice state={response.moderationState} hiddenReason={response.hiddenReason} />
      )}
      {response.status === "DRAFT" && (
        <p className="notice">
          {t("draft")} {open && <Link href={respondPath}>{t("continue")}</Link>}
        </p>
      )}
      {response.status === "WITHDRAWN" && response.withdrawnAt && (
        <p className="notice">{t.rich("withdrawn", { time: date(response.withdrawnAt) })}</p>
      )}
      <dl className="receipt">
        {response.reference && (
          <div>
            <dt>{t("reference")}</dt>
            <dd className="reference">{response.reference}</dd>
          </div>
        )}
        <div>
          <dt>{t("status")}</dt>
          <dd>{ts(response.status)}</dd>
        </div>
        {response.submittedAt && (
          <div>
            <dt>{t("submittedAt")}</dt>
            <dd>
              <LocalDate date={response.submittedAt} timeZone={call.timeZone} reader />
            </dd>
          </div>
        )}
        <div>
          <dt>{t("consent")}</dt>
          <dd>{response.consent ? tc(response.consent) : tc("notChosen")}</dd>
        </div>
        {response.consent === "PUBLISH_ANONYMOUS" && response.attachments.length > 0 && response.status !== "DRAFT" && (
          <div>
            <dt>{t("attachmentsPublication")}</dt>
            <dd>{response.attachmentsPrivate ? t("attachmentsPrivate") : t("attachmentsStripped")}</dd>
          </div>
        )}
        {response.version > 0 && (
          <div>
            <dt>{t("version")}</dt>
            <dd>{response.version}</dd>
          </div>
        )}
      </dl>
      {response.status !== "DRAFT" && (
        <section aria-labelledby="identity-heading">
          <h2 id="identity-heading">{t("identity")}</h2>
          <p className="hint">{t("identityNote")}</p>
          <FiledIdentity identity={response} />
        </section>
      )}
      {response.status === "SUBMITTED" && open && (
        <section aria-labelledby="change-heading" className="receipt-actions">
          <h2 id="change-heading" className="visually-hidden">
            {t("edit")}
          </h2>
          <p>{t.rich("editNote", { time: date(call.closesAt) })}</p>
          <p>
            <Link className="button" href={respondPath}>
              {t("edit")}
            </Link>
          </p>
          <WithdrawForm responseId={response.id} />
        </section>
      )}
      {response.status === "SUBMITTED" && !open && <p className="notice">{t("closed")}</p>}
      <h2>{t("answers")}</h2>
      <ol className="answers">
        {call.questions.map((question) => {
          const answer = response.answers.find((a) => a.questionId === question.id);
          const value = answer ? [answer.text, ...answer.choices].filter(Boolean).join(", ") : "";
          return (
            <li key={question.id}>
              <h3>{question.prompt}</h3>
              {value ? (
                <p className="answer-text" lang={response.language} dir={directionOf(response.language)}>
                  {value}
                </p>
              ) : (
                <p className="answer-text">{t("noAnswer")}</p>
              )}
            </li>
          );
        })}
      </ol>
      {response.attachments.length > 0 && (
        <>
          <h2>{t("attachments")}</h2>
          <ul>
            {response.attachments.map((file) => (
              <li key={file.id}>
                <a href={`/api/attachments/${file.id}`}>
                  <UserText>{file.fileName}</UserText>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {response.versions.length > 0 && (
        <>
          <h2>{t("versions")}</h2>
          <ol reversed className="versions">
            {response.versions.map((version) => (
              <li key={version.version}>
                {t.rich("versionItem", { version: version.version, time: date(version.submittedAt) })} — {tc(version.consent)}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

export default withClientMessages(["Deadline", "Receipt"], ReceiptPage);
