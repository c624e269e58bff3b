// The workbench's filters: a plain GET form, so a filtered list has its own address and works without
// JavaScript.
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import type { ExcerptFilters as Filters } from "@/lib/curation/schemas";
import { CURATION_LIMITS } from "@/lib/curation/schemas";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { SelectField } from "@/components/ui/select-field";

type Props = { callId: string; tags: { id: string; name: string }[]; filters: Filters };

export async function ExcerptFilters({ callId, tags, filters }: Props) {
  const t = await getTranslations("Coding");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  return (
    <form method="get" className="filters" aria-label={t("filtersLegend")}>
      <SelectField
        id="filter-tag"
        name="tag"
        label={t("filterTag")}
        anyLabel={t("any")}
        value={filters.tag}
        options={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
      />
      <SelectField
        id="filter-group"
        name="group"
        label={t("filterGroup")}
        anyLabel={t("any")}
        value={filters.group}
        options={STAKEHOLDER_GROUPS.map((group) => ({ value: group, label: tGroup(group) }))}
      />
      <SelectField
        id="filter-region"
        name="region"
        label={t("filterRegion")}
        anyLabel={t("any")}
        value={filters.region}
        options={UN_REGIONS.map((region) => ({ value: region, label: tRegion(region) }))}
      />
      <div className="field">
        <label htmlFor="filter-q">{t("filterText")}</label>
        <input id="filter-q" name="q" type="search" maxLength={CURATION_LIMITS.query} defaultValue={filters.q ?? ""} />
      </div>
      <div className="filters-actions">
        <button type="submit" className="button">
          {t("filter")}
        </button>
        <Link href={`/moderation/calls/${callId}/coding`}>{t("clearFilters")}</Link>
      </div>
    </form>
  );
}
