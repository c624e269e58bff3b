import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { ChannelTable } from "@/components/insights/channel-table";
import { GapList } from "@/components/insights/gap-list";
import { GroupBarChart } from "@/components/insights/group-bar-chart";
import { GrowthChart } from "@/components/insights/growth-chart";
import { OutreachTable } from "@/components/insights/outreach-table";
import { ParticipationMatrix } from "@/components/insights/participation-matrix";
import { TargetsForm } from "@/components/insights/targets-form";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { evaluateTargets } from "@/lib/insights/gaps";
import { listOutreach } from "@/lib/insights/outreach";
import { getModeratorParticipation } from "@/lib/insights/participation";
import { SMALL_CELL } from "@/lib/insights/suppression";
import { orNotFound } from "@/lib/not-found";
import { setTargetsAction } from "@/lib/insights/actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Participation"))("moderatorTitle") };
}

type Params = Promise<{ id: string }>;

async function ModeratorParticipationPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requirePermission("insights.read", {
    returnTo: `/moderation/calls/${encodeURIComponent(id)}/participation`,
  });
  const t = await getTranslations("Participation");
  const tTargets = await getTranslations("Targets");
  const tGaps = await getTranslations("Gaps");
  const tOutreach = await getTranslations("Outreach");
  const figures = await orNotFound(getModeratorParticipation(user, id));
  const { call, counts, groupShares, growth, targets, channels } = figures;
  const gaps = evaluateTargets(counts, targets);
  const contacts = await listOutreach(user, call.id, gaps);
  return (
    <>
      <p>
        <Link href="/moderation">{t("backToModeration")}</Link>
      </p>
      <h1>{t("moderatorTitle")}</h1>
      <p className="lead">{call.title}</p>
      <CallToolsNav callId={call.id} forumId={call.forumId} current="participation" />
      <p>{t("total", { count: counts.total })}</p>
      <p className="hint">
        {t("exactNote", { n: SMALL_CELL })}{" "}
        {call.publishedAt && <Link href={`/calls/${call.slug}/participation`}>{t("publicLink")}</Link>}
      </p>

      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">{tTargets("heading")}</h2>
        <p className="hint">{tTargets("intro")}</p>
        <p>
          {tTargets("current", {
            share: targets.minGroupShare === null ? tTargets("noShare") : tTargets("shareIs", { share: targets.minGroupShare }),
            regions: targets.allRegions ? tTargets("regionsOn") : tTargets("regionsOff"),
          })}
        </p>
        {/* The forum's observers read the targets; its facilitators set them. */}
        {can(user, "calls.manage", call.forumId) && (
          <TargetsForm
            callId={call.id}
            defaults={{
              minGroupShare: targets.minGroupShare === null ? "" : String(targets.minGroupShare),
              allRegions: targets.allRegions,
            }}
            action={setTargetsAction}
          />
        )}
      </section>

      <section aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{tGaps("heading")}</h2>
        <GapList gaps={gaps} />
      </section>

      <section aria-labelledby="outreach-heading">
        <h2 id="outreach-heading">{tOutreach("heading")}</h2>
        <OutreachTable contacts={contacts} />
      </section>

      <section aria-labelledby="by-group-heading">
        <h2 id="by-group-heading">{t("byGroupHeading")}</h2>
        <GroupBarChart id="by-group" exactTotals={counts.groupTotals} shares={groupShares} />
      </section>

      <section aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">{t("matrixHeading")}</h2>
        <ParticipationMatrix exact={counts} shares={groupShares} />
      </section>

      <section aria-labelledby="channel-heading">
        <h2 id="channel-heading">{t("byChannelHeading")}</h2>
        <p className="hint">{t("byChannelHint")}</p>
        <ChannelTable counts={channels} />
      </section>

      <section aria-labelledby="growth-heading">
        <h2 id="growth-heading">{t("growthHeading")}</h2>
        <GrowthChart id="growth" growth={growth} timeZone={call.timeZone} />
      </section>
    </>
  );
}

export default withClientMessages(["Errors", "Targets"], ModeratorParticipationPage);
