// Above the published messages: which version this is, when it was published, what changed, and the way
// to earlier versions.
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import { previousPublishedNumber } from "@/lib/messages/history";
import type { PublishedMessageSet } from "@/lib/messages/public";

export async function VersionBar({ set }: { set: PublishedMessageSet }) {
  const t = await getTranslations("PublicVersions");
  const v = set.version;
  const base = `/messages/${set.slug}`;
  const previous = await previousPublishedNumber(set.id, v.number);
  const time = () => <LocalDate date={v.publishedAt} timeZone={set.timeZone} />;
  return (
    <aside className="notice" aria-label={t("versionN", { n: v.number })}>
      <p>
        {v.finalisedAt ? t.rich("finalBar", { n: v.number, time }) : t.rich("bar", { n: v.number, time })}
        {v.summary && v.number > 1 && <> · {t("summary", { summary: v.summary })}</>}
      </p>
      <p>
        {previous && (
          <>
            <Link href={`${base}/compare?from=${previous}&to=${v.number}`}>{t("compareWith", { n: previous })}</Link>
            {" · "}
          </>
        )}
        <Link href={`${base}/versions`}>{t("allVersions")}</Link>
      </p>
    </aside>
  );
}
