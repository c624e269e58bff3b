import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { ExportTable } from "@/components/exports/export-table";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { requirePermission } from "@/lib/auth/session";
import { listModeratorExports } from "@/lib/exports/exports";
import { orNotFound } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Exports"))("title") };
}

type Params = Promise<{ id: string }>;

export default async function CallExportsPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requirePermission("exports.download", { returnTo: `/moderation/calls/${encodeURIComponent(id)}/exports` });
  const t = await getTranslations("Exports");
  const { call, datasets } = await orNotFound(listModeratorExports(user, id));
  return (
    <>
      <p>
        <Link href="/moderation">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{call.title}</p>
      <CallToolsNav callId={call.id} forumId={call.forumId} current="exports" />
      <p>{t("intro")}</p>
      <ExportTable datasets={datasets} href={(file) => `/api/moderation/calls/${encodeURIComponent(call.id)}/export/${file}`} />
      <section aria-labelledby="formats-heading">
        <h2 id="formats-heading">{t("formatsHeading")}</h2>
        <p>{t("csvNote")}</p>
        <p>{t("jsonNote")}</p>
        <p>{t("publicNote")}</p>
      </section>
    </>
  );
}
