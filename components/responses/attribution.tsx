import { getTranslations } from "next-intl/server";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { Attribution as AttributionData } from "@/lib/responses/public";

/** Who wrote a published response, as far as its author's consent allows: name or group and region only. */
export async function Attribution({
  attribution,
  stakeholderGroup,
  region,
}: {
  attribution: AttributionData;
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
}) {
  const t = await getTranslations("Attribution");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const groupRegion =
    stakeholderGroup && region
      ? t("groupRegion", { group: tGroup(stakeholderGroup), region: tRegion(region) })
      : (stakeholderGroup && tGroup(stakeholderGroup)) || (region && tRegion(region)) || "";
  if (attribution.kind === "anonymous") {
    return (
      <>
        <span className="attribution">{t("anonymous")}</span>
        {groupRegion && <> · {groupRegion}</>}
      </>
    );
  }
  const parts = [
    attribution.name ? t("named", { name: attribution.name }) : t("unnamed"),
    attribution.organisation,
    attribution.onBehalfOf && t("onBehalfOf", { onBehalfOf: attribution.onBehalfOf }),
    groupRegion,
  ].filter(Boolean);
  return <span className="attribution">{parts.join(" · ")}</span>;
}
