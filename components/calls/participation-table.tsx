import { getFormatter, getTranslations } from "next-intl/server";
import { ParticipationMatrix } from "@/components/insights/participation-matrix";
import { ParticipationTotals } from "@/components/insights/participation-totals";
import type { PublicFigures } from "@/lib/insights/public-figures";
import { SMALL_CELL } from "@/lib/insights/suppression";

/**
 * Submitted responses by stakeholder group and by UN region, then by both, and who has not been heard yet:
 * the figures as the domain made them fit for the public (small cells suppressed, zeros shown).
 */
export async function ParticipationTable({ participation }: { participation: PublicFigures }) {
  const t = await getTranslations("CallPage");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const format = await getFormatter();
  const tRule = await getTranslations("Participation");
  const { table, groupsNotHeard, regionsNotHeard } = participation;
  return (
    <>
      <ParticipationTotals values={table} />
      <p className="hint">{tRule("crossHint")}</p>
      <ParticipationMatrix figures={table} caption={t("participationCaption")} />
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
