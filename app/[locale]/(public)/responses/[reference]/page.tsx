import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ReportSection } from "@/components/moderation/report-section";
import { Attribution } from "@/components/responses/attribution";
import { LocalDate } from "@/components/ui/local-date";
import { publicResponse, publicResponseUses } from "@/lib/cache/public-reads";
import { UserText } from "@/components/ui/user-text";
import { withClientMessages } from "@/components/i18n/client-messages";
import { directionOf } from "@/lib/i18n/config";

type Props = { params: Promise<{ reference: string }> };

// A receipt number is short; anything longer is not looked up.
const loadResponse = cache((reference: string) => (reference.length <= 40 ? publicResponse(reference) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const response = await loadResponse(decodeURIComponent((await params).reference));
  return response ? { title: (await getTranslations("ResponsePage"))("title", { reference: response.reference ?? "" }) } : {};
}

async function PublicResponsePage({ params }: Props) {
  const response = await loadResponse(decodeURIComponent((await params).reference));
  if (!response) notFound();
  const t = await getTranslations("ResponsePage");
  const tCall = await getTranslations("CallPage");
  const { call } = response;
  const uses = await publicResponseUses(response.id);
  const tUsed = await getTranslations("UsedIn");

  return (
    <>
      <nav aria-label={tCall("breadcrumb")} className="breadcrumb">
        <Link href={`/calls/${call.slug}`}>{t("toCall", { title: call.title })}</Link>
        {" · "}
        <Link href={`/calls/${call.slug}/responses`}>{t("allResponses")}</Link>
      </nav>
      <h1>{t("title", { reference: response.reference ?? "" })}</h1>
      <p className="meta">
        <Attribution
          attribution={response.attribution}
          stakeholderGroup={response.stakeholderGroup}
          region={response.region}
          channel={response.channel}
        />
      </p>
      {response.submittedAt && (
        <p className="meta">
          {t.rich("submitted", { time: () => <LocalDate date={response.submittedAt!} timeZone={call.timeZone} /> })}
        </p>
      )}

      <h2>{t("answers")}</h2>
      {response.answers.length === 0 && <p>{t("noAnswers")}</p>}
      {response.answers.map((answer) => (
        <section key={answer.question.id} aria-labelledby={`q-${answer.question.id}`} className="answer">
          <h3 id={`q-${answer.question.id}`}>{`${answer.question.position}. ${answer.question.prompt}`}</h3>
          {answer.choices.length > 0 && (
            <ul>
              {answer.choices.map((choice) => (
                <li key={choice}>{choice}</li>
              ))}
            </ul>
          )}
          {answer.text.trim() && (
            <p className="answer-text" lang={response.language} dir={directionOf(response.language)}>
              {answer.text}
            </p>
          )}
        </section>
      ))}

      {uses.length > 0 && (
        <section aria-labelledby="used-in">
          <h2 id="used-in">{tUsed("heading")}</h2>
          <p>{tUsed("intro")}</p>
          <ul>
            {uses.map((use) => (
              <li key={`${use.slug}-${use.paragraph}`}>
                <Link href={`/messages/${use.slug}#p-${use.paragraph}`}>
                  {tUsed("item", { title: use.title, n: use.paragraph })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {response.attachments.length > 0 && (
        <section aria-labelledby="attachments">
          <h2 id="attachments">{t("attachments")}</h2>
          <ul>
            {response.attachments.map((file) => (
              <li key={file.id}>
                <a href={`/api/attachments/${file.id}`}>
                  {file.fileName ? <UserText>{file.fileName}</UserText> : t("attachment", { position: file.position })}
                </a>{" "}
                <span className="meta">
                  ({t("fileMeta", { type: file.mediaType, size: Math.max(1, Math.round(file.size / 1024)) })})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ReportSection responseId={response.id} reference={response.reference ?? ""} />
    </>
  );
}

export default withClientMessages(["Deadline", "Errors", "ReportForm", "ReportReason"], PublicResponsePage);
