import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { LocalDate } from "@/components/ui/local-date";
import { UserText } from "@/components/ui/user-text";
import { publicVersions } from "@/lib/cache/public-reads";
import { withClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ slug: string }> };

const load = cache((slug: string) => (slug.length <= 100 ? publicVersions(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const set = await load(decodeURIComponent((await params).slug));
  return set ? { title: (await getTranslations("PublicVersions"))("versionsTitle", { title: set.title }) } : {};
}

/** A date in the call's zone; periods (`reader`) also in the reader's. */
function timeIn(timeZone: string, reader = false) {
  return (date: Date) =>
    function Time() {
      return <LocalDate date={date} timeZone={timeZone} reader={reader} />;
    };
}

async function MessageVersionsPage({ params }: Props) {
  const set = await load(decodeURIComponent((await params).slug));
  if (!set) notFound();
  const t = await getTranslations("PublicVersions");
  const base = `/messages/${set.slug}`;
  const time = timeIn(set.timeZone);
  const period = timeIn(set.timeZone, true);
  return (
    <>
      <p>
        <Link href={base}>{t("readCurrent")}</Link>
      </p>
      <h1>{t("versionsTitle", { title: set.title })}</h1>
      <p className="lead">{t("versionsLead")}</p>
      <ol reversed>
        {set.versions.map((v, index) => {
          const previous = set.versions[index + 1];
          const early = v.earlyEnd;
          const reason = () => <UserText>{early?.reason}</UserText>;
          return (
            <li key={v.id} id={`version-${v.number}`}>
              <h2>
                {t("versionN", { n: v.number })}
                {v.finalisedAt && (
                  <>
                    {" "}
                    <span className="badge">{t("final")}</span>
                  </>
                )}
              </h2>
              <p className="meta">{t.rich("published", { time: time(v.publishedAt) })}</p>
              <p>{v.summary ? t("summary", { summary: v.summary }) : t("noSummary")}</p>
              <p className="meta">
                {v.commentPeriod === "open" && t.rich("periodOpen", { time: period(v.commentClosesAt!) })}
                {v.commentPeriod === "upcoming" &&
                  t.rich("periodUpcoming", { opens: period(v.commentOpensAt!), closes: period(v.commentClosesAt!) })}
                {v.commentPeriod === "closed" &&
                  (early && !early.cancelled
                    ? t.rich("periodClosedEarly", { time: period(early.at), reason })
                    : t.rich("periodClosed", { time: period(v.commentClosesAt!) }))}
                {v.commentPeriod === "none" &&
                  (early?.cancelled ? t.rich("periodCancelled", { time: period(early.at), reason }) : t("noPeriod"))}
              </p>
              {previous && (
                <p>
                  <Link href={`${base}/compare?from=${previous.number}&to=${v.number}`}>
                    {t("compareWithPrevious", { n: previous.number })}
                  </Link>
                  <span className="visually-hidden"> ({t("versionN", { n: v.number })})</span>
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

export default withClientMessages(["Deadline"], MessageVersionsPage);
