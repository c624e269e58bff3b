import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { QueueItem } from "@/components/moderation/queue-item";
import { ModerationQueue } from "@/components/moderation/moderation-queue";
import { BulkForm } from "@/components/moderation/bulk-form";
import { listCampaignChoices } from "@/lib/curation/campaign-links";
import { listTags } from "@/lib/curation/tags";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listQueue } from "@/lib/moderation/queue";
import { QUEUE_TABS, queueQuerySchema } from "@/lib/moderation/schemas";
import { orNotFound } from "@/lib/not-found";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ModerationQueue"))("title") };
}

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;
const DONE = ["approve", "hide", "restore", "review", "dismiss", "uphold"] as const;
const BULK_DONE = ["approve", "review", "hide", "restore", "tag", "campaign"] as const;
/**
 * What the bulk form offers on each tab: new responses are approved where the call is pre-moderated, and
 * marked reviewed where they are already public.
 */
const bulkOps = (tab: "new" | "reported" | "hidden", mode: "PRE" | "POST") =>
  tab === "new"
    ? ([mode === "PRE" ? "approve" : "review", "hide"] as const)
    : tab === "reported"
      ? (["hide"] as const)
      : (["restore"] as const);

async function QueuePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const base = `/moderation/calls/${encodeURIComponent(id)}/queue`;
  const user = await requirePermission("forum.read", { returnTo: base });
  const search = await searchParams;
  const query = queueQuerySchema.parse({ tab: search.tab, page: search.page });
  const t = await getTranslations("ModerationQueue");
  const queue = await orNotFound(listQueue(user, id, query));
  const done = DONE.find((op) => op === search.done);
  const ref = typeof search.ref === "string" ? search.ref.slice(0, 40) : "";
  const bulkDone = BULK_DONE.find((op) => search.done === `bulk-${op}`);
  const bulkCount = Math.max(0, Math.min(1000, Number(search.n) || 0));
  const skipped = typeof search.skipped === "string" ? search.skipped.slice(0, 2000) : "";
  const alreadyTagged = Math.max(0, Math.min(1000, Number(search.already) || 0));
  // An observer of the forum reads the queue with no forms.
  const canModerate = can(user, "items.moderate", queue.call.forumId);
  // Tagging several at once is offered beside moderation to those who may also curate, once the call has tags.
  const canCurate = canModerate && can(user, "responses.curate", queue.call.forumId);
  const tags = canCurate ? await listTags(user, queue.call.id) : [];
  // So is adding to a campaign by hand, once the call's campaigns were computed and there are some.
  const campaigns = canCurate ? await listCampaignChoices(user, queue.call.id) : [];
  const elsewhere = Math.max(0, Math.min(1000, Number(search.elsewhere) || 0));

  return (
    <>
      <p>
        <Link href="/moderation">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{queue.call.title}</p>
      <CallToolsNav callId={queue.call.id} forumId={queue.call.forumId} current="queue" />
      {done && (
        <p className="notice ok" role="status">
          {t(`done.${done}`, { reference: ref })}
        </p>
      )}
      {bulkDone && (
        <div className="notice ok" role="status">
          <p>{t(`bulk.done.${bulkDone}`, { n: bulkCount })}</p>
          {skipped && <p>{t("bulk.skipped", { references: skipped.split(",").join(", ") })}</p>}
          {bulkDone === "tag" && alreadyTagged > 0 && <p>{t("bulk.alreadyTagged", { n: alreadyTagged })}</p>}
          {bulkDone === "campaign" && alreadyTagged > 0 && <p>{t("bulk.alreadyInCampaign", { n: alreadyTagged })}</p>}
          {bulkDone === "campaign" && elsewhere > 0 && <p>{t("bulk.inOtherCampaign", { n: elsewhere })}</p>}
        </div>
      )}
      <p className="hint">
        {t(queue.call.moderationMode === "PRE" ? "modePre" : "modePost")} {t("threshold", { count: queue.call.reportThreshold })}
        {can(user, "calls.manage", queue.call.forumId) && (
          <>
            {" "}
            <Link href={`/moderation/calls/${encodeURIComponent(id)}`}>{t("changeSettings")}</Link>
          </>
        )}
      </p>
      {canModerate && queue.items.length > 0 && (
        <BulkForm
          ownerId={queue.call.id}
          tab={query.tab}
          ops={[
            ...bulkOps(query.tab, queue.call.moderationMode),
            ...(tags.length > 0 ? (["tag"] as const) : []),
            ...(campaigns.length > 0 ? (["campaign"] as const) : []),
          ]}
          tags={tags}
          campaigns={campaigns}
        />
      )}
      <ModerationQueue
        texts="ModerationQueue"
        base={base}
        tabs={QUEUE_TABS}
        tab={query.tab}
        counts={queue.counts}
        empty={t(`empty.${query.tab}`)}
        page={query.page}
        pages={queue.pages}
      >
        {queue.items.map((item) => (
          <QueueItem key={item.id} item={item} tab={query.tab} timeZone={queue.call.timeZone} canModerate={canModerate} />
        ))}
      </ModerationQueue>
    </>
  );
}

export default withClientMessages(["Deadline", "Errors", "ModerationQueue"], QueuePage);
