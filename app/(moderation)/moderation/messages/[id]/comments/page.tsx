import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "@/components/comments/comments.module.css";
import { AnswerForm, CommentButtonForm, CommentReasonForm } from "@/components/comments/moderation-forms";
import queueStyles from "@/components/moderation/queue.module.css";
import { ReportList } from "@/components/moderation/report-list";
import { LocalDate } from "@/components/ui/local-date";
import { requireRole } from "@/lib/auth/session";
import { listCommentQueue } from "@/lib/comments/queue";
import { COMMENT_TABS, commentTabSchema } from "@/lib/comments/schemas";
import { orNotFound } from "@/lib/not-found";
import * as a from "@/lib/moderation/actions";
import { UserText } from "@/components/ui/user-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CommentModeration"))("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const DONE = ["approve", "hide", "restore", "review", "dismiss", "uphold", "answer"] as const;

export default async function CommentModerationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const base = `/moderation/messages/${encodeURIComponent(id)}/comments`;
  const user = await requireRole("MODERATOR", { returnTo: base });
  const search = await searchParams;
  const tab = commentTabSchema.parse(search.tab);
  const done = DONE.find((op) => op === search.done);
  const { set, counts, items } = await orNotFound(listCommentQueue(user, id, tab));
  const t = await getTranslations("CommentModeration");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const tDisposition = await getTranslations("CommentDisposition");

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
      <nav aria-label={t("tabsLabel")}>
        <ul className={queueStyles.tabs}>
          {COMMENT_TABS.map((name) => (
            <li key={name}>
              <Link href={`${base}?tab=${name}`} aria-current={name === tab ? "page" : undefined}>
                {t(`tab.${name}`, { count: counts[name] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(`heading.${tab}`)}</h2>
      {items.length === 0 && <p>{t("empty")}</p>}
      <ol className={queueStyles.items}>
        {items.map((item, index) => {
          const label = t("itemLabel", { n: index + 1 });
          const common = { commentId: item.id, tab, itemLabel: label };
          const place =
            item.place.kind === "set"
              ? t("onSet")
              : item.place.kind === "removed"
                ? t("onRemoved")
                : t("onParagraphs", { numbers: item.place.numbers.join(", ") });
          return (
            <li key={item.id}>
              <article aria-labelledby={`item-${item.id}`} className={styles.thread}>
                <h3 id={`item-${item.id}`}>
                  {label} · {item.parentId ? t("reply") : t("comment")} · {place}{" "}
                  <span className="badge">{t(`state.${item.moderationState}`)}</span>
                  {item.reviewedAt === null && <span className="badge">{t("unreviewed")}</span>}
                </h3>
                <p className="meta">
                  {tGroup(item.stakeholderGroup)} · {tRegion(item.region)} · {t("versionN", { n: item.versionNumber })} ·{" "}
                  <LocalDate date={item.createdAt} timeZone={set.call.timeZone} />
                </p>
                {item.parentBody && (
                  <blockquote className={styles.body}>
                    {t.rich("inReplyTo", { text: () => <UserText>{item.parentBody!.slice(0, 300)}</UserText> })}
                  </blockquote>
                )}
                <p className={styles.body} dir="auto">
                  {item.body}
                </p>
                {item.hiddenReason && <p className="notice">{t("hiddenBecause", { reason: item.hiddenReason })}</p>}
                {item.openReports > 0 && <ReportList reports={item.reports} timeZone={set.call.timeZone} />}
                {item.disposition && (
                  <p>
                    <strong>{t("disposition")}:</strong> {tDisposition(item.disposition)}
                    {item.dispositionReason && ` — ${item.dispositionReason}`}
                  </p>
                )}
                <div className="button-row">
                  {item.moderationState === "PENDING" && (
                    <CommentButtonForm action={a.approveCommentAction} label={t("approve")} {...common} />
                  )}
                  {item.moderationState === "HIDDEN" && (
                    <CommentButtonForm action={a.restoreCommentAction} label={t("restore")} {...common} />
                  )}
                  {item.moderationState !== "PENDING" && item.reviewedAt === null && (
                    <CommentButtonForm action={a.reviewCommentAction} label={t("markReviewed")} secondary {...common} />
                  )}
                  {item.openReports > 0 && (
                    <CommentButtonForm action={a.dismissCommentReportsAction} label={t("dismiss")} secondary {...common} />
                  )}
                </div>
                {item.moderationState !== "HIDDEN" && (
                  <CommentReasonForm action={a.hideCommentAction} label={t("hide")} fieldLabel={t("hideReason")} {...common} />
                )}
                {item.moderationState === "HIDDEN" && item.openReports > 0 && (
                  <CommentReasonForm
                    action={a.upholdCommentReportsAction}
                    label={t("uphold")}
                    fieldLabel={t("upholdReason")}
                    {...common}
                  />
                )}
                {item.parentId === null && item.moderationState === "PUBLISHED" && (
                  <details open={item.disposition === null}>
                    <summary>{t(item.disposition ? "changeAnswer" : "answerHeading")}</summary>
                    <AnswerForm action={a.answerCommentAction} current={item} {...common} />
                  </details>
                )}
              </article>
            </li>
          );
        })}
      </ol>
    </>
  );
}
