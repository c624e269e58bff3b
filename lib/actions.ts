// The shape every server action answers with, and the wrapper that turns domain errors into it.
import "server-only";
import { getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import { DomainError, RateLimitedError } from "@/lib/errors";
import { rateLimitedMessage } from "@/lib/limits/message";
import { INVALID_CHARACTERS_KEY, isInvalidTextError } from "@/lib/validation/text";

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

/** Runs an action body; typed domain errors become `{ ok: false }`, anything else is logged and hidden. */
export async function runAction<T>(name: string, body: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await body();
  } catch (error) {
    unstable_rethrow(error); // redirect(), notFound() and forbidden() must reach Next.js
    const t = await getTranslations("Errors");
    if (error instanceof RateLimitedError) return { ok: false, message: rateLimitedMessage(t, error.retryAfterSeconds) };
    if (error instanceof DomainError) {
      const message = t.has(error.message) ? t(error.message) : error.message;
      return { ok: false, message, fieldErrors: error.fieldErrors };
    }
    if (isInvalidTextError(error)) return { ok: false, message: t(INVALID_CHARACTERS_KEY) };
    console.error(`[action ${name}] unexpected error`, error);
    return { ok: false, message: t("unexpected") };
  }
}

/** The argument an action declares as FormData, or an empty one when a hand-made post sent something else. */
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

/** FormData as a plain object of strings (files and repeated keys are not used by these forms). Anyone can
 * post anything to an action: an argument that is not a FormData gives no values (the schema refuses them). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of asFormData(formData)) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
