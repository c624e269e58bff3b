// The one translator of errors: an error's code and parameters become a sentence of the "Errors" catalog in
// the reader's language. Server actions and route handlers call it with getTranslations("Errors"), client forms
// with useTranslations("Errors") (through components/forms/use-action-form.ts). Dates in parameters are
// written with their zone (lib/dates/format.ts). Pure: used on both sides.
import { formatDate } from "@/lib/dates/format";
import type { ErrorDescriptor, ParamValue } from "@/lib/errors";

/** next-intl's translator of the "Errors" namespace, on the server or the client. */
export type ErrorTranslator = ((key: string, values?: Record<string, string | number>) => string) & {
  has: (key: string) => boolean;
};

/** A code the catalog does not have (a zod message that is not a code, an old client) reads as "invalid". */
export function translateError(t: ErrorTranslator, error: ErrorDescriptor, locale = "en") {
  const params = (error.params ?? {}) as Record<string, ParamValue>;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    values[name] = value instanceof Date ? formatDate(value, { locale, timeZone: "UTC" }) : value;
  }
  return t.has(error.code) ? t(error.code, values) : t("invalid");
}

/** Per-field sentences, for a form to show beside each field. */
export function translateFieldErrors(
  t: ErrorTranslator,
  fieldErrors: Partial<Record<string, ErrorDescriptor[]>> | undefined,
  locale = "en",
): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, errors] of Object.entries(fieldErrors)) {
    if (errors?.length) out[field] = errors.map((error) => translateError(t, error, locale));
  }
  return Object.keys(out).length ? out : undefined;
}
