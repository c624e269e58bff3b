// A top-level comment with its replies, and (while comments are open, for a signed-in user) the reply and
// report forms. Replies are one level deep.
import { getTranslations } from "next-intl/server";
import type { Thread } from "@/lib/comments/read";
import { newSubmitKey } from "@/lib/comments/schemas";
import { reportCommentAction } from "@/lib/comments/actions";
import { ReportForm } from "@/components/moderation/report-form";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import styles from "./comments.module.css";

type Context = { open: boolean; signedIn: boolean; versionId: string; slug: string; target: string };

export async function CommentThread({ thread, context }: { thread: Thread; context: Context }) {
  const t = await getTranslations("Comments");
  const who = thread.name ?? t("anonymous");
  return (
    <article id={`comment-${thread.id}`} aria-labelledby={`comment-${thread.id}-who`} className={styles.thread}>
      <CommentItem comment={thread} />
      {context.signedIn && !thread.own && thread.moderationState === "PUBLISHED" && (
        <ReportCommentForm commentId={thread.id} itemLabel={t("commentBy", { who })} />
      )}
      {thread.replies.length > 0 && (
        <ol className={styles.replies} aria-label={t("repliesTo", { who })}>
          {thread.replies.map((reply) => (
            <li key={reply.id} id={`comment-${reply.id}`}>
              <CommentItem comment={reply} headingLevel={4} />
              {context.signedIn && !reply.own && reply.moderationState === "PUBLISHED" && (
                <ReportCommentForm commentId={reply.id} itemLabel={t("replyBy", { who: reply.name ?? t("anonymous") })} />
              )}
            </li>
          ))}
        </ol>
      )}
      {context.open && context.signedIn && thread.moderationState === "PUBLISHED" && thread.earlierVersion === null && (
        <details>
          <summary>
            {t("reply")}
            <span className="visually-hidden"> {t("commentBy", { who })}</span>
          </summary>
          <CommentForm
            versionId={context.versionId}
            paragraphId={thread.paragraphId}
            parentId={thread.id}
            submitKey={newSubmitKey()}
            slug={context.slug}
            target={context.target}
            idPrefix={`reply-${thread.id}`}
            label={t("replyLabel", { who })}
            submitLabel={t("sendReply")}
          />
        </details>
      )}
    </article>
  );
}

const ReportCommentForm = ({ commentId, itemLabel }: { commentId: string; itemLabel: string }) => (
  <ReportForm action={reportCommentAction} idField="commentId" itemId={commentId} texts="CommentReport" itemLabel={itemLabel} />
);
