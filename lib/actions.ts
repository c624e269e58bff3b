// The one action client: every server action is made with `defineAction`, so each has, in this order,
//   1. the form's values (strings; `input` for the few forms that send files or repeated fields),
//   2. authorization (`auth`: "visitor", a role, or a function of the signed-in user),
//   3. the shared zod schema (the same object the form's resolver uses in the browser),
//   4. the domain function (`run`), which may revalidate and redirect,
// and one answer shape (ActionState): `{ ok: true, data }`, or `{ ok: false }` with the error's code, the
// sentence in the person's language, per-field sentences, and the values as typed (so a refused form,
// with or without JavaScript, is shown again as it was). Unexpected errors are logged with a request id and
// answered with a generic sentence quoting it. Actions live in lib/<domain>/actions.ts ("use server"), where
// their page and their form both import them.
//
//   export const reportCommentAction = defineAction({
//     name: "comments.report", auth: "STAKEHOLDER", schema: commentReportSchema,
//     run: (input, { actor }) => reportComment(actor, input),
//   });
//
// Forms use components/forms/use-action-form.ts (react-hook-form) or useActionState directly.
import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { authorize as authorizePermission, type Permission } from "@/lib/auth/permissions";
import { authorize, getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, type EditConflict, type ErrorCode, type ErrorDescriptor, isAppError } from "@/lib/errors";
import { translateError, translateFieldErrors } from "@/lib/i18n/errors";
import { fieldErrorsOf } from "@/lib/validation/issues";
import { isInvalidTextError } from "@/lib/validation/text";

export type FieldErrors = Record<string, string[] | undefined>;

export type ActionState<T = null> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      fieldErrors?: FieldErrors;
      values?: Record<string, string>;
      requestId?: string;
      /** Someone else saved the same object first: their version, and the revision to save over it. */
      conflict?: EditConflict;
    };

/** Kept for readability at call sites: the answer of an action. */
export type ActionResult<T = null> = ActionState<T>;

/** An action as forms call it: `useActionState(action, null)` or `<form action>`. */
export type FormAction<T = null> = (previous: ActionState<T> | null, formData: FormData) => Promise<ActionState<T>>;

/** Who may call: anyone, a signed-in user of at least a role, or a rule on the signed-in user. */
/**
 * Who may call an action at all: "visitor" (anyone), a role ("STAKEHOLDER": signed in; "ADMIN"), a
 * permission held in some forum (lib/auth/permissions.ts; the domain function then checks the object's
 * forum), or a predicate.
 */
export type ActionAuth = "visitor" | Exclude<Role, "MODERATOR"> | Permission | ((user: SessionUser) => boolean);

type Context<Actor> = { actor: Actor; values: Record<string, string>; formData: FormData };

type ActionOptions<S extends z.ZodType, T, A extends ActionAuth> = {
  /** For logs: "<domain>.<verb>". */
  name: string;
  auth: A;
  schema: S;
  /** The schema's input, when the plain string values are not it (files, repeated fields, JSON). */
  input?: (formData: FormData, values: Record<string, string>) => unknown;
  run: (input: z.output<S>, context: Context<A extends "visitor" ? SessionUser | null : SessionUser>) => Promise<T> | T;
  /** A sentence for the form's live region on success. */
  message?: (data: T) => Promise<string> | string;
  /** Field errors under their whole dotted path ("questions.2.prompt"), for forms with nested field names. */
  nested?: boolean;
  /** Which typed values to send back with a refusal; all of them by default, none with `false`. */
  keepValues?: false | ((values: Record<string, string>, formData: FormData) => Record<string, string>);
};

export function defineAction<S extends z.ZodType, T, A extends ActionAuth>(options: ActionOptions<S, T, A>): FormAction<T> {
  return async (_previous, formData) => {
    const values = formValues(formData);
    const kept = options.keepValues === false ? undefined : (options.keepValues?.(values, asFormData(formData)) ?? values);
    try {
      const actor = await actorFor(options.auth);
      const parsed = options.schema.safeParse(options.input ? options.input(asFormData(formData), values) : values);
      if (!parsed.success)
        throw new AppError("invalid", { code: "invalid" }, fieldErrorsOf(parsed.error, { nested: options.nested }));
      const context = { actor, values, formData: asFormData(formData) } as Parameters<typeof options.run>[1];
      const data = await options.run(parsed.data, context);
      const message = options.message ? await options.message(data) : undefined;
      return { ok: true, data, ...(message !== undefined && { message }) };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and forbidden() must reach Next.js
      return { ...(await refusal(options.name, error)), values: kept };
    }
  };
}

async function actorFor(auth: ActionAuth): Promise<SessionUser | null> {
  if (auth === "visitor") return getSessionUser();
  if (typeof auth === "function") {
    const user = await authorize();
    if (!auth(user)) throw new AppError("forbidden", { code: "forbidden" });
    return user;
  }
  if (auth === "STAKEHOLDER" || auth === "ADMIN") return authorize(auth);
  return authorizePermission(await authorize(), auth);
}

/** A thrown error as the answer of an action, in the person's language. */
export async function refusal(name: string, error: unknown): Promise<Extract<ActionState<never>, { ok: false }>> {
  const t = await getTranslations("Errors");
  const locale = await getLocale();
  if (isAppError(error)) {
    return {
      ok: false,
      code: error.code,
      message: translateError(t, error.descriptor, locale),
      fieldErrors: translateFieldErrors(t, error.fieldErrors, locale),
      ...(error.conflict && { conflict: error.conflict }),
    };
  }
  if (isInvalidTextError(error)) return { ok: false, code: "invalidCharacters", message: t("invalidCharacters") };
  const requestId = await requestIdOf();
  console.error(`[action ${name}] unexpected error (request ${requestId})`, error);
  const unexpected: ErrorDescriptor = { code: "unexpected", params: { requestId } };
  return { ok: false, code: "unexpected", message: translateError(t, unexpected, locale), requestId };
}

/** The load balancer's request id when it sent a plain one, else a new one: the same id in the log and on screen. */
async function requestIdOf() {
  const given = await headers()
    .then((h) => h.get("x-request-id"))
    .catch(() => null);
  return given && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID().slice(0, 8);
}

/** The argument an action declares as FormData, or an empty one when a hand-made post sent something else. */
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

/** FormData as a plain object of strings (the last of repeated keys; files are left out). Anyone can post
 * anything to an action: an argument that is not a FormData gives no values (the schema refuses them). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of asFormData(formData)) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}
