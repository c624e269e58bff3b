// The side panel: excerpts and whole responses of the call that may be cited, searched by words (or a
// receipt number), tag, stakeholder group and region (a plain GET form), each with "Cite in paragraph …".
import { getTranslations } from "next-intl/server";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { MESSAGE_LIMITS, type SourceSearch } from "@/lib/messages/schemas";
import { directionOf } from "@/lib/i18n/config";
import type { listCitableCampaigns, searchExcerpts, searchResponses } from "@/lib/messages/sources";
import { citeAction } from "@/lib/messages/actions";
import { CITE_MANY_FORM_ID } from "@/lib/messages/cite-many-schema";
import { ActionButton } from "./action-button";
import { CiteManyForm } from "./cite-many-form";
import styles from "./message-editor.module.css";
import { SelectField } from "@/components/ui/select-field";

type Props = {
  setId: string;
  search: SourceSearch;
  tags: { id: string; name: string }[];
  excerpts: Awaited<ReturnType<typeof searchExcerpts>>;
  responses: Awaited<ReturnType<typeof searchResponses>>;
  campaigns: Awaited<ReturnType<typeof listCitableCampaigns>>;
  paragraphs: { id: string; number: number }[];
};

export async function SourcePanel({ setId, search, tags, excerpts, responses, campaigns, paragraphs }: Props) {
  const t = await getTranslations("MessageEditor");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const options = paragraphs.map((p) => ({ value: p.id, label: t("paragraphN", { n: p.number }) }));
  // The paragraph the moderator came from ("Find sources for paragraph n"): every "Cite in" chooses it.
  const target = paragraphs.find((p) => p.id === search.for);
  const citeForm = (hidden: Record<string, string>, reference: string) =>
    options.length ? (
      <ActionButton
        action={citeAction}
        hidden={hidden}
        label={t("cite")}
        context={reference}
        choice={{ name: "paragraphId", label: `${t("citeIn")} (${reference})`, options, value: target?.id }}
      />
    ) : null;
  const who = (group: string | null, region: string | null) =>
    [group && tGroup(group), region && tRegion(region)].filter(Boolean).join(" · ");

  return (
    <aside aria-labelledby="sources-heading" className={styles.sources}>
      <h2 id="sources-heading">{t("findSources")}</h2>
      {target && <p className="notice">{t("findingFor", { n: target.number })}</p>}
      <form method="get" action={`/moderation/messages/${encodeURIComponent(setId)}`} role="search">
        {target && <input type="hidden" name="for" value={target.id} />}
        <div className="field">
          <label htmlFor="source-q">{t("search")}</label>
          <input id="source-q" name="q" type="search" maxLength={MESSAGE_LIMITS.search} defaultValue={search.q ?? ""} />
        </div>
        <SelectField
          id="source-tag"
          name="tag"
          label={t("tag")}
          anyLabel={t("any")}
          value={search.tag}
          options={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
        />
        <SelectField
          id="source-group"
          name="group"
          label={t("group")}
          anyLabel={t("any")}
          value={search.group}
          options={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: tGroup(g) }))}
        />
        <SelectField
          id="source-region"
          name="region"
          label={t("region")}
          anyLabel={t("any")}
          value={search.region}
          options={UN_REGIONS.map((r) => ({ value: r, label: tRegion(r) }))}
        />
        <button type="submit" className="button secondary">
          {t("searchButton")}
        </button>
      </form>
      {options.length === 0 && <p className="hint">{t("needParagraph")}</p>}

      <h3>{t("excerpts")}</h3>
      {excerpts.length > 0 && options.length > 0 && <CiteManyForm paragraphs={options} target={target?.id} />}
      {excerpts.length === 0 ? (
        <p>{t("noExcerpts")}</p>
      ) : (
        <ul aria-label={t("excerpts")}>
          {excerpts.map((e) => (
            <li key={e.id}>
              {options.length > 0 && (
                <p className={styles.tick}>
                  <input type="checkbox" id={`tick-${e.id}`} name="excerptIds" value={e.id} form={CITE_MANY_FORM_ID} />
                  <label htmlFor={`tick-${e.id}`}>{t("tickExcerpt", { reference: e.response.reference ?? "" })}</label>
                </p>
              )}
              <blockquote className={styles.quote} lang={e.response.language} dir={directionOf(e.response.language)}>
                {e.quote}
              </blockquote>
              <p className="meta">
                {e.response.reference} · {t("question", { n: e.question.position })} ·{" "}
                {who(e.response.stakeholderGroup, e.response.region)}
                {e.tags.length > 0 && ` · ${e.tags.join(", ")}`}
              </p>
              {citeForm({ excerptId: e.id }, `${e.response.reference ?? ""}: ${e.quote.slice(0, 60)}`)}
            </li>
          ))}
        </ul>
      )}

      <h3>{t("responses")}</h3>
      {responses.length === 0 ? (
        <p>{t("noResponses")}</p>
      ) : (
        <ul aria-label={t("responses")}>
          {responses.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{r.reference}</strong> <span className="meta">{who(r.stakeholderGroup, r.region)}</span>
              </p>
              {r.snippet && (
                <p className="meta" lang={r.language} dir={directionOf(r.language)}>
                  {r.snippet}
                </p>
              )}
              {citeForm({ responseId: r.id }, `${r.reference ?? ""}, ${t("wholeResponse")}`)}
            </li>
          ))}
        </ul>
      )}

      {/* A campaign is cited as one source: its first public response, "with N signatories". */}
      <h3>{t("campaigns")}</h3>
      {campaigns.length === 0 ? (
        <p>{t("noCampaigns")}</p>
      ) : (
        <ul aria-label={t("campaigns")}>
          {campaigns.map((c) => {
            const name = c.question
              ? t("campaignInQuestion", { signatories: c.signatories, n: c.question })
              : t("campaignOf", { signatories: c.signatories });
            return (
              <li key={c.id}>
                <p>
                  <strong>{name}</strong>
                </p>
                {c.snippet && (
                  <p className="meta" lang={c.language} dir={directionOf(c.language)}>
                    {c.snippet}
                  </p>
                )}
                {citeForm({ clusterId: c.id }, name)}
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
