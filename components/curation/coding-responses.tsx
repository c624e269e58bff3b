// The call's submitted responses, each linking to its moderation view where it is tagged and quoted.
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import styles from "./coding.module.css";
import { TableRegion } from "@/components/ui/table-region";

type Row = {
  id: string;
  reference: string | null;
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
  tagCount: number;
  excerptCount: number;
};

export async function CodingResponses({ rows }: { rows: Row[] }) {
  const t = await getTranslations("Coding");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  if (!rows.length) return <p>{t("noResponses")}</p>;
  return (
    // Named by the heading of its section on the coding page ("Responses to code"): the table has no caption.
    <TableRegion labelledBy="responses-heading">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("reference")}</th>
            <th scope="col">{t("filterGroup")}</th>
            <th scope="col">{t("filterRegion")}</th>
            <th scope="col">{t("codedSoFar")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={styles.nowrap}>
                <Link href={`/moderation/responses/${row.id}`}>{row.reference}</Link>
              </th>
              <td>{row.stakeholderGroup ? tGroup(row.stakeholderGroup) : "—"}</td>
              <td>{row.region ? tRegion(row.region) : "—"}</td>
              <td>{t("codedValue", { tags: row.tagCount, excerpts: row.excerptCount })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
