// The moderators' list of downloads: each dataset, what it holds, its row count now, and a link per format.
// Plain links (not next/link): the files come from route handlers and are saved, not navigated to.
import { getTranslations } from "next-intl/server";
import { EXPORT_FORMATS, type ModeratorDataset } from "@/lib/exports/schemas";
import { TableRegion } from "@/components/ui/table-region";

type Props = { datasets: { dataset: ModeratorDataset; rows: number }[]; href: (file: string) => string };

export async function ExportTable({ datasets, href }: Props) {
  const t = await getTranslations("Exports");
  return (
    <TableRegion labelledBy="export-datasets-caption">
      <table>
        <caption id="export-datasets-caption">{t("tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dataset")}</th>
            <th scope="col">{t("contents")}</th>
            <th scope="col">{t("rows")}</th>
            <th scope="col">{t("download")}</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map(({ dataset, rows }) => (
            <tr key={dataset}>
              <th scope="row">{t(`names.${dataset}`)}</th>
              <td>{t(`descriptions.${dataset}`)}</td>
              <td>{t("rowCount", { count: rows })}</td>
              <td>
                {EXPORT_FORMATS.map((format, index) => (
                  <span key={format}>
                    {index > 0 && " · "}
                    <a
                      href={href(`${dataset}.${format}`)}
                      download
                      aria-label={t("downloadAs", { dataset: t(`names.${dataset}`), format: format.toUpperCase() })}
                    >
                      {format.toUpperCase()}
                    </a>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
