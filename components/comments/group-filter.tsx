// The stakeholder-group filter of the comment pages: a plain GET form (works without JavaScript).
import { getTranslations } from "next-intl/server";
import { StakeholderGroup } from "@/lib/generated/prisma/enums";

export async function GroupFilter({ group, anchor }: { group?: StakeholderGroup; anchor?: string }) {
  const t = await getTranslations("Comments");
  const tGroup = await getTranslations("StakeholderGroup");
  return (
    <form
      method="get"
      className="inline-form"
      action={anchor ? `#${anchor}` : undefined}
      role="search"
      aria-label={t("filterLabel")}
    >
      <label htmlFor="group-filter">{t("filterGroup")}</label>
      <select id="group-filter" name="group" defaultValue={group ?? ""}>
        <option value="">{t("allGroups")}</option>
        {Object.values(StakeholderGroup).map((value) => (
          <option key={value} value={value}>
            {tGroup(value)}
          </option>
        ))}
      </select>
      <button type="submit" className="button secondary">
        {t("filter")}
      </button>
    </form>
  );
}
