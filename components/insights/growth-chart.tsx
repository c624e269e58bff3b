// The running total of responses day by day, as a step line drawn on the server (SVG), with its data
// table in a disclosure beneath. Days are the call's calendar days.
import { getTranslations } from "next-intl/server";
import type { DayPoint } from "@/lib/insights/tally";
import styles from "./insights.module.css";
import { TableRegion } from "@/components/ui/table-region";

const WIDTH = 720;
const HEIGHT = 240;
const LEFT = 56;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 40;

export async function GrowthChart({ id, growth, timeZone }: { id: string; growth: DayPoint[]; timeZone: string }) {
  const t = await getTranslations("Participation");
  if (growth.length === 0) return <p>{t("growthEmpty")}</p>;
  const first = growth[0]!;
  const last = growth[growth.length - 1]!;
  const max = Math.max(1, last.cumulative);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / growth.length;
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  // A step per day: flat across the day at the total reached by its end.
  const start = growth.length ? first.cumulative - first.count : 0;
  let path = `M ${LEFT} ${y(start).toFixed(1)}`;
  growth.forEach((point, index) => {
    path += ` V ${y(point.cumulative).toFixed(1)} H ${(LEFT + (index + 1) * step).toFixed(1)}`;
  });
  return (
    <>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t("growthChart")}</title>
        <desc id={`${id}-desc`}>
          {t("growthDesc", { first: first.date, last: last.date, zone: timeZone, start, end: last.cumulative })}
        </desc>
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + plotHeight} stroke="#1a1a1a" />
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotHeight} y2={TOP + plotHeight} stroke="#1a1a1a" />
        <text x={LEFT - 6} y={y(max)} textAnchor="end" dominantBaseline="middle" fontSize="13" fill="#1a1a1a">
          {max}
        </text>
        <text x={LEFT - 6} y={y(0)} textAnchor="end" dominantBaseline="middle" fontSize="13" fill="#1a1a1a">
          0
        </text>
        <text x={LEFT} y={HEIGHT - 12} fontSize="13" fill="#1a1a1a">
          {first.date}
        </text>
        <text x={WIDTH - RIGHT} y={HEIGHT - 12} textAnchor="end" fontSize="13" fill="#1a1a1a">
          {last.date}
        </text>
        <path d={path} fill="none" stroke="#1d4f91" strokeWidth="3" />
        <text
          x={WIDTH - RIGHT}
          y={Math.max(TOP + 12, y(last.cumulative) - 8)}
          textAnchor="end"
          fontSize="14"
          fontWeight="700"
          fill="#1a1a1a"
        >
          {last.cumulative}
        </text>
      </svg>
      <details className={styles.details}>
        <summary>{t("growthTable")}</summary>
        <TableRegion labelledBy={`${id}-table-caption`}>
          <table className={styles.numbers}>
            <caption id={`${id}-table-caption`}>{t("growthCaption", { zone: timeZone })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("day")}</th>
                <th scope="col">{t("newResponses")}</th>
                <th scope="col">{t("cumulative")}</th>
              </tr>
            </thead>
            <tbody>
              {growth.map((point) => (
                <tr key={point.date}>
                  <th scope="row">{point.date}</th>
                  <td>{point.count}</td>
                  <td>{point.cumulative}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </>
  );
}
