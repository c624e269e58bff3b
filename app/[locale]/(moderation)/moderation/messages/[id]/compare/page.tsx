import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { CompareForm, readCompareParams } from "@/components/messages/compare-form";
import { VersionDiff } from "@/components/messages/version-diff";
import { requirePermission } from "@/lib/auth/session";
import { compareSavedVersions } from "@/lib/messages/history";
import { orNotFound } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("VersionEditor"))("compare") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CompareSavedVersionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission("forum.read", { returnTo: `/moderation/messages/${encodeURIComponent(id)}/compare` });
  const chosen = readCompareParams(await searchParams);
  const first = await orNotFound(compareSavedVersions(user, id, null, null));
  const numbers = first.set.versions.map((v) => v.number);
  const to = chosen.to ?? numbers[0] ?? null;
  const from = chosen.from ?? numbers.find((n) => to !== null && n < to) ?? null;
  const { set, diff } = from && to ? await compareSavedVersions(user, id, from, to) : first;
  const t = await getTranslations("PublicVersions");
  const tv = await getTranslations("VersionEditor");
  const unknown = [from, to].find((n) => n !== null && !numbers.includes(n));
  return (
    <>
      <p>
        <Link href={`/moderation/messages/${set.id}`}>{set.title}</Link>
      </p>
      <h1>{tv("compare")}</h1>
      <p className="lead">{tv("compareHint")}</p>
      {numbers.length < 2 ? (
        <p>{t("onlyOne")}</p>
      ) : (
        <CompareForm
          action={`/moderation/messages/${set.id}/compare`}
          versions={set.versions.map((v) => ({ number: v.number, label: t("versionN", { n: v.number }) }))}
          from={from}
          to={to}
          view={chosen.view}
        />
      )}
      {unknown !== undefined && unknown !== null && (
        <p className="notice error" role="alert">
          {t("unknownSaved", { n: unknown })}
        </p>
      )}
      {diff && <VersionDiff compared={diff} view={chosen.view} />}
    </>
  );
}
