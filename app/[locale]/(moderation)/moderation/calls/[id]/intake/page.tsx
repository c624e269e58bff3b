import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { withClientMessages } from "@/components/i18n/client-messages";
import { ImportForm } from "@/components/intake/import-form";
import { IntakeForm } from "@/components/intake/intake-form";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/config";
import { Link } from "@/lib/i18n/navigation";
import { checkImportAction, importContributionsAction, recordContributionAction } from "@/lib/intake/actions";
import { CSV_LIMITS } from "@/lib/intake/csv";
import { getIntakeCall, todayIn } from "@/lib/intake/intake";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { orNotFound } from "@/lib/not-found";
import { countryOptions } from "@/lib/profile/countries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Intake"))("title") };
}

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/** What the last form did, from the address it came back to. */
async function Outcome({ search }: { search: Record<string, string | string[] | undefined> }) {
  const t = await getTranslations("Intake");
  const done = one(search.done);
  if (done === "recorded" && one(search.ref))
    return (
      <p className="notice ok" role="status">
        {t("recorded", { reference: one(search.ref) })}{" "}
        {one(search.id) && <Link href={`/moderation/responses/${encodeURIComponent(one(search.id))}`}>{t("openRecorded")}</Link>}
      </p>
    );
  const n = Number(one(search.n));
  if (done === "imported" && Number.isInteger(n) && n > 0)
    return (
      <p className="notice ok" role="status">
        {t("imported", { count: n, first: one(search.first), last: one(search.last) })}
      </p>
    );
  return null;
}

async function IntakePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const user = await requirePermission("responses.intake", { returnTo: `/moderation/calls/${encodeURIComponent(id)}/intake` });
  const t = await getTranslations("Intake");
  const locale = toLocale(await getLocale());
  let call;
  try {
    call = await orNotFound(getIntakeCall(user, id));
  } catch (error) {
    if (!isAppError(error, "conflict")) throw error;
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="notice">{t("unpublished")}</p>
      </>
    );
  }
  const questions = call.questions.map((q) => ({ ...q, required: false, minLength: null }));
  const header = [
    "channel",
    "received_on",
    "name",
    "email",
    "organisation",
    "on_behalf_of",
    "stakeholder_group",
    "region",
    "country",
    "consent",
    "language",
    ...questions.map((_, index) => `q${index + 1}`),
    ...STAKEHOLDER_GROUPS.map((group) => `speakers_${group.toLowerCase()}`),
  ].join(",");
  return (
    <>
      <p>
        <Link href="/moderation">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{call.title}</p>
      <CallToolsNav callId={call.id} forumId={call.forumId} current="intake" />
      <p>{t("intro")}</p>
      <Outcome search={await searchParams} />
      <section aria-labelledby="record-heading">
        <h2 id="record-heading">{t("recordHeading")}</h2>
        <IntakeForm
          callId={call.id}
          submitKey={randomUUID()}
          questions={questions}
          today={todayIn(call.timeZone, new Date())}
          language={call.language}
          countries={countryOptions(locale)}
          action={recordContributionAction}
        />
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t("importHeading")}</h2>
        <p>{t("importIntro", { rows: CSV_LIMITS.rows, size: CSV_LIMITS.bytes / 1000 })}</p>
        <details className="csv-columns">
          <summary>{t("columnsSummary")}</summary>
          <p>{t("columnsFirstLine")}</p>
          <pre dir="ltr">
            <code>{header}</code>
          </pre>
          <ul>
            <li>{t("columnRequired")}</li>
            <li>{t("columnCodes")}</li>
            <li>{t("columnQuestions", { count: questions.length })}</li>
            <li>{t("columnSpeakers")}</li>
          </ul>
        </details>
        <ImportForm
          callId={call.id}
          importKey={randomUUID()}
          check={checkImportAction}
          importAction={importContributionsAction}
        />
      </section>
    </>
  );
}

export default withClientMessages(
  ["Intake", "Errors", "Channel", "StakeholderGroup", "UnRegion", "CodingConsent", "ResponseForm"],
  IntakePage,
);
