import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { getPublicCallSummary, listContributors } from "@/lib/responses/public";

type Props = { params: Promise<{ slug: string }> };

const loadCall = cache((slug: string) => getPublicCallSummary(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const call = await loadCall((await params).slug);
  return call ? { title: (await getTranslations("Contributors"))("metaTitle", { title: call.title }) } : {};
}

export default async function ContributorsPage({ params }: Props) {
  const call = await loadCall((await params).slug);
  const contributors = call && (await listContributors(call.id));
  if (!call || !contributors) notFound();
  const t = await getTranslations("Contributors");
  const tCall = await getTranslations("CallPage");
  const tGroup = await getTranslations("StakeholderGroup");
  const { named, anonymousByGroup, anonymousCount, notPublishedCount, total } = contributors;

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

      {named.length === 0 ? (
        <p>{t("noNamed")}</p>
      ) : (
        <div className="table-wrap">
          <table className="contributors">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("organisation")}</th>
                <th scope="col">{t("group")}</th>
                <th scope="col">{t("response")}</th>
              </tr>
            </thead>
            <tbody>
              {named.map((person) => (
                <tr key={person.id}>
                  <th scope="row">{person.name}</th>
                  <td>{[person.organisation, person.onBehalfOf].filter(Boolean).join(" / ")}</td>
                  <td>{person.stakeholderGroup && tGroup(person.stakeholderGroup)}</td>
                  <td>{person.reference && <Link href={`/responses/${person.reference}`}>{person.reference}</Link>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {anonymousByGroup.length > 0 && (
        <ul className="anonymous-contributors">
          {anonymousByGroup.map(({ group, count }) => (
            <li key={group}>{t("anonymous", { count, group: tGroup(group) })}</li>
          ))}
        </ul>
      )}
    </>
  );
}
