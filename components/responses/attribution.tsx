import { getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { UserText } from "@/components/ui/user-text";
import type { ContributionChannel, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { Attribution as AttributionData } from "@/lib/responses/public";

/**
 * Who wrote a published response, as far as its author's consent allows: name or group and region only,
 * and how it was received when not through the form ("Received by email", "Summary of a session"). The name
 * and organisations are isolated (`<bdi>`), so their direction cannot leak into the line.
 */
export async function Attribution({
  attribution,
  stakeholderGroup,
  region,
  channel = "FORM",
}: {
  attribution: AttributionData;
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
  channel?: ContributionChannel;
}) {
  const t = await getTranslations("Attribution");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const tChannel = await getTranslations("Channel");
  const received = channel !== "FORM" && <span className="channel">{tChannel(`received.${channel}`)}</span>;
  const groupRegion =
    stakeholderGroup && region
      ? t("groupRegion", { group: tGroup(stakeholderGroup), region: tRegion(region) })
      : (stakeholderGroup && tGroup(stakeholderGroup)) || (region && tRegion(region)) || "";
  if (attribution.kind === "anonymous") {
    return (
      <>
        <span className="attribution">{t("anonymous")}</span>
        {groupRegion && <> · {groupRegion}</>}
        {received && <> · {received}</>}
      </>
    );
  }
  const { name, organisation, onBehalfOf } = attribution;
  const parts: ReactNode[] = [
    name ? t.rich("named", { name: () => <UserText>{name}</UserText> }) : t("unnamed"),
    organisation && <UserText>{organisation}</UserText>,
    onBehalfOf && t.rich("onBehalfOf", { org: () => <UserText>{onBehalfOf}</UserText> }),
    groupRegion,
    received,
  ].filter(Boolean);
  return (
    <span className="attribution">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && " · "}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
