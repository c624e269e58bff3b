"use client";
// A translation beside its original: one row per text, the original on one side (read only, in its own
// language) and a box for the translation on the other (in the target language and direction). A plain form
// through useActionState: it works without JavaScript, and a refused form comes back with every typed text
// and a sentence beside each field at fault.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { RevisionField, theirChanges, TheirVersion } from "@/components/forms/edit-conflict";
import type { FormAction } from "@/lib/actions";
import { directionOf } from "@/lib/i18n/config";
import styles from "./translation-form.module.css";

export type TranslationRow = {
  /** The form field of the translation. */
  name: string;
  /** What the text is, e.g. "Question 2", "Paragraph 4". */
  label: string;
  original: string;
  multiline: boolean;
  /** Choices: one per line. */
  lines?: boolean;
  maxLength: number;
};

type Props<T> = {
  action: FormAction<T>;
  hidden: Record<string, string>;
  rows: TranslationRow[];
  values: Record<string, string>;
  /** The original's language and the translation's. */
  from: string;
  to: string;
  fromName: string;
  toName: string;
  disabled?: boolean;
  /** The translation's last save in milliseconds, 0 for none (lib/edits/revision.ts). */
  revision: number;
};

export function TranslationForm<T>({ action, hidden, rows, values, from, to, fromName, toName, disabled, revision }: Props<T>) {
  const t = useTranslations("Translations");
  const [state, formAction, pending] = useActionState(action, null);
  const shown = state && !state.ok && state.values ? state.values : values;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const refused = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} className={styles.form} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <RevisionField revision={revision} state={state} />
      <TheirVersion fields={theirChanges(refused, rows)} />
      <div className={styles.head} aria-hidden="true">
        <span>{t("originalColumn", { language: fromName })}</span>
        <span>{t("translationColumn", { language: toName })}</span>
      </div>
      {rows.map((row) => {
        const id = `tr-${row.name}`;
        const error = errors[row.name]?.[0];
        const common = {
          id,
          name: row.name,
          lang: to,
          dir: directionOf(to),
          defaultValue: shown[row.name] ?? "",
          disabled,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": [`${id}-original`, error && `${id}-error`].filter(Boolean).join(" "),
        };
        return (
          <div className={styles.row} key={`${row.name}-${state && !state.ok ? "refused" : "ok"}`}>
            <div className={styles.original}>
              <p className={styles.label}>{row.label}</p>
              <div id={`${id}-original`} lang={from} dir={directionOf(from)} className={styles.originalText}>
                {row.original}
              </div>
            </div>
            <div className="field">
              <label htmlFor={id}>{t("translationOf", { what: row.label, language: toName })}</label>
              {row.multiline || row.lines ? (
                <textarea {...common} rows={Math.min(12, Math.max(3, Math.ceil(row.original.length / 70) + 1))} />
              ) : (
                <input type="text" {...common} maxLength={row.maxLength} />
              )}
              {row.lines && <p className="hint">{t("oneChoicePerLine")}</p>}
              {error && (
                <p className="field-error" id={`${id}-error`}>
                  {error}
                </p>
              )}
            </div>
          </div>
        );
      })}
      <p>
        <button type="submit" className="button" disabled={pending || disabled}>
          {t("save", { language: toName })}
        </button>
      </p>
      <p role={state && !state.ok ? "alert" : "status"} className={state && !state.ok ? "field-error" : "hint"}>
        {state ? (state.ok ? state.message : state.message) : ""}
      </p>
    </form>
  );
}
