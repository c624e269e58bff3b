// One response in the moderation queue: its state, context, open reports (each with its reporter, time and
// weight) and answers (escaped text), and the forms that apply to its state.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import {
  approveAction,
  dismissReportsAction,
  hideAction,
  restoreAction,
  reviewAction,
  upholdReportsAction,
} from "@/lib/moderation/actions";
import { LocalDate } from "@/components/ui/local-date";
import type { listQueue } from "@/lib/moderation/queue";
import type { QueueTab } from "@/lib/moderation/schemas";
import { ButtonForm, ReasonForm } from "./moderation-forms";
import { ReportList } from "./report-list";
import styles from "./queue-item.module.css";

type Item = Awaited<ReturnType<typeof listQueue>>["items"][number];

export async function QueueItem({ item, tab, timeZone }: { item: Item; tab: QueueTab; timeZone: string }) {
  const t = await getTranslations("ModerationQueue");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const label = item.reference ?? item.id;
  const common = { responseId: item.id, tab, itemLabel: label };
  const headingId = `item-${item.id}`;
  return (
    <article aria-labelledby={headingId} className={styles.item}>
      <h3 id={headingId}>
        <Link href={`/moderation/responses/${encodeURIComponent(item.id)}`}>{label}</Link>{" "}
        <span className={styles.badges}>
          <span className="badge">{t(`state.${item.moderationState}`)}</span>
          {item.reviewedAt === null && <span className="badge">{t("unreviewed")}</span>}
        </span>
      </h3>
      <p className="meta">
        {[item.stakeholderGroup && tGroup(item.stakeholderGroup), item.region && tRegion(item.region)]
          .filter(Boolean)
          .join(" · ")}
        {item.submittedAt && (
          <>
            {" · "}
            {t.rich("submitted", { time: () => <LocalDate date={item.submittedAt!} timeZone={timeZone} /> })}
          </>
        )}
        {item.consent === "PRIVATE" && ` · ${t("private")}`}
      </p>
      {item.hiddenReason && <p className="notice">{t("hiddenBecause", { reason: item.hiddenReason })}</p>}
      {item.openReports > 0 && <ReportList reports={item.reports} timeZone={timeZone} />}
      <details className={styles.answers} open={tab !== "hidden"}>
        <summary>{t("answers", { count: item.answers.length })}</summary>
        {item.answers.map((answer) => (
          <section key={answer.position} className="answer">
            <h4>{`${answer.position}. ${answer.prompt}`}</h4>
            {answer.choices.length > 0 && <p>{answer.choices.join(", ")}</p>}
            {answer.text.trim() && (
              <p className="answer-text" dir="auto">
                {answer.text}
              </p>
            )}
          </section>
        ))}
      </details>
      <div className={styles.actions}>
        {item.moderationState === "PENDING" && <ButtonForm action={approveAction} label={t("approve")} {...common} />}
        {item.moderationState === "HIDDEN" && <ButtonForm action={restoreAction} label={t("restore")} {...common} />}
        {item.moderationState !== "PENDING" && item.reviewedAt === null && (
          <ButtonForm action={reviewAction} label={t("markReviewed")} secondary {...common} />
        )}
        {item.openReports > 0 && <ButtonForm action={dismissReportsAction} label={t("dismiss")} secondary {...common} />}
      </div>
      {item.moderationState !== "HIDDEN" && (
        <ReasonForm action={hideAction} label={t("hide")} fieldLabel={t("hideReason")} {...common} />
      )}
      {item.moderationState === "HIDDEN" && item.openReports > 0 && (
        <ReasonForm action={upholdReportsAction} label={t("uphold")} fieldLabel={t("upholdReason")} {...common} />
      )}
    </article>
  );
}
