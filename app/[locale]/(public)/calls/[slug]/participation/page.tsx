import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { GroupBarChart } from "@/components/insights/group-bar-chart";
import { GrowthChart } from "@/components/insights/growth-chart";
import styles from "@/components/insights/insights.module.css";
import { ParticipationMatrix } from "@/components/insights/participation-matrix";
import { ParticipationTotals } from "@/components/insights/participation-totals";
import { publicParticipation } from "@/lib/cache/public-reads";
import { SMALL_CELL } from "@/lib/insights/suppression";

type Props = { params: Promise<{ slug: string }> };

const load = cache((slug: string) => publicParticipation(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const figures = await load((await params).slug);
  if (!figures) return {};
  return { title: (await getTranslations("Participation"))("metaTitle", { title: figures.call.title }) };
}

export default async function PublicParticipationPage({ params }: Props) {
  const { slug } = await params;
  const figures = await load(slug);
  if (!figures) notFound();
  const t = await getTranslations("Participation");
  const { call, table, groupShares, growth } = figures;
  return (
    <>
      <nav aria-label={t("backToCall")} className="breadcrumb">
        <Link href={`/calls/${call.slug}`}>{t("backToCall")}</Link>
      </nav>
      <h1>{t("publicTitle", { title: call.title })}</h1>
      <p className="lead">{t("intro")}</p>
      <p>{t("total", { count: table.total })}</p>

      <section aria-labelledby="rule-heading" className={styles.rule}>
        <h2 id="rule-heading">{t("ruleHeading")}</h2>
        <p>{t("rule", { n: SMALL_CELL })}</p>
      </section>

      <section aria-labelledby="by-group-heading">
        <h2 id="by-group-heading">{t("byGroupHeading")}</h2>
        <GroupBarChart id="by-group" totals={table.rowTotals} shares={groupShares} />
      </section>

      <section aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">{t("matrixHeading")}</h2>
        <ParticipationTotals values={table} />
        <p className="hint">{t("crossHint")}</p>
        <ParticipationMatrix figures={table} shares={groupShares} />
      </section>

      <section aria-labelledby="growth-heading">
        <h2 id="growth-heading">{t("growthHeading")}</h2>
        <GrowthChart id="growth" growth={growth} timeZone={call.timeZone} />
      </section>
    </>
  );
}
