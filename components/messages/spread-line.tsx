// Beside a paragraph: who it draws on, by stakeholder group (all six) and region, and a visible warning
// when it rests on a single group or on nothing.
import { getTranslations } from "next-intl/server";
import { spreadGroupsText, spreadRegionsText, type Spread } from "@/lib/messages/spread";
import styles from "./message-editor.module.css";

export async function SpreadLine({ spread }: { spread: Spread }) {
  const t = await getTranslations("MessageEditor");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  return (
    <>
      <p className={styles.spread}>
        {t("spreadGroups", { groups: spreadGroupsText(spread, (g) => tGroup(g)) })}{" "}
        {t("spreadRegions", { regions: spreadRegionsText(spread, (r) => tRegion(r)) })}
      </p>
      {spread.noSources && <p className={styles.warning}>{t("noSources")}</p>}
      {spread.singleGroup && <p className={styles.warning}>{t("singleGroup", { group: tGroup(spread.singleGroup) })}</p>}
    </>
  );
}
