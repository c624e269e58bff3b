import { getFormatter, getTranslations } from "next-intl/server";
import { ParticipationMatrix } from "@/components/insights/participation-matrix";
import { ParticipationTotals } from "@/components/insights/participation-totals";
import { SMALL_CELL, suppressSmallCells } from "@/lib/insights/suppression";
import type { Participation } from "@/lib/responses/public";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";

/**
 * Submitted responses by stakeholder group and by UN region, then by both (small cells suppressed), and who
 * has not been heard yet.
 */
export async function ParticipationTable({ participation }: { participation: Participation }) {
  const t = await getTranslations("CallPage");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const format = await getFormatter();
  const tRule = await getTranslations("Participation");
  const { cells, groupsNotHeard, regionsNotHeard } = participation;
  // The public sees small cells suppressed (lib/insights/suppression.ts); zeros, and so who is missing, stay.
  const table = suppressSmallCells(STAKEHOLDER_GROUPS, UN_REGIONS, cells);
  return (
    <>
      <ParticipationTotals values={table} />
      <p className="hint">{tRule("crossHint")}</p>
      <ParticipationMatrix values={table} caption={t("participationCaption")} />
      <p className="hint">{tRule("ruleShort", { n: SMALL_CELL })}</p>
      <p className="not-heard">
        {groupsNotHeard.length
          ? t("notHeard", {
              groups: format.list(
                groupsNotHeard.map((group) => tGroup(group)),
                { type: "conjunction" },
              ),
            })
          : t("allHeard")}
      </p>
      {regionsNotHeard.length > 0 && (
        <p className="not-heard">
          {t("regionsNotHeard", {
            regions: format.list(
              regionsNotHeard.map((region) => tRegion(region)),
              { type: "conjunction" },
            ),
          })}
        </p>
      )}
    </>
  );
}
