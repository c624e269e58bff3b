import { getFormatter, getTranslations } from "next-intl/server";
import type { Participation } from "@/lib/responses/public";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";

/** Submitted responses by stakeholder group × UN region, with totals and who has not been heard yet. */
export async function ParticipationTable({ participation }: { participation: Participation }) {
  const t = await getTranslations("CallPage");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const format = await getFormatter();
  const { cells, groupTotals, regionTotals, total, groupsNotHeard, regionsNotHeard } = participation;
  return (
    <>
      <div className="table-wrap">
        <table className="participation">
          <caption>{t("participationCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("group")}</th>
              {UN_REGIONS.map((region) => (
                <th scope="col" key={region}>
                  {tRegion(region)}
                </th>
              ))}
              <th scope="col">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {STAKEHOLDER_GROUPS.map((group) => (
              <tr key={group}>
                <th scope="row">{tGroup(group)}</th>
                {UN_REGIONS.map((region) => (
                  <td key={region}>{cells[group][region]}</td>
                ))}
                <td>{groupTotals[group]}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("total")}</th>
              {UN_REGIONS.map((region) => (
                <td key={region}>{regionTotals[region]}</td>
              ))}
              <td>{total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="not-heard">
        {groupsNotHeard.length
          ? t("notHeard", { groups: format.list(groupsNotHeard.map((group) => tGroup(group)), { type: "conjunction" }) })
          : t("allHeard")}
      </p>
      {regionsNotHeard.length > 0 && (
        <p className="not-heard">
          {t("regionsNotHeard", {
            regions: format.list(regionsNotHeard.map((region) => tRegion(region)), { type: "conjunction" }),
          })}
        </p>
      )}
    </>
  );
}
