// The shape of this area's server actions: run the body through runAction, and translate error keys of
// the "NotificationErrors" namespace (the shared "Errors" one is core's).
import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { Invalid } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/issues";

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): z.output<S> {
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) {
    throw Invalid("invalid", fieldErrorsOf(parsed.error));
  }
  return parsed.data;
}

export async function notificationAction<T>(name: string, body: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const result = await runAction(name, body);
  if (result.ok) return result;
  const t = await getTranslations("NotificationErrors");
  return { ...result, message: t.has(result.message) ? t(result.message) : result.message };
}
