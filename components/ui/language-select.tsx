// A labelled <select> of the six languages, each named in itself and marked with its own `lang`: the language
// a person writes their text in (a response, a comment). Plain markup: a form's register() props (name, ref,
// handlers) pass through to the <select>, and without JavaScript it posts like any field.
import type { ComponentProps } from "react";
import { LOCALE_NAMES, locales } from "@/lib/i18n/config";

type Props = Omit<ComponentProps<"select">, "id" | "children"> & {
  id: string;
  label: string;
  /** The field's error sentence, already in the reader's language. */
  error?: string;
};

export function LanguageSelect({ id, label, error, ...select }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
