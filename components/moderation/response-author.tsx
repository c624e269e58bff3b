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
  const [t, tGroup, tRegion, tConsent, tChannel, locale] = await Promise.all([
    getTranslations("ResponseAuthor"),
    getTranslations("StakeholderGroup"),
    getTranslations("UnRegion"),
    getTranslations("CodingConsent"),
    getTranslations("Channel"),
    getLocale(),
  ]);
  const recorded = author.channel !== "FORM";
  const none = t("none");
  const text = (value: string | null) => (value ? <UserText>{value}</UserText> : none);
  const consent = author.consent && (
    <>
      {tConsent(author.consent)}
      <span className={styles.hint}>{t(`publicSees.${author.consent}`)}</span>
    </>
  );
  // A recorded contribution is named as received; without an email address it never had an account.
  const name = author.contributorName ?? author.account?.name ?? null;
  const rows: Row[] = [
    { key: "name", label: t("name"), value: author.account || recorded ? text(name) : <em>{t("deleted")}</em> },
    { key: "email", label: t("email"), value: author.account ? text(author.account.email) : none },
    { key: "organisation", label: t("organisation"), value: text(author.organisation) },
    ...(author.onBehalfOf ? [{ key: "onBehalfOf", label: t("onBehalfOf"), value: text(author.onBehalfOf) }] : []),
    { key: "group", label: t("group"), value: author.stakeholderGroup ? tGroup(author.stakeholderGroup) : none },
    { key: "region", label: t("region"), value: author.region ? tRegion(author.region) : none },
    { key: "country", label: t("country"), value: author.country ? countryName(author.country, locale) : none },
    { key: "consent", label: t("consent"), value: consent || none },
    ...(recorded
      ? [
          {
            key: "channel",
            label: t("channel"),
            value: (
              <>
                {tChannel(`received.${author.channel}`)}
                {author.enteredBy && (
                  <span className={styles.hint}>
                    {t.rich("enteredBy", { name: () => <UserText>{author.enteredBy}</UserText> })}
                  </span>
                )}
              </>
            ),
          },
        ]
      : []),
    ...(author.speakers.length
      ? [
          {
            key: "speakers",
            label: t("speakers"),
            value: author.speakers
              .map((s) => tChannel("speakersOfGroup", { group: tGroup(s.stakeholderGroup), count: s.count }))
              .join(", "),
          },
        ]
      : []),
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
