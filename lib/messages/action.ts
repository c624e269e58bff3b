// The message editor's server actions share one shape: parse the form with the shared schema, authorize a
// moderator, run the domain function, revalidate, and answer with a sentence for the form's live region.
// Error keys of this area live in the "MessageErrors" and "VersionErrors" namespaces (the shared "Errors" one
// is core's); a key may carry values as "key|{json}", ISO times among them are written out in UTC.
import "server-only";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authorize, type SessionUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates/format";
import { Invalid } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/issues";

type Done = { key: string; values?: Record<string, number | string> };

export async function messageAction<S extends z.ZodType>(
  name: string,
  schema: S,
  formData: FormData,
  run: (actor: SessionUser, input: z.output<S>) => Promise<Done>,
): Promise<ActionResult> {
  const values = formValues(formData);
  const result = await runAction<null>(name, async () => {
    const actor = await authorize("MODERATOR");
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      throw Invalid("invalid", fieldErrorsOf(parsed.error));
    }
    const done = await run(actor, parsed.data);
    revalidatePath("/", "layout");
    const t = await getTranslations("MessageEditor");
    const tv = await getTranslations("VersionEditor");
    return { ok: true, data: null, message: t.has(done.key) ? t(done.key, done.values) : tv(done.key, done.values) };
  });
  if (result.ok) return result;
  return { ...result, message: await errorMessage(result.message), values };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

async function errorMessage(message: string) {
  const split = message.indexOf("|");
  const key = split < 0 ? message : message.slice(0, split);
  let values: Record<string, string | number> = {};
  if (split >= 0) {
    try {
      values = JSON.parse(message.slice(split + 1)) as Record<string, string | number>;
    } catch {
      return message;
    }
  }
  const locale = await getLocale();
  for (const [name, value] of Object.entries(values))
    if (typeof value === "string" && ISO.test(value)) values[name] = formatDate(value, { locale, timeZone: "UTC" });
  for (const namespace of ["MessageErrors", "VersionErrors"] as const) {
    const t = await getTranslations(namespace);
    if (t.has(key)) return t(key, values);
  }
  return message;
}
