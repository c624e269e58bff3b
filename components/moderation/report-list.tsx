// An item's open reports as moderators see them, for responses and comments alike: who reported (name and
// stakeholder group), why, when, and whether the report counted toward the automatic hide. User text
// (names, details) is rendered as text and isolated, so it cannot change the line's direction.
import { getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import type { ReportView } from "@/lib/moderation/report-view";
import styles from "./queue-item.module.css";

export async function ReportList({ reports, timeZone }: { reports: readonly ReportView[]; timeZone: string }) {
  const t = await getTranslations("ReportList");
  const tReason = await getTranslations("ReportReason");
  const tGroup = await getTranslations("StakeholderGroup");
  const counting = reports.filter((report) => report.counted).length;
  return (
    <div className="notice">
      <p>{t("summary", { count: reports.length, counting })}</p>
      <ul aria-label={t("label")}>
        {reports.map((report) => (
          <li key={report.id}>
            {t.rich("reporter", {
              name: () => <bdi>{report.reporterName}</bdi>,
              group: report.reporterGroup ? tGroup(report.reporterGroup) : t("noGroup"),
            })}
            {" · "}
            {tReason(report.reason)}
            {" · "}
            {t.rich("reportedAt", { time: () => <LocalDate date={report.createdAt} timeZone={timeZone} /> })}
            {" · "}
            <strong>{report.counted ? t("counted") : t("notCounted")}</strong>
            {report.details && (
              <>
                <br />
                <bdi className={styles.details}>{report.details}</bdi>
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="hint">{t("rule")}</p>
    </div>
  );
}
