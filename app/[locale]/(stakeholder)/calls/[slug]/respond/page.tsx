import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { GlossaryTerms } from "@/components/calls/glossary-terms";
import { ResponseForm } from "@/components/responses/response-form";
import { LocalDate } from "@/components/ui/local-date";
import { ReaderTime } from "@/components/ui/reader-time";
import { requireUser } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profile/profile";
import { identitySelect, sameIdentity } from "@/lib/responses/filing";
import { answerValues, getOrCreateDraft } from "@/lib/responses/responses";
import { orNotFound } from "@/lib/not-found";
import { withClientMessages } from "@/components/i18n/client-messages";
import { inLocale } from "@/lib/translations/calls";
import { ContentLanguageNote } from "@/components/i18n/content-language";

type Params = Promise<{ slug: string }>;

// Once per request: the metadata and the page share it.
const load = cache(async (slug: string) => {
  const user = await requireUser({ returnTo: `/calls/${slug}/respond` });
  const [loaded, profile] = await Promise.all([
    orNotFound(getOrCreateDraft(user, slug, { language: await getLocale() })),
    getOwnProfile(user),
  ]);
  // The call's texts in the page's language when a moderator translated them (answers store the original).
  return { ...loaded, call: await inLocale(loaded.call, await getLocale()), profile };
});

/** The identity a response is filed under, or a profile's, as the form shows them. */
const identityOf = (source: Record<keyof typeof identitySelect, unknown>) =>
  Object.fromEntries(
    Object.keys(identitySelect).map((key) => [key, source[key as keyof typeof identitySelect] ?? null]),
  ) as Parameters<typeof sameIdentity>[0];

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("ResponseForm");
  return { title: t("metaTitle", { call: (await load((await params).slug)).call.title }) };
}

async function RespondPage({ params }: { params: Params }) {
  const { slug } = await params;
  const { call, response, profile } = await load(slug);
  // An edit after a profile change asks which identity to file under (lib/responses/filing.ts).
  const identities =
    response?.status === "SUBMITTED" && profile && !sameIdentity(identityOf(response), identityOf(profile))
      ? { filed: identityOf(response), profile: identityOf(profile) }
      : null;
  const t = await getTranslations("ResponseForm");
  /** `reader`: the reader's own time follows in brackets (false where it has a line of its own). */
  const date = (value: Date, reader = true) =>
    function Time() {
      return <LocalDate date={value} timeZone={call.timeZone} reader={reader} />;
    };
  const open = call.status === "OPEN";
  return (
    <>
      <h1>{t("title", { call: call.title })}</h1>
      <ContentLanguageNote language={call.language} originalHref={`/calls/${call.slug}?original=1`} />
      {/* The reader's own time on a line of its own, held open before the browser writes it: in brackets inside the
          sentence it came after the first paint and pushed the form down (Lighthouse: a layout shift of 0.155). */}
      <p className="lead">
        {t.rich("deadline", { time: date(call.closesAt, false) })}
        <ReaderTime date={call.closesAt.toISOString()} />
      </p>
      {open && <p className="hint">{t("deadlineNote")}</p>}
      {call.status === "SCHEDULED" && <p className="notice">{t.rich("notOpenScheduled", { time: date(call.opensAt) })}</p>}
      {call.status === "CLOSED" && (
        <p className="notice error">
          {t.rich("notOpenClosed", { time: date(call.closesAt) })} {response?.status === "DRAFT" && t("draftKept")}
        </p>
      )}
      {response?.status === "WITHDRAWN" && response.withdrawnAt && (
        <p className="notice">{t.rich("withdrawn", { time: date(response.withdrawnAt) })}</p>
      )}
      {response?.status === "SUBMITTED" && (
        <p className="notice ok">
          {t("submittedNotice", { reference: response.reference ?? "" })}{" "}
          <Link href={`/my/responses/${response.id}`}>{t("viewReceipt")}</Link>
        </p>
      )}
      {call.glossary.length > 0 && (
        // Folded: on a phone the key terms would push the first question far below the fold.
        <details className="glossary-details">
          <summary>{t("glossaryCount", { count: call.glossary.length })}</summary>
          <GlossaryTerms terms={call.glossary} />
        </details>
      )}
      {response && (
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">{t("questions")}</h2>
          <ResponseForm
            responseId={response.id}
            questions={call.questions}
            initialValues={answerValues(call.questions, response.answers)}
            consent={response.consent}
            language={response.language}
            updatedAt={response.updatedAt.toISOString()}
            status={response.status}
            open={open}
            submitKey={randomUUID()}
            attachments={response.attachments}
            attachmentsPrivate={response.attachmentsPrivate}
            identities={identities}
          />
        </section>
      )}
    </>
  );
}

export default withClientMessages(
  [
    "Attachments",
    "Consent",
    "Deadline",
    "Errors",
    "FiledIdentity",
    "FilingChoices",
    "ResponseForm",
    "StakeholderGroup",
    "UnRegion",
  ],
  RespondPage,
);
