import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { directionOf } from "@/lib/i18n/config";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { Attribution } from "@/components/responses/attribution";
import { HighlightedText } from "@/components/responses/highlighted-text";
import { LocalDate } from "@/components/ui/local-date";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { Pager } from "@/components/ui/pager";
import { publicCallSummary, publicResponses } from "@/lib/cache/public-reads";
import { oversizedSearch, publicResponseQuerySchema, SEARCH_MAX, type PublicResponseQuery } from "@/lib/responses/public-schemas";
import { InvalidQueryNotice } from "@/components/ui/invalid-query-notice";
import { SelectField } from "@/components/ui/select-field";
import { withClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadCall = cache((slug: string) => publicCallSummary(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const call = await loadCall((await params).slug);
  return call ? { title: (await getTranslations("PublicResponses"))("metaTitle", { title: call.title }) } : {};
}

/** The list's URL with the current filters and, for the page links, a cursor. */
function pageHref(slug: string, filters: PublicResponseQuery, cursor?: string) {
  const query = new URLSearchParams();
  for (const key of ["group", "region", "question", "q", "view", "campaign"] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  if (cursor) query.set("cursor", cursor);
  const search = query.toString();
  return `/calls/${slug}/responses${search ? `?${search}` : ""}`;
}

async function PublicResponsesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const call = await loadCall(slug);
  if (!call) notFound();
  const raw = await searchParams;
  const filters = publicResponseQuerySchema.parse(raw);
  // A search too long to run is said to be so and kept in the box; nothing is listed as if it matched.
  const tooLong = oversizedSearch(raw.q);
  // A question of another call is ignored, like any value that is not offered.
  const question = call.questions.find((q) => q.id === filters.question);
  const shown = { ...filters, question: question?.id };
  const result = tooLong
    ? null
    : await publicResponses(call.id, {
        group: shown.group,
        region: shown.region,
        questionId: question?.id,
        q: shown.q,
        cursor: shown.cursor,
        collapseCampaigns: shown.view !== "all",
        campaign: shown.campaign,
      });
  const t = await getTranslations("PublicResponses");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const tCall = await getTranslations("CallPage");
  const tCampaigns = await getTranslations("PublicCampaigns");
  // Links that keep the filters but change the campaign view (and start again at the first page).
  const viewHref = (view: PublicResponseQuery["view"]) => pageHref(call.slug, { ...shown, view, campaign: undefined });
  const filtered = Boolean(shown.group || shown.region || shown.question || shown.q);

  return (
    <>
      <nav aria-label={tCall("breadcrumb")} className="breadcrumb">
        <Link href={`/calls/${call.slug}`}>{t("backToCall")}</Link>
      </nav>
      <h1>{t("title", { title: call.title })}</h1>
      {shown.campaign && (
        <section aria-labelledby="campaign-title" className="notice">
          <h2 id="campaign-title">{tCampaigns("campaignTitle")}</h2>
          <p>{tCampaigns("campaignHint")}</p>
          <p>
            <Link href={viewHref(shown.view)}>{tCampaigns("backToAll")}</Link>
          </p>
        </section>
      )}

      <InvalidQueryNotice />
      <form method="get" role="search" aria-labelledby="filters-title" className="filters">
        <h2 id="filters-title" className="visually-hidden">
          {t("filters")}
        </h2>
        {shown.view && <input type="hidden" name="view" value={shown.view} />}
        {shown.campaign && <input type="hidden" name="campaign" value={shown.campaign} />}
        <SelectField
          id="filter-group"
          name="group"
          label={t("group")}
          anyLabel={t("anyGroup")}
          value={shown.group}
          options={STAKEHOLDER_GROUPS.map((group) => ({ value: group, label: tGroup(group) }))}
        />
        <SelectField
          id="filter-region"
          name="region"
          label={t("region")}
          anyLabel={t("anyRegion")}
          value={shown.region}
          options={UN_REGIONS.map((region) => ({ value: region, label: tRegion(region) }))}
        />
        <div className="field">
          <label htmlFor="filter-question">{t("question")}</label>
          <select id="filter-question" name="question" defaultValue={shown.question ?? ""}>
            <option value="">{t("anyQuestion")}</option>
            {call.questions.map((q) => (
              <option key={q.id} value={q.id}>
                {`${q.position}. ${q.prompt}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field filters-search">
          <label htmlFor="filter-q">{t("search")}</label>
          <input
            id="filter-q"
            name="q"
            type="search"
            maxLength={tooLong ? undefined : SEARCH_MAX}
            defaultValue={tooLong ?? shown.q ?? ""}
            aria-invalid={tooLong ? true : undefined}
            aria-describedby={tooLong ? "filter-q-error filter-q-hint" : "filter-q-hint"}
          />
          {tooLong && (
            <p id="filter-q-error" className="field-error" role="alert">
              {t("searchTooLong", { length: tooLong.length, max: SEARCH_MAX })}
            </p>
          )}
          <p id="filter-q-hint" className="hint">
            {t("searchHint")}
          </p>
        </div>
        <p className="filters-actions">
          <button type="submit" className="button">
            {t("apply")}
          </button>{" "}
          {filtered && <Link href={`/calls/${call.slug}/responses`}>{t("clear")}</Link>}
        </p>
      </form>

      {result && (
        <p role="status" className="result-count">
          {result.totalExact ? t("count", { count: result.total }) : t("countMore", { count: result.total })}
        </p>
      )}
      {result && result.total === 0 && filtered && <p>{t("noResults")}</p>}
      {result && !shown.campaign && result.hasCampaigns && (
        <p className="meta">
          {shown.view === "all" ? tCampaigns("expanded") : tCampaigns("collapsed")}{" "}
          <Link href={viewHref(shown.view === "all" ? undefined : "all")}>
            {shown.view === "all" ? tCampaigns("showCollapsed") : tCampaigns("showAll")}
          </Link>
        </p>
      )}

      {result && result.items.length > 0 && (
        <ol className="result-list">
          {result.items.map((item) => (
            <li key={item.id} className="card">
              <h2>
                <Link href={`/responses/${item.reference}`}>{t("read", { reference: item.reference ?? "" })}</Link>
              </h2>
              <p className="meta">
                <Attribution
                  attribution={item.attribution}
                  stakeholderGroup={item.stakeholderGroup}
                  region={item.region}
                  channel={item.channel}
                />
              </p>
              {item.submittedAt && (
                <p className="meta">
                  {t.rich("submitted", { time: () => <LocalDate date={item.submittedAt!} timeZone={call.timeZone} /> })}
                </p>
              )}
              {question && <p className="meta">{t("answerTo", { question: question.prompt })}</p>}
              {item.excerpt && (
                <p className="excerpt" lang={item.language} dir={directionOf(item.language)}>
                  <HighlightedText text={item.excerpt} />
                </p>
              )}
              {item.campaign && (
                <p className="meta">
                  <Link href={pageHref(call.slug, { ...shown, campaign: item.campaign.id })}>
                    {tCampaigns("similar", { count: item.campaign.similar })}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}

      {result && (
        <Pager
          label={t("pages")}
          previous={result.previous ? { href: pageHref(call.slug, shown, result.previous), label: t("previous") } : null}
          next={result.next ? { href: pageHref(call.slug, shown, result.next), label: t("next") } : null}
        />
      )}
    </>
  );
}

export default withClientMessages(["Deadline"], PublicResponsesPage);
