import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentThread } from "@/components/comments/comment-thread";
import styles from "@/components/comments/comments.module.css";
import { GroupFilter } from "@/components/comments/group-filter";
import { PeriodNotice } from "@/components/comments/period-notice";
import { Markdown } from "@/components/ui/markdown";
import { getSessionUser } from "@/lib/auth/session";
import { setComments } from "@/lib/comments/read";
import { groupFilterSchema, newSubmitKey } from "@/lib/comments/schemas";
import { publicMessageSet, publicSetComments } from "@/lib/cache/public-reads";
import { withClientMessages } from "@/components/i18n/client-messages";

type Props = {
  params: Promise<{ slug: string; target: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = cache(async (rawSlug: string, target: string) => {
  const slug = decodeURIComponent(rawSlug);
  const set = slug.length <= 100 && target.length <= 64 ? await publicMessageSet(slug, await getLocale()) : null;
  if (!set) return null;
  if (target === "set") return { set, paragraph: null };
  const paragraph = set.sections.flatMap((s) => s.paragraphs).find((p) => p.paragraphId === target);
  return paragraph ? { set, paragraph } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, target } = await params;
  const found = await load(slug, target);
  if (!found) return {};
  const t = await getTranslations("Comments");
  return {
    title: found.paragraph
      ? t("titleParagraph", { n: found.paragraph.number, title: found.set.title })
      : t("titleSet", { title: found.set.title }),
  };
}

async function DiscussPage({ params, searchParams }: Props) {
  const { slug, target } = await params;
  const found = await load(slug, target);
  if (!found) notFound();
  const { set, paragraph } = found;
  const search = await searchParams;
  const group = groupFilterSchema.parse(typeof search.group === "string" ? search.group : undefined);
  const posted = search.posted === "pending" || search.posted === "published" ? search.posted : null;
  const user = await getSessionUser();
  const comments = user ? await setComments(user, set, { group }) : await publicSetComments(set, group);
  const t = await getTranslations("Comments");
  const threads = paragraph ? (comments.byParagraph.get(paragraph.paragraphId) ?? []) : comments.whole;
  const count = paragraph ? (comments.counts.get(paragraph.paragraphId) ?? 0) : comments.wholeCount;
  const open = set.version.commentPeriod === "open" && set.status !== "FINAL" && !set.version.finalisedAt;
  const here = `/messages/${set.slug}/discuss/${target}`;
  const context = { open, signedIn: Boolean(user?.hasProfile), versionId: set.version.id, slug: set.slug, target };

  return (
    <>
      <p className={styles.links}>
        <Link href={`/messages/${set.slug}${paragraph ? `#p-${paragraph.number}` : ""}`}>
          {t("backToMessages", { title: set.title })}
        </Link>
        <Link href={`/messages/${set.slug}/comments`}>{t("toTable")}</Link>
      </p>
      <h1>{paragraph ? t("headingParagraph", { n: paragraph.number }) : t("headingSet")}</h1>
      <p className="lead">{set.title}</p>
      <PeriodNotice set={set} />
      {posted && (
        <p className="notice ok" role="status">
          {t(posted === "pending" ? "postedPending" : "postedPublished")}
        </p>
      )}
      {paragraph ? (
        <section aria-labelledby="paragraph-heading" className={styles.paragraph}>
          <h2 id="paragraph-heading">{t("paragraphText", { n: paragraph.number })}</h2>
          <Markdown source={paragraph.body} />
        </section>
      ) : (
        set.introduction && <Markdown source={set.introduction} />
      )}
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t("commentsCount", { count })}</h2>
        <GroupFilter group={group} />
        {threads.length === 0 ? (
          <p>{t(group ? "noneForGroup" : "none")}</p>
        ) : (
          threads.map((thread) => <CommentThread key={thread.id} thread={thread} context={context} />)
        )}
      </section>
      {!paragraph && comments.removed.length > 0 && (
        <section aria-labelledby="removed-heading">
          <h2 id="removed-heading">{t("removedHeading")}</h2>
          <p className="hint">{t("removedHint")}</p>
          {comments.removed.map((thread) => (
            <CommentThread key={thread.id} thread={thread} context={{ ...context, open: false }} />
          ))}
        </section>
      )}
      <section aria-labelledby="new-comment-heading">
        <h2 id="new-comment-heading">{paragraph ? t("newOnParagraph", { n: paragraph.number }) : t("newOnSet")}</h2>
        {!open ? (
          <PeriodNotice set={set} none={t("notOpen")} />
        ) : !user ? (
          <p>
            <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>{t("signIn")}</Link>
          </p>
        ) : !user.hasProfile ? (
          <p>
            <Link href={`/profile?callbackUrl=${encodeURIComponent(here)}`}>{t("profileFirst")}</Link>
          </p>
        ) : (
          <CommentForm
            versionId={set.version.id}
            paragraphId={paragraph?.paragraphId ?? null}
            submitKey={newSubmitKey()}
            slug={set.slug}
            target={target}
            idPrefix="new-comment"
            label={t("yourComment")}
            submitLabel={t("send")}
          />
        )}
      </section>
    </>
  );
}

export default withClientMessages(["CommentForm", "CommentReport", "Deadline", "Errors", "ReportReason"], DiscussPage);
