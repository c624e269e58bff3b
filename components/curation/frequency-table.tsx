// How often each tag appears, and in whose contributions: one row per tag, a bar scaled to the most used
// tag (SVG, sized by attributes: no inline styles under the CSP), then the counts by stakeholder group.
import { getTranslations } from "next-intl/server";
import type { TagFrequency } from "@/lib/curation/frequency";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import styles from "./coding.module.css";
import { TableRegion } from "@/components/ui/table-region";

/** Narrow enough that the table by stakeholder group (seven columns of counts) fits at 1280 px. */
const BAR_WIDTH = 80;

export async function FrequencyTable({ rows, by }: { rows: TagFrequency[]; by: "group" | "region" }) {
  const t = await getTranslations("Coding");
  const tColumn = await getTranslations(by === "group" ? "StakeholderGroup" : "UnRegion");
  const columns = by === "group" ? STAKEHOLDER_GROUPS : UN_REGIONS;
  // The region by group is named by the section's heading on the coding page, short where its caption is long;
  // the one by region by its own caption.
  const captionId = `frequency-${by}-caption`;
  const max = Math.max(1, ...rows.map((row) => row.total));
  const cell = (row: TagFrequency, column: string) =>
    (by === "group" ? row.byGroup : row.byRegion)[column as keyof TagFrequency["byGroup"] & keyof TagFrequency["byRegion"]] ?? 0;
  return (
    <TableRegion labelledBy={by === "group" ? "frequency-heading" : captionId}>
      <table className={styles.frequency}>
        <caption id={captionId}>{by === "group" ? t("frequencyCaption") : t("frequencyRegionCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("tag")}</th>
            <th scope="col">{t("total")}</th>
            {by === "group" && <th scope="col">{t("share")}</th>}
            {columns.map((column) => (
              <th scope="col" key={column}>
                {tColumn(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.tagId}>
              <th scope="row">{row.name}</th>
              <td className={styles.number}>{row.total}</td>
              {by === "group" && (
                <td>
                  <svg className={styles.bar} width={BAR_WIDTH} height="14" aria-hidden="true" focusable="false">
                    <rect className={styles.barTrack} x="0" y="0" width={BAR_WIDTH} height="14" />
                    <rect className={styles.barFill} x="0" y="0" width={Math.round((row.total / max) * BAR_WIDTH)} height="14" />
                  </svg>
                </td>
              )}
              {columns.map((column) => (
                <td key={column} className={styles.number}>
                  {cell(row, column)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
