// Responses by stakeholder group × UN region as a table with totals and the share of each group. Renders
// what it is given: the public's figures as the domain suppressed them (`figures`, where null reads "fewer
// than 5"), or, on moderators' pages only, exact counts (`exact`).
import { getTranslations } from "next-intl/server";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { PublicFigures } from "@/lib/insights/public-figures";
import { SMALL_CELL, type PublicCount } from "@/lib/insights/suppression";
import type { Counts } from "@/lib/insights/tally";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { countText } from "./format";
import { TableRegion } from "@/components/ui/table-region";

export type MatrixValues = PublicFigures["table"];

type Props = ({ figures: MatrixValues } | { exact: Counts }) & {
  shares?: Record<StakeholderGroup, number | null>;
  caption?: string;
  id?: string;
};

type Shown = {
  cells: Record<StakeholderGroup, Record<UnRegion, PublicCount | number>>;
  rowTotals: Record<StakeholderGroup, PublicCount | number>;
  columnTotals: Record<UnRegion, PublicCount | number>;
  total: number;
};

export async function ParticipationMatrix(props: Props) {
  const { shares, caption, id = "participation-matrix" } = props;
  const values: Shown =
    "exact" in props
      ? {
          cells: props.exact.cells,
          rowTotals: props.exact.groupTotals,
          columnTotals: props.exact.regionTotals,
          total: props.exact.total,
        }
      : props.figures;
  const t = await getTranslations("Participation");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const show = (value: PublicCount | number) => countText(t, value, SMALL_CELL);
  return (
    <TableRegion labelledBy={`${id}-caption`}>
      <table className="participation">
        <caption id={`${id}-caption`}>{caption ?? t("matrixCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("group")}</th>
            {UN_REGIONS.map((region) => (
              <th scope="col" key={region}>
                {tRegion(region)}
              </th>
            ))}
            <th scope="col">{t("sum")}</th>
            {shares && <th scope="col">{t("share")}</th>}
          </tr>
        </thead>
        <tbody>
          {STAKEHOLDER_GROUPS.map((group) => (
            <tr key={group}>
              <th scope="row">{tGroup(group)}</th>
              {UN_REGIONS.map((region) => (
                <td key={region}>{show(values.cells[group][region])}</td>
              ))}
              <td>{show(values.rowTotals[group])}</td>
              {shares && <td>{shares[group] === null ? "–" : `${shares[group]}%`}</td>}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("sum")}</th>
            {UN_REGIONS.map((region) => (
              <td key={region}>{show(values.columnTotals[region])}</td>
            ))}
            <td>{values.total}</td>
            {shares && <td>{values.total ? "100%" : "–"}</td>}
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}
