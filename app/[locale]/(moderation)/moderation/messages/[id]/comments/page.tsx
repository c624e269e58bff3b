import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { CommentQueueItem } from "@/components/comments/comment-queue-item";
import { CommentBulkForm } from "@/components/comments/comment-bulk-form";
import { ModerationQueue } from "@/components/moderation/moderation-queue";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listCommentQueue } from "@/lib/comments/queue";
import { COMMENT_LIMITS, COMMENT_TABS, commentTabSchema, type CommentTab } from "@/lib/comments/schemas";
import { queueQuerySchema } from "@/lib/moderation/schemas";
import { orNotFound } from "@/lib/not-found";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CommentModeration"))("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const DONE = ["approve", "hide", "restore", "review", "dismiss", "uphold", "answer"] as const;
const BULK_DONE = ["approve", "review", "hide", "restore"] as const;

/** What the bulk form offers on each tab (none on "answered" and "all", where the states are mixed). */
const bulkOps = (tab: CommentTab, mode: "PRE" | "POST") =>
  tab === "new"
    ? ([mode === "PRE" ? "approve" : "review", "hide"] as const)
    : tab === "reported"
      ? (["hide"] as const)
      : tab === "hidden"
        ? (["restore"] as const)
        : ([] as const);

async function CommentModerationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const base = `/moderation/messages/${encodeURIComponent(id)}/comments`;
  const user = await requirePermission("forum.read", { returnTo: base });
  const search = await searchParams;
  const tab = commentTabSchema.parse(search.tab);
  const done = DONE.find((op) => op === search.done);
  const bulkDone = BULK_DONE.find((op) => search.done === `bulk-${op}`);
  const bulkCount = Math.max(0, Math.min(1000, Number(search.n) || 0));
  const bulkSkipped = Math.max(0, Math.min(1000, Number(search.skipped) || 0));
  const { page: wanted } = queueQuerySchema.parse({ page: search.page });
  const { set, counts, items, page, pages } = await orNotFound(listCommentQueue(user, id, tab, wanted));
  const t = await getTranslations("CommentModeration");
  // An observer of the forum reads the comments with no forms.
  const canModerate = can(user, "items.moderate", set.forumId);
  const canAnswer = can(user, "messages.edit", set.forumId);

  return (
    <>
      <p>
        <Link href={`/moderation/messages/${encodeURIComponent(set.id)}`}>{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{set.title}</p>
      <p className="hint">
        {t(set.call.moderationMode === "PRE" ? "modePre" : "modePost")} {t("threshold", { count: set.call.reportThreshold })}{" "}
        {(set.status === "PUBLISHED" || set.status === "FINAL") && (
          <Link href={`/messages/${set.slug}/comments`}>{t("publicTable")}</Link>
        )}
      </p>
      {done && (
        <p className="notice ok" role="status">
          {t(`done.${done}`)}
        </p>
      )}
      {bulkDone && (
        <div className="notice ok" role="status">
          <p>{t(`bulk.done.${bulkDone}`, { n: bulkCount })}</p>
          {bulkSkipped > 0 && <p>{t("bulk.skipped", { n: bulkSkipped })}</p>}
        </div>
      )}
      {canModerate && items.length > 0 && bulkOps(tab, set.call.moderationMode).length > 0 && (
        <CommentBulkForm ownerId={set.id} tab={tab} ops={bulkOps(tab, set.call.moderationMode)} />
      )}
      <ModerationQueue
        texts="CommentModeration"
        base={base}
        tabs={COMMENT_TABS}
        tab={tab}
        counts={counts}
        empty={t("empty")}
        page={page}
        pages={pages}
      >
        {items.map((item, index) => (
          <CommentQueueItem
            key={item.id}
            item={item}
            tab={tab}
            label={t("itemLabel", { n: (page - 1) * COMMENT_LIMITS.moderationPageSize + index + 1 })}
            timeZone={set.call.timeZone}
            canModerate={canModerate}
            canAnswer={canAnswer}
          />
        ))}
      </ModerationQueue>
    </>
  );
}

export default withClientMessages(
  ["CommentDisposition", "CommentModeration", "Deadline", "EditConflict", "Errors", "ModerationQueue"],
  CommentModerationPage,
);
