// Group totals and region totals, each a small table of its own: read first, before the group × region
// cross-table, whose cells are mostly "fewer than 5" until a call has many responses. The totals are the
// cross-table's own (lib/insights/suppression.ts suppresses them on their own, rules 2 and 4), so nothing
// is shown here that the cross-table does not show.
import { getTranslations } from "next-intl/server";
import { SMALL_CELL } from "@/lib/insights/suppression";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { countText } from "./format";
import type { MatrixValues } from "./participation-matrix";

/** Public figures only: the totals as the domain suppressed them. */
export async function ParticipationTotals({ values }: { values: MatrixValues }) {
  const t = await getTranslations("Participation");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const show = (value: MatrixValues["total"] | null) => countText(t, value, SMALL_CELL);
  const rows = [
    {
      caption: t("totalsByGroup"),
      head: t("group"),
      entries: STAKEHOLDER_GROUPS.map((g) => [tGroup(g), values.rowTotals[g]] as const),
    },
    {
      caption: t("totalsByRegion"),
      head: t("region"),
      entries: UN_REGIONS.map((r) => [tRegion(r), values.columnTotals[r]] as const),
    },
  ];
  return (
    <div className="participation-totals">
      {rows.map((table) => (
        <table key={table.caption} className="participation">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{table.head}</th>
              <th scope="col">{t("responsesColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {table.entries.map(([name, count]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{show(count)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("sum")}</th>
              <td>{values.total}</td>
            </tr>
          </tfoot>
        </table>
      ))}
    </div>
  );
}
