// The comment forms' server actions share one shape with the rest of the app (lib/actions.ts): typed domain
// errors become `{ ok: false, message }`. Keys of this area live in "CommentErrors"; a key may carry a value
// after "|" (a time, for the comment period, or a limit), put into the sentence here.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { formatDate } from "@/lib/dates/format";

export async function commentMessage(message: string) {
  const t = await getTranslations("CommentErrors");
  const [key = "", value] = message.split("|");
  if (!t.has(key)) return message;
  if (value && /^\d{4}-\d\d-\d\dT/.test(value)) {
    return t(key, { time: formatDate(value, { locale: await getLocale(), timeZone: "UTC" }) });
  }
  return value ? t(key, { max: Number(value) }) : t(key);
}

/** Runs `body`; a refusal comes back translated, with what was typed (so the form keeps it). */
export async function commentAction<T>(
  name: string,
  formData: FormData,
  body: (values: Record<string, string>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const values = formValues(formData);
  const result = await runAction<T>(name, () => body(values));
  if (result.ok) return result;
  return { ...result, message: await commentMessage(result.message), values };
}
