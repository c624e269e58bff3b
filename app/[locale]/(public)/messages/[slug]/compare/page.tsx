import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { CompareForm, readCompareParams } from "@/components/messages/compare-form";
import { VersionDiff } from "@/components/messages/version-diff";
import { publicComparison, publicVersions } from "@/lib/cache/public-reads";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache((slug: string) => (slug.length <= 100 ? publicVersions(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const set = await load(decodeURIComponent((await params).slug));
  return set ? { title: (await getTranslations("PublicVersions"))("compareTitle", { title: set.title }) } : {};
}

export default async function CompareVersionsPage({ params, searchParams }: Props) {
  const set = await load(decodeURIComponent((await params).slug));
  if (!set) notFound();
  const t = await getTranslations("PublicVersions");
  const chosen = readCompareParams(await searchParams);
  const numbers = set.versions.map((v) => v.number);
  const to = chosen.to ?? numbers[0]!;
  const from = chosen.from ?? numbers.find((n) => n < to) ?? numbers[numbers.length - 1]!;
  const unknown = [from, to].find((n) => !numbers.includes(n));
  const compared = !unknown && from !== to ? await publicComparison(set.id, from, to) : null;
  const base = `/messages/${set.slug}`;
  return (
    <>
      <p>
        <Link href={base}>{t("readCurrent")}</Link> · <Link href={`${base}/versions`}>{t("allVersions")}</Link>
      </p>
      <h1>{t("compareTitle", { title: set.title })}</h1>
      {numbers.length < 2 ? (
        <p>{t("onlyOne")}</p>
      ) : (
        <CompareForm
          action={`${base}/compare`}
          versions={set.versions.map((v) => ({ number: v.number, label: t("versionN", { n: v.number }) }))}
          from={numbers.includes(from) ? from : null}
          to={numbers.includes(to) ? to : null}
          view={chosen.view}
        />
      )}
      {unknown !== undefined && (
        <p className="notice error" role="alert">
          {t("unknownVersion", { n: unknown })}
        </p>
      )}
      {!unknown && numbers.length >= 2 && from === to && (
        <p className="notice error" role="alert">
          {t("sameVersion")}
        </p>
      )}
      {compared && (
        <>
          {compared.to.summary && <p>{t("summaryOf", { n: compared.to.number, summary: compared.to.summary })}</p>}
          <VersionDiff compared={compared} view={chosen.view} slug={set.slug} />
        </>
      )}
    </>
  );
}
