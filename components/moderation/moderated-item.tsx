// One item in a moderation queue, of any kind (a response, a comment): its heading with the state badges,
// what the kind shows of it (children), why it is hidden, its open reports (each with its reporter, time and
// weight), what the kind adds after them (`details`), the forms that apply to its state, and what else the
// kind offers (`after`). The kind names its catalog namespace (the same keys for every kind), its id field
// and its server action. Without `canModerate` (an observer of the forum) the item is shown with no forms.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { ReportView } from "@/lib/moderation/report-view";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import { ButtonForm, ReasonForm, type ModerationAction } from "./moderation-forms";
import { ReportList } from "./report-list";
import styles from "./queue-item.module.css";

export type QueueKind = {
  /** Catalog namespace with state.*, unreviewed, hiddenBecause and the action labels. */
  texts: string;
  idField: string;
  /** The server action of every transition (the form says which in "op"). */
  action: ModerationAction;
};

export type ModeratedItemData = {
  id: string;
  moderationState: ModerationState;
  reviewedAt: Date | null;
  hiddenReason: string | null;
  openReports: number;
  reports: readonly ReportView[];
};

type Props = {
  kind: QueueKind;
  item: ModeratedItemData;
  tab: string;
  /** Names the item in the forms' accessible names. */
  label: string;
  /** The heading's content before the badges. */
  title: ReactNode;
  timeZone: string;
  /** Whether the reader may moderate in the item's forum: the forms are shown only then. */
  canModerate: boolean;
  children?: ReactNode;
  details?: ReactNode;
  after?: ReactNode;
  /** Before the heading: e.g. the box that ticks the item for a bulk action. */
  lead?: ReactNode;
};

export async function ModeratedItem({
  kind,
  item,
  tab,
  label,
  title,
  timeZone,
  canModerate,
  children,
  details,
  after,
  lead,
}: Props) {
  const t = await getTranslations(kind.texts);
  const common = { action: kind.action, idField: kind.idField, itemId: item.id, tab, itemLabel: label };
  const headingId = `item-${item.id}`;
  return (
    <article aria-labelledby={headingId} className={styles.item}>
      {canModerate && lead}
      <h3 id={headingId}>
        {title}{" "}
        <span className={styles.badges}>
          <span className="badge">{t(`state.${item.moderationState}`)}</span>
          {item.reviewedAt === null && <span className="badge">{t("unreviewed")}</span>}
        </span>
      </h3>
      {children}
      {item.hiddenReason && <p className="notice">{t("hiddenBecause", { reason: item.hiddenReason })}</p>}
      {item.openReports > 0 && <ReportList reports={item.reports} timeZone={timeZone} />}
      {details}
      {canModerate && (
        <>
          <div className={styles.actions}>
            {item.moderationState === "PENDING" && <ButtonForm verb="approve" label={t("approve")} {...common} />}
            {item.moderationState === "HIDDEN" && <ButtonForm verb="restore" label={t("restore")} {...common} />}
            {item.moderationState !== "PENDING" && item.reviewedAt === null && (
              <ButtonForm verb="review" label={t("markReviewed")} secondary {...common} />
            )}
            {item.openReports > 0 && <ButtonForm verb="dismiss" label={t("dismiss")} secondary {...common} />}
          </div>
          {item.moderationState !== "HIDDEN" && (
            <ReasonForm verb="hide" label={t("hide")} fieldLabel={t("hideReason")} folded={t("hideFolded")} {...common} />
          )}
          {item.moderationState === "HIDDEN" && item.openReports > 0 && (
            <ReasonForm verb="uphold" label={t("uphold")} fieldLabel={t("upholdReason")} {...common} />
          )}
        </>
      )}
      {after}
    </article>
  );
}
