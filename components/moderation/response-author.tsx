// Who wrote a response, for its moderators (lib/moderation/author.ts): the account's name and email, the
// identity the response was filed under, and the consent the author chose with what it shows the public.
// "Account deleted" once the author deleted their account. Names, emails and organisations are isolated
// in <bdi>. `compact` lays the pairs out side by side, for an item of the moderation queue.
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { UserText } from "@/components/ui/user-text";
import type { ResponseAuthor } from "@/lib/moderation/author";
import { countryName } from "@/lib/profile/countries";
import styles from "./response-author.module.css";

type Props = { author: ResponseAuthor; compact?: boolean };
type Row = { key: string; label: string; value: ReactNode };

export async function ResponseAuthorDetails({ author, compact = false }: Props) {
  const [t, tGroup, tRegion, tConsent, locale] = await Promise.all([
    getTranslations("ResponseAuthor"),
    getTranslations("StakeholderGroup"),
    getTranslations("UnRegion"),
    getTranslations("CodingConsent"),
    getLocale(),
  ]);
  const none = t("none");
  const text = (value: string | null) => (value ? <UserText>{value}</UserText> : none);
  const consent = author.consent && (
    <>
      {tConsent(author.consent)}
      <span className={styles.hint}>{t(`publicSees.${author.consent}`)}</span>
    </>
  );
  const rows: Row[] = [
    { key: "name", label: t("name"), value: author.account ? text(author.account.name) : <em>{t("deleted")}</em> },
    { key: "email", label: t("email"), value: author.account ? text(author.account.email) : none },
    { key: "organisation", label: t("organisation"), value: text(author.organisation) },
    ...(author.onBehalfOf ? [{ key: "onBehalfOf", label: t("onBehalfOf"), value: text(author.onBehalfOf) }] : []),
    { key: "group", label: t("group"), value: author.stakeholderGroup ? tGroup(author.stakeholderGroup) : none },
    { key: "region", label: t("region"), value: author.region ? tRegion(author.region) : none },
    { key: "country", label: t("country"), value: author.country ? countryName(author.country, locale) : none },
    { key: "consent", label: t("consent"), value: consent || none },
  ];
  return (
    <dl className={compact ? styles.compact : styles.author}>
      {rows.map(({ key, label, value }) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
