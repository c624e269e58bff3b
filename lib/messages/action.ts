// The message editor's server actions share one shape: parse the form with the shared schema, authorize a
// moderator, run the domain function, revalidate, and answer with a sentence for the form's live region.
// Error keys of this area live in the "MessageErrors" namespace (the shared "Errors" one is core's).
import "server-only";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authorize, type SessionUser } from "@/lib/auth/session";
import { Invalid } from "@/lib/errors";

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
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
      throw Invalid("invalid", fieldErrors);
    }
    const done = await run(actor, parsed.data);
    revalidatePath("/", "layout");
    const t = await getTranslations("MessageEditor");
    return { ok: true, data: null, message: t(done.key, done.values) };
  });
  if (result.ok) return result;
  const t = await getTranslations("MessageErrors");
  return { ...result, message: t.has(result.message) ? t(result.message) : result.message, values };
}
