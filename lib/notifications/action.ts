// The shape of this area's server actions: run the body through runAction, and translate error keys of
// the "NotificationErrors" namespace (the shared "Errors" one is core's).
import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { Invalid } from "@/lib/errors";

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): z.output<S> {
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    throw Invalid("invalid", fieldErrors);
  }
  return parsed.data;
}

export async function notificationAction<T>(name: string, body: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const result = await runAction(name, body);
  if (result.ok) return result;
  const t = await getTranslations("NotificationErrors");
  return { ...result, message: t.has(result.message) ? t(result.message) : result.message };
}
