// The workbench's filters: a plain GET form, so a filtered list has its own address and works without
// JavaScript.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ExcerptFilters as Filters } from "@/lib/curation/schemas";
import { CURATION_LIMITS } from "@/lib/curation/schemas";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";

type Props = { callId: string; tags: { id: string; name: string }[]; filters: Filters };

export async function ExcerptFilters({ callId, tags, filters }: Props) {
  const t = await getTranslations("Coding");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  return (
    <form method="get" className="filters" aria-label={t("filtersLegend")}>
      <div className="field">
        <label htmlFor="filter-tag">{t("filterTag")}</label>
        <select id="filter-tag" name="tag" defaultValue={filters.tag ?? ""}>
          <option value="">{t("any")}</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>{tag.name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-group">{t("filterGroup")}</label>
        <select id="filter-group" name="group" defaultValue={filters.group ?? ""}>
          <option value="">{t("any")}</option>
          {STAKEHOLDER_GROUPS.map((group) => (
            <option key={group} value={group}>{tGroup(group)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-region">{t("filterRegion")}</label>
        <select id="filter-region" name="region" defaultValue={filters.region ?? ""}>
          <option value="">{t("any")}</option>
          {UN_REGIONS.map((region) => (
            <option key={region} value={region}>{tRegion(region)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-q">{t("filterText")}</label>
        <input id="filter-q" name="q" type="search" maxLength={CURATION_LIMITS.query} defaultValue={filters.q ?? ""} />
      </div>
      <div className="filters-actions">
        <button type="submit" className="button">{t("filter")}</button>
        <Link href={`/moderation/calls/${callId}/coding`}>{t("clearFilters")}</Link>
      </div>
    </form>
  );
}
