// Responses by stakeholder group as horizontal bars, drawn on the server as SVG. Each bar carries its
// group name and its figure as text, so the chart reads without colour; a suppressed figure has no bar
// (its length would give it away) and says "fewer than 5". Public figures come suppressed by the domain
// (`totals`); exact ones (`exactTotals`) are for moderators' pages only.
import { getTranslations } from "next-intl/server";
import type { StakeholderGroup } from "@/lib/generated/prisma/enums";
import type { PublicCount } from "@/lib/insights/suppression";
import { SMALL_CELL } from "@/lib/insights/suppression";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { countText } from "./format";
import styles from "./insights.module.css";

type Props = ({ totals: Record<StakeholderGroup, PublicCount> } | { exactTotals: Record<StakeholderGroup, number> }) & {
  id: string;
  shares: Record<StakeholderGroup, number | null>;
};

const WIDTH = 720;
const LABEL = 330;
const BAR = 250;
const ROW = 34;
/**
 * A group's name longer than this (in characters) is written on two lines, so it fits in the LABEL width
 * beside its bar (at 14 px, about 8 px a character: 38 characters take about 300 of its 322 units).
 */
export const ONE_LINE = 36;
export const LONGEST_LINE = 38;

/** The name on one line, or on two split at the space nearest its middle. */
export function labelLines(name: string): string[] {
  if (name.length <= ONE_LINE) return [name];
  const middle = name.length / 2;
  let split = -1;
  for (let i = 0; i < name.length; i++)
    if (name[i] === " " && (split < 0 || Math.abs(i - middle) < Math.abs(split - middle))) split = i;
  return split < 0 ? [name] : [name.slice(0, split), name.slice(split + 1)];
}

export async function GroupBarChart(props: Props) {
  const { id, shares } = props;
  const totals: Record<StakeholderGroup, PublicCount | number> = "exactTotals" in props ? props.exactTotals : props.totals;
  const t = await getTranslations("Participation");
  const tGroup = await getTranslations("StakeholderGroup");
  const max = Math.max(1, ...STAKEHOLDER_GROUPS.map((g) => totals[g] ?? 0));
  const height = STAKEHOLDER_GROUPS.length * ROW + 10;
  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{t("byGroupChart")}</title>
      <desc id={`${id}-desc`}>{t("byGroupDesc")}</desc>
      {STAKEHOLDER_GROUPS.map((group, index) => {
        const value = totals[group];
        const y = 5 + index * ROW;
        const length = value === null ? 0 : Math.round((value / max) * BAR);
        const share = shares[group];
        const label = value === null ? countText(t, null, SMALL_CELL) : t("valueLabel", { count: value, share: share ?? 0 });
        return (
          <g key={group}>
            <text x={LABEL - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" fontSize="14" fill="#1a1a1a">
              {labelLines(tGroup(group)).map((line, i, lines) => (
                <tspan key={i} x={LABEL - 8} dy={lines.length === 1 ? 0 : i === 0 ? "-0.55em" : "1.1em"}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect x={LABEL} y={y + 6} width={length} height={ROW - 12} fill="#1d4f91" />
            <text x={LABEL + length + 6} y={y + ROW / 2} dominantBaseline="middle" fontSize="14" fill="#1a1a1a">
              {label}
            </text>
          </g>
        );
      })}
      <line x1={LABEL} x2={LABEL} y1={0} y2={height} stroke="#1a1a1a" strokeWidth="1" />
    </svg>
  );
}
