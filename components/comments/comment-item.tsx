// One comment as the public (or its author) sees it: who (name unless anonymous, group and region), when,
// the version it was made on when earlier, its text (escaped), the moderators' disposition and answer, and
// for its author the moderation state.
import { getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import type { CommentView } from "@/lib/comments/read";
import { directionOf } from "@/lib/i18n/config";
import styles from "./comments.module.css";
import { UserText } from "@/components/ui/user-text";

export async function CommentItem({ comment, headingLevel = 3 }: { comment: CommentView; headingLevel?: 3 | 4 }) {
  const t = await getTranslations("Comments");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const tDisposition = await getTranslations("CommentDisposition");
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <>
      <Heading className={styles.who} id={`comment-${comment.id}-who`}>
        {comment.name ? <UserText>{comment.name}</UserText> : t("anonymous")}
        <span className="meta">
          {" · "}
          {tGroup(comment.stakeholderGroup)} · {tRegion(comment.region)}
        </span>
      </Heading>
      <p className="meta">
        <LocalDate date={comment.createdAt} timeZone="UTC" />
        {comment.earlierVersion !== null && <> · {t("onVersion", { n: comment.earlierVersion })}</>}
      </p>
      {comment.own && comment.moderationState === "PENDING" && <p className="notice">{t("awaiting")}</p>}
      {comment.own && comment.moderationState === "HIDDEN" && (
        <p className="notice error">{t("hiddenBecause", { reason: comment.hiddenReason ?? "" })}</p>
      )}
      <p className={styles.body} lang={comment.language} dir={directionOf(comment.language)}>
        {comment.body}
      </p>
      {comment.disposition && (
        <div className={styles.answer}>
          <p>
            <strong>{t("disposition")}</strong> {tDisposition(comment.disposition)}
          </p>
          {comment.dispositionReason && (
            <p>
              <strong>{t("reason")}</strong> <UserText>{comment.dispositionReason}</UserText>
            </p>
          )}
          {comment.answer && (
            <p>
              <strong>{t("answer")}</strong> <UserText>{comment.answer}</UserText>
            </p>
          )}
        </div>
      )}
    </>
  );
}
