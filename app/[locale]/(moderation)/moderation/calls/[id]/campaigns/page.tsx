import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignCard } from "@/components/moderation/campaign-card";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { RecomputeCampaignsForm } from "@/components/moderation/recompute-campaigns-form";
import { LocalDate } from "@/components/ui/local-date";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getCampaigns } from "@/lib/curation/campaigns";
import { listTags } from "@/lib/curation/tags";
import { ANSWER_MIN_WORDS, MIN_WORDS, SHINGLE_WORDS, THRESHOLD } from "@/lib/curation/similarity";
import { orNotFound } from "@/lib/not-found";
import { recomputeCampaignsAction } from "@/lib/curation/campaign-actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Campaigns"))("metaTitle") };
}

type Params = Promise<{ id: string }>;

async function CampaignsPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requirePermission("forum.read", { returnTo: `/moderation/calls/${encodeURIComponent(id)}/campaigns` });
  const view = await orNotFound(getCampaigns(user, id));
  const t = await getTranslations("Campaigns");
  const curates = can(user, "responses.curate", view.call.forumId);
  const tags = curates ? await listTags(user, view.call.id) : null;
  const tEditor = await getTranslations("CallEditor");
  const { call } = view;
  return (
    <>
      <p>
        <Link href="/moderation">{tEditor("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{call.title}</p>
      <CallToolsNav callId={call.id} forumId={call.forumId} current="campaigns" />
      <p>{t("intro")}</p>

      <section aria-labelledby="status-heading" className="status-panel">
        <h2 id="status-heading" className="visually-hidden">
          {t("statusHeading")}
        </h2>
        <p>
          {view.clusteredAt
            ? t.rich("clusteredAt", { time: () => <LocalDate date={view.clusteredAt!} timeZone={call.timeZone} /> })
            : t("never")}{" "}
          {view.clusteredAt && (view.stale ? <strong>{t("stale")}</strong> : t("current"))}
        </p>
        {curates && <RecomputeCampaignsForm callId={call.id} action={recomputeCampaignsAction} />}
      </section>

      {view.clusteredAt && view.clusters.length === 0 && <p>{t("none")}</p>}
      {view.clusters.length > 0 && (
        <section aria-labelledby="found-heading">
          <h2 id="found-heading">{t("found", { count: view.clusters.length })}</h2>
          <ol className="card-list">
            {view.clusters.map((campaign) => (
              <CampaignCard key={campaign.id} campaign={campaign} tags={tags} />
            ))}
          </ol>
          <p className="hint">{t("citeHint")}</p>
        </section>
      )}

      <section aria-labelledby="method-heading">
        <h2 id="method-heading">{t("method")}</h2>
        <p>{t("methodText", { words: SHINGLE_WORDS, percent: Math.round(THRESHOLD * 100), minWords: MIN_WORDS })}</p>
        <p>{t("methodAnswers", { answerMinWords: ANSWER_MIN_WORDS })}</p>
        <p>{t("scoreText")}</p>
      </section>
    </>
  );
}

export default withClientMessages(["Campaigns", "Deadline"], CampaignsPage);
