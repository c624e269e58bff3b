// The comment parts of a published message set's page: where the comment period stands, the call's key
// terms, and links to the whole-set discussion and the comment–response table; per paragraph, a link to
// its discussion with its comment count (CommentLink).
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { GlossaryTerms } from "@/components/calls/glossary-terms";
import { publicGlossary, publicSetComments } from "@/lib/cache/public-reads";
import type { PublishedMessageSet } from "@/lib/messages/public";
import styles from "./comments.module.css";
import { PeriodNotice } from "./period-notice";

/** Once per request, whatever number of paragraphs asks. */
const publicComments = cache((set: PublishedMessageSet) => publicSetComments(set, undefined));

export async function CommentsIntro({ set }: { set: PublishedMessageSet }) {
  const t = await getTranslations("Comments");
  const [comments, glossary] = await Promise.all([publicComments(set), publicGlossary(set.id)]);
  const open = set.version.commentPeriod === "open" && set.status !== "FINAL";
  return (
    <>
      <PeriodNotice set={set} />
      <p className={styles.links}>
        <Link href={`/messages/${set.slug}/discuss/set`}>
          {t(open ? "setLink" : "setLinkRead", { count: comments.wholeCount })}
        </Link>
        <Link href={`/messages/${set.slug}/comments`}>{t("toTable")}</Link>
      </p>
      {glossary.length > 0 && (
        <details>
          <summary>{t("glossary")}</summary>
          <GlossaryTerms terms={glossary} />
        </details>
      )}
    </>
  );
}

export async function CommentLink({
  set,
  paragraph,
}: {
  set: PublishedMessageSet;
  paragraph: { paragraphId: string; number: number };
}) {
  const t = await getTranslations("Comments");
  const comments = await publicComments(set);
  const count = comments.counts.get(paragraph.paragraphId) ?? 0;
  const open = set.version.commentPeriod === "open" && set.status !== "FINAL";
  return (
    <p className="meta">
      <Link href={`/messages/${set.slug}/discuss/${paragraph.paragraphId}`}>
        {t(open ? "paragraphLink" : "paragraphLinkRead", { n: paragraph.number, count })}
      </Link>
    </p>
  );
}
