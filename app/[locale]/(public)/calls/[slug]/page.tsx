import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { GlossaryTerms } from "@/components/calls/glossary-terms";
import { CallCycle } from "@/components/calls/call-cycle";
import { ParticipationTable } from "@/components/calls/participation-table";
import { PublicDownloads } from "@/components/exports/public-downloads";
import { FollowCall } from "@/components/notifications/follow-call";
import { Markdown } from "@/components/ui/markdown";
import { publicCall, publicCallCycle } from "@/lib/cache/public-reads";
import { withClientMessages } from "@/components/i18n/client-messages";
import { ContentLanguageNote, langProps } from "@/components/i18n/content-language";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One query per request for the metadata and the page. `original`: the call as written, not translated. */
const loadCall = cache(async (slug: string, original: boolean) => publicCall(slug, original ? undefined : await getLocale()));
const wantsOriginal = async (searchParams: Props["searchParams"]) => (await searchParams).original === "1";

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const call = await loadCall((await params).slug, await wantsOriginal(searchParams));
  return call ? { title: call.title } : {};
}

async function PublicCallPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const original = await wantsOriginal(searchParams);
  const call = await loadCall(slug, original);
  if (!call) notFound();
  const locale = await getLocale();
  const page = `/calls/${call.slug}`;
  const translated = original && (await loadCall(slug, false))?.language.translated;
  const t = await getTranslations("CallPage");
  const tStatus = await getTranslations("CallStatus");
  const tParticipation = await getTranslations("Participation");
  const tCycle = await getTranslations("Cycle");
  const open = call.status === "OPEN";
  const cycle = await publicCallCycle(call, original ? undefined : locale);

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link href="/">{t("home")}</Link>
      </nav>
      <h1 {...langProps(call.lang, locale)}>{call.title}</h1>
      <ContentLanguageNote
        language={call.language}
        originalHref={`${page}?original=1`}
        translatedHref={translated ? page : undefined}
      />
      <p className="meta">
        <span className="badge">{tStatus(call.status)}</span> {t("forum", { forum: call.forumName })}
      </p>
      {call.thematicTrack && <p className="meta">{t("track", { track: call.thematicTrack })}</p>}

      {open && (
        <p className="call-actions">
          <Link className="button" href={`/calls/${call.slug}/respond`}>
            {t("respond")}
          </Link>{" "}
          <span className="hint">{t("respondHint")}</span>
        </p>
      )}

      <section aria-labelledby="timeline">
        <h2 id="timeline">{tCycle("heading")}</h2>
        <p className="hint">{tCycle("intro")}</p>
        <CallCycle call={call} cycle={cycle} />
        <FollowCall callId={call.id} slug={call.slug} />
      </section>

      {call.introduction && (
        <section aria-labelledby="introduction">
          <h2 id="introduction">{t("introduction")}</h2>
          <div {...langProps(call.lang, locale)}>
            <Markdown source={call.introduction} />
          </div>
        </section>
      )}

      <section aria-labelledby="questions">
        <h2 id="questions">{t("questions")}</h2>
        <ol className="question-list">
          {call.questions.map((question) => (
            <li key={question.id}>
              <h3 {...langProps(question.lang, locale)}>{question.prompt}</h3>
              <p className="meta">{question.required ? t("required") : t("optional")}</p>
              {question.helpText && (
                <p className="hint" {...langProps(question.lang, locale)}>
                  {question.helpText}
                </p>
              )}
              {question.options.length > 0 && (
                <p className="hint">{t("choices", { choices: question.optionLabels.join(" · ") })}</p>
              )}
            </li>
          ))}
        </ol>
      </section>

      {call.glossary.length > 0 && (
        <section aria-labelledby="glossary">
          <h2 id="glossary">{t("glossary")}</h2>
          <p className="hint">{t("glossaryIntro")}</p>
          <GlossaryTerms terms={call.glossary} pageLocale={locale} />
        </section>
      )}

      <section aria-labelledby="participation">
        <h2 id="participation">{t("participation")}</h2>
        <p className="hint">{t("participationIntro")}</p>
        <ParticipationTable participation={call.participation} />
        <p>
          <Link href={`/calls/${call.slug}/participation`}>{tParticipation("participationLink")}</Link>
        </p>
      </section>

      <section aria-labelledby="responses">
        <h2 id="responses">{t("responses")}</h2>
        <ul className="link-list">
          <li>
            {call.publishedCount > 0 ? (
              <Link href={`/calls/${call.slug}/responses`}>{t("responsesLink", { count: call.publishedCount })}</Link>
            ) : (
              t("responsesLink", { count: 0 })
            )}
          </li>
          <li>
            <Link href={`/calls/${call.slug}/contributors`}>{t("contributorsLink")}</Link>
          </li>
        </ul>
      </section>

      <PublicDownloads slug={call.slug} />
    </>
  );
}

export default withClientMessages(["Deadline", "FollowCall"], PublicCallPage);
