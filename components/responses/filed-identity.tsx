// The identity a response is filed under (or a profile offers): stakeholder group, region, country,
// organisation and "on behalf of". Shown on the receipt, in "My contributions" and in the edit form's choice
// between the identity as filed and the profile now. No hooks beyond translations: usable on server and client.
import { useLocale, useTranslations } from "next-intl";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { countryName } from "@/lib/profile/countries";

export type IdentityView = {
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
  country: string | null;
  organisation: string | null;
  onBehalfOf: string | null;
};

export function FiledIdentity({ identity, id }: { identity: IdentityView; id?: string }) {
  const t = useTranslations("FiledIdentity");
  const tGroup = useTranslations("StakeholderGroup");
  const tRegion = useTranslations("UnRegion");
  const locale = useLocale();
  const rows: [string, string | null][] = [
    [t("group"), identity.stakeholderGroup && tGroup(identity.stakeholderGroup)],
    [t("region"), identity.region && tRegion(identity.region)],
    [t("country"), identity.country && countryName(identity.country, locale)],
    [t("organisation"), identity.organisation],
    [t("onBehalfOf"), identity.onBehalfOf],
  ];
  return (
    <dl className="receipt filed-identity" id={id}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value || t("none")}</dd>
        </div>
      ))}
    </dl>
  );
}
