"use client";
// The one form hook: react-hook-form checked in the browser by the same zod schema the server action parses
// with (errors in the reader's language through the one translator, lib/i18n/errors.ts), posted to a server
// action made with defineAction (lib/actions.ts) through useActionState, so the same <form action> also works
// without JavaScript. The server's refusal comes back as `refused`: its field sentences are shown beside the
// fields (fieldError), its other sentence above the form (formError), and the values as typed are the form's
// defaults again.
//
//   const { form, formRef, formAction, onSubmit, fieldError, formError, pending } =
//     useActionForm({ schema: commentInputSchema, action: postCommentAction, defaults: (typed) => ({ body: typed?.body ?? "" }) });
//   <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate> … {fieldError("body")} …
import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useCallback, useEffect, useMemo, useRef, type FormEvent } from "react";
import {
  get,
  set,
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
} from "react-hook-form";
import type { z } from "zod";
import type { ActionState, FormAction } from "@/lib/actions";
import { translateError } from "@/lib/i18n/errors";
import { fieldNameOf, fromZodIssue } from "@/lib/validation/issues";

type Options<S extends z.ZodType<FieldValues, FieldValues>, T> = {
  schema: S;
  action: FormAction<T>;
  /** The form's values, from what a refused post sent back (undefined on the first render). */
  defaults: (typed: Record<string, string> | undefined) => DefaultValues<z.input<S>>;
  /** Called once per successful answer (to reset the form, move focus, …). */
  onSuccess?: (data: T) => void;
  /** Fields named by dotted paths ("questions.2.prompt"): errors are placed there (the action says `nested` too). */
  nested?: boolean;
};

/** Translates zod's issues in the browser: the first issue of each field, as the server would say it. With
 * `nested`, under the issue's whole path; a list's own error then sits beside its items' as their "root". */
export function useSchemaResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, { nested = false } = {}) {
  const t = useTranslations("Errors");
  const locale = useLocale();
  return useMemo<Resolver<z.input<S>, unknown, z.output<S>>>(
    () => async (values) => {
      const parsed = await schema.safeParseAsync(values);
      if (parsed.success) return { values: parsed.data, errors: {} };
      const byField: Record<string, FieldError> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? fieldNameOf(issue.path, nested) : "root";
        byField[field] ??= { type: issue.code, message: translateError(t, fromZodIssue(issue), locale) };
      }
      const errors: FieldErrors<z.input<S>> = {};
      const fields = Object.keys(byField);
      for (const field of fields) {
        const isList = nested && fields.some((other) => other.startsWith(`${field}.`));
        set(errors, isList ? `${field}.root` : field, byField[field]);
      }
      return { values: {}, errors };
    },
    [schema, t, locale, nested],
  );
}

export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>({
  schema,
  action,
  defaults,
  onSuccess,
  nested = false,
}: Options<S, T>) {
  const [state, formAction, pending] = useActionState<ActionState<T> | null, FormData>(action, null);
  const refused = state && !state.ok ? state : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  const resolver = useSchemaResolver(schema, { nested });
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver, defaultValues: defaults(refused?.values) });
  const { setError, formState } = form;

  // A new answer: the server's field sentences become the fields' errors; success is announced once.
  useEffect(() => {
    if (!state) return;
    if (state.ok) onSuccess?.(state.data);
    else
      for (const [name, messages] of Object.entries(state.fieldErrors ?? {}))
        if (messages?.[0]) setError(name as Path<z.input<S>>, { type: "server", message: messages[0] });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new answer arrives
  }, [state]);

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) =>
      form.handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event),
    [form, formAction],
  );

  /** The field's sentence: the browser's check, else the server's (also on a page rendered without JavaScript). */
  const fieldError = (name: string): string | undefined => {
    const error = get(formState.errors, name) as { message?: unknown; root?: { message?: unknown } } | undefined;
    const own = error?.message ?? error?.root?.message;
    if (typeof own === "string") return own;
    return formState.submitCount === 0 ? refused?.fieldErrors?.[name]?.[0] : undefined;
  };
  /** The refusal's sentence when no field of this form explains it. */
  const formError = (fields: readonly string[]) =>
    refused && !fields.some((name) => refused.fieldErrors?.[name]?.length) ? refused.message : undefined;

  return { form, state, refused, formAction, pending, formRef, onSubmit, fieldError, formError };
}
