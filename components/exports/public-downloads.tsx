// The open-data links of a published call's page: its published responses and message sets, as CSV or JSON.
import { getTranslations } from "next-intl/server";
import { EXPORT_FORMATS, PUBLIC_DATASETS } from "@/lib/exports/schemas";

export async function PublicDownloads({ slug }: { slug: string }) {
  const t = await getTranslations("PublicExports");
  const what = { responses: t("responses"), "message-sets": t("messageSets") } as const;
  return (
    <section aria-labelledby="open-data">
      <h2 id="open-data">{t("heading")}</h2>
      <ul className="link-list">
        {PUBLIC_DATASETS.map((dataset) => (
          <li key={dataset}>
            {what[dataset]} (
            {EXPORT_FORMATS.map((format, index) => (
              <span key={format}>
                {index > 0 && ", "}
                <a
                  href={`/api/calls/${encodeURIComponent(slug)}/export/${dataset}.${format}`}
                  download
                  aria-label={t(format === "csv" ? "csvLabel" : "jsonLabel", { what: what[dataset] })}
                >
                  {t(format)}
                </a>
              </span>
            ))}
            )
          </li>
        ))}
      </ul>
      <p className="hint">{t("note")}</p>
    </section>
  );
}
