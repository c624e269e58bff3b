"use client";
// Importing several contributions from a CSV file (lib/intake/csv.ts): "Check the file" shows every row as
// it would be recorded and every error by line and column, saving nothing; "Import" appears only when no
// row has an error and posts the checked text again (the server checks it again, all or nothing). Plain
// form posts: both steps work without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { TableRegion } from "@/components/ui/table-region";
import type { ActionState, FormAction } from "@/lib/actions";
import type { ImportCheck } from "@/lib/intake/csv";
import { translateError } from "@/lib/i18n/errors";

type Checked = ImportCheck & { csv: string };

type Props = {
  callId: string;
  importKey: string;
  check: FormAction<Checked>;
  importAction: FormAction<null>;
};

export function ImportForm({ callId, importKey, check, importAction }: Props) {
  const t = useTranslations("Intake");
  const tErrors = useTranslations("Errors");
  const tChannel = useTranslations("Channel");
  const tGroup = useTranslations("StakeholderGroup");
  const tRegion = useTranslations("UnRegion");
  const locale = useLocale();
  const [checked, checkAction, checking] = useActionState<ActionState<Checked> | null, FormData>(check, null);
  const [imported, importFormAction, importing] = useActionState<ActionState<null> | null, FormData>(importAction, null);
  const [fileChosen, setFileChosen] = useState(false);
  const result = checked?.ok ? checked.data : null;
  const refusal = checked && !checked.ok ? checked.message : imported && !imported.ok ? imported.message : null;

  return (
    <>
      <form className="form" action={checkAction}>
        <input type="hidden" name="callId" value={callId} />
        <div className="field">
          <label htmlFor="intake-file">{t("file")}</label>
          <p className="hint" id="intake-file-hint">
            {t("fileHint")}
          </p>
          <input
            type="file"
            id="intake-file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-describedby="intake-file-hint"
            onChange={(event) => setFileChosen(!!event.currentTarget.files?.length)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button secondary" disabled={checking} aria-disabled={!fileChosen || undefined}>
            {t("check")}
          </button>
        </div>
      </form>
      {refusal && (
        <p className="notice error" role="alert">
          {refusal}
        </p>
      )}
      {result && (
        <section aria-labelledby="import-check-heading" className="import-check">
          <h3 id="import-check-heading">{t("checkHeading")}</h3>
          {result.errors.length > 0 ? (
            <div role="alert">
              <p className="notice error">{t("rowErrors", { count: result.errors.length })}</p>
              <ul className="import-errors">
                {result.errors.map((error, index) => (
                  <li key={index}>
                    {error.column
                      ? t("errorAt", {
                          line: error.line,
                          column: error.column,
                          message: translateError(tErrors, error.error, locale),
                        })
                      : t("errorAtLine", { line: error.line, message: translateError(tErrors, error.error, locale) })}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="notice ok" role="status">
              {t("readyToImport", { count: result.rows.length })}
            </p>
          )}
          {result.rows.length > 0 && (
            <TableRegion labelledBy="import-preview-caption">
              <table className="import-preview">
                <caption id="import-preview-caption">{t("previewCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("line")}</th>
                    <th scope="col">{t("contributorName")}</th>
                    <th scope="col">{t("channel")}</th>
                    <th scope="col">{t("stakeholderGroup")}</th>
                    <th scope="col">{t("region")}</th>
                    <th scope="col">{t("answered")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      <td>
                        <bdi>{row.name}</bdi>
                      </td>
                      <td>{tChannel(row.channel as "EMAIL")}</td>
                      <td>{row.stakeholderGroup ? tGroup(row.stakeholderGroup as "GOVERNMENT") : "—"}</td>
                      <td>{row.region ? tRegion(row.region as "AFRICA") : "—"}</td>
                      <td>{row.answered}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          {result.errors.length === 0 && (
            <form action={importFormAction}>
              <input type="hidden" name="callId" value={callId} />
              <input type="hidden" name="importKey" value={importKey} />
              <input type="hidden" name="csv" value={result.csv} />
              <div className="button-row">
                <button type="submit" className="button" disabled={importing}>
                  {t("import", { count: result.rows.length })}
                </button>
              </div>
            </form>
          )}
        </section>
      )}
    </>
  );
}
