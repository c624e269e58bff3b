// One comment in the moderators' comment queue (components/moderation/moderated-item.tsx): whether it is a
// comment or a reply and where it belongs, its context, the comment it replies to, its text, its disposition,
// and for a public top-level comment the answer form. The moderation forms only for those who may moderate in
// the forum (`canModerate`), the answer form only for those who may edit its messages (`canAnswer`).
import { getTranslations } from "next-intl/server";
import { answerCommentAction, moderateCommentAction } from "@/lib/moderation/actions";
import { COMMENT_BULK_FORM_ID } from "@/components/moderation/bulk-form";
import { ModeratedItem, type QueueKind } from "@/components/moderation/moderated-item";
import queueStyles from "@/components/moderation/queue.module.css";
import { LocalDate } from "@/components/ui/local-date";
import { directionOf } from "@/lib/i18n/config";
import type { listCommentQueue } from "@/lib/comments/queue";
import type { CommentTab } from "@/lib/comments/schemas";
import { AnswerForm } from "./answer-form";
import styles from "./comments.module.css";

type Item = Awaited<ReturnType<typeof listCommentQueue>>["items"][number];

const comments: QueueKind = {
  texts: "CommentModeration",
  idField: "commentId",
  action: moderateCommentAction,
};

type Props = { item: Item; tab: CommentTab; label: string; timeZone: string; canModerate: boolean; canAnswer: boolean };

export async function CommentQueueItem({ item, tab, label, timeZone, canModerate, canAnswer }: Props) {
  const t = await getTranslations("CommentModeration");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const tDisposition = await getTranslations("CommentDisposition");
  const place =
    item.place.kind === "set"
      ? t("onSet")
      : item.place.kind === "removed"
        ? t("onRemoved")
        : t("onParagraphs", { numbers: item.place.numbers.join(", ") });
  const title = `${label} · ${item.parentId ? t("reply") : t("comment")} · ${place}`;
  const disposition = item.disposition && (
    <p>
      <strong>{t("disposition")}:</strong> {tDisposition(item.disposition)}
      {item.dispositionReason && ` — ${item.dispositionReason}`}
    </p>
  );
  const answer = canAnswer && item.parentId === null && item.moderationState === "PUBLISHED" && (
    <details open={item.disposition === null}>
      <summary>{t(item.disposition ? "changeAnswer" : "answerHeading")}</summary>
      <AnswerForm action={answerCommentAction} current={item} commentId={item.id} tab={tab} itemLabel={label} />
    </details>
  );
  const choose = (
    <p className={queueStyles.choose}>
      <input type="checkbox" id={`choose-${item.id}`} name="commentIds" value={item.id} form={COMMENT_BULK_FORM_ID} />
      <label htmlFor={`choose-${item.id}`}>{t("bulk.choose", { label })}</label>
    </p>
  );
  return (
    <ModeratedItem
      lead={choose}
      kind={comments}
      item={item}
      tab={tab}
      label={label}
      title={title}
      timeZone={timeZone}
      canModerate={canModerate}
      details={disposition}
      after={answer}
    >
      <p className="meta">
        {tGroup(item.stakeholderGroup)} · {tRegion(item.region)} · {t("versionN", { n: item.versionNumber })} ·{" "}
        <LocalDate date={item.createdAt} timeZone={timeZone} />
      </p>
      {item.parentBody && (
        <blockquote className={styles.body}>
          {t.rich("inReplyTo", {
            // Isolated like UserText, in the parent's language.
            text: () => (
              <bdi lang={item.parentLanguage ?? undefined} dir={item.parentLanguage ? directionOf(item.parentLanguage) : "auto"}>
                {item.parentBody!.slice(0, 300)}
              </bdi>
            ),
          })}
        </blockquote>
      )}
      <p className={styles.body} lang={item.language} dir={directionOf(item.language)}>
        {item.body}
      </p>
    </ModeratedItem>
  );
}
