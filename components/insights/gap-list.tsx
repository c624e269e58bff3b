// The gaps of a call's participation, in words.
import { getTranslations } from "next-intl/server";
import type { Gap } from "@/lib/insights/gaps";
import styles from "./insights.module.css";

export async function GapList({ gaps }: { gaps: readonly Gap[] }) {
  const t = await getTranslations("Gaps");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  if (gaps.length === 0) return <p>{t("none")}</p>;
  const sentence = (gap: Gap) => {
    switch (gap.kind) {
      case "groupBelowShare":
        return gap.count === 0
          ? t("groupMissing", { group: tGroup(gap.group), target: gap.target })
          : t("groupBelow", { group: tGroup(gap.group), count: gap.count, share: gap.share, target: gap.target });
      case "regionMissing":
        return t("regionMissing", { region: tRegion(gap.region) });
      case "cellMissing":
        return t("cellMissing", { group: tGroup(gap.group), region: tRegion(gap.region) });
    }
  };
  return (
    <ul className={styles.gaps}>
      {gaps.map((gap) => {
        const key = `${gap.kind}-${"group" in gap ? gap.group : ""}-${"region" in gap ? gap.region : ""}`;
        return <li key={key}>{sentence(gap)}</li>;
      })}
    </ul>
  );
}
