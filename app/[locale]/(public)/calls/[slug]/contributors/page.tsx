import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ContributorsTable } from "@/components/calls/contributors-table";
import { Pager } from "@/components/ui/pager";
import { publicCallSummary, publicContributors } from "@/lib/cache/public-reads";
import { contributorsPage } from "@/lib/responses/contributors-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

const loadCall = cache((slug: string) => publicCallSummary(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const call = await loadCall((await params).slug);
  return call ? { title: (await getTranslations("Contributors"))("metaTitle", { title: call.title }) } : {};
}

export default async function ContributorsPage({ params, searchParams }: Props) {
  const call = await loadCall((await params).slug);
  const contributors = call && (await publicContributors(call.id));
  if (!call || !contributors) notFound();
  const t = await getTranslations("Contributors");
  const tCall = await getTranslations("CallPage");
  const { named, anonymousByGroup, anonymousCount, notPublishedCount, total } = contributors;
  const { rows, page, pages, from, to } = contributorsPage(named, (await searchParams).page);
  const pageHref = (n: number) => `/calls/${call.slug}/contributors${n > 1 ? `?page=${n}` : ""}`;

  return (
    <>
      <nav aria-label={tCall("breadcrumb")} className="breadcrumb">
        <Link href={`/calls/${call.slug}`}>{t("backToCall")}</Link>
      </nav>
      <h1>{t("title", { title: call.title })}</h1>
      <p className="lead">{t("intro")}</p>
      <p>
        {t("summary", { total })}
        {total > 0 && ` — ${t("breakdown", { named: named.length, anonymous: anonymousCount, hidden: notPublishedCount })}`}
      </p>

      <ContributorsTable
        named={rows}
        anonymousByGroup={anonymousByGroup}
        caption={pages > 1 ? t("captionPage", { from, to, total: named.length }) : t("caption")}
        noNamed={t("noNamed")}
        pager={
          <Pager
            label={t("pages")}
            previous={page > 1 ? { href: pageHref(page - 1), label: t("previous") } : null}
            next={page < pages ? { href: pageHref(page + 1), label: t("next") } : null}
            current={t("pageOf", { page, pages })}
          />
        }
      />
    </>
  );
}
