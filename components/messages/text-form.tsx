"use client";
// A small form of the message editor with one or two text fields and hidden ids: validated in the browser
// with the same zod schema the server action re-parses; the outcome is announced in a live region. Works
// without JavaScript too (a plain POST of the same fields): the hidden ids are rendered with their values
// in the HTML (not registered with react-hook-form, which would only fill them in the browser) and the
// resolver reads them from `defaultValues`; the server's field messages are shown without JavaScript too.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";
import { MESSAGE_FORM_SCHEMAS, type MessageFormName } from "./form-schemas";
import { MarkdownPreview, type PreviewAction } from "./markdown-preview";
import styles from "./message-editor.module.css";

export type TextField = {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  maxLength?: number;
  rows?: number;
};

type Props = {
  /** Unique on the page: prefixes the fields' ids. */
  id: string;
  schema: MessageFormName;
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  hidden: Record<string, string>;
  fields: TextField[];
  submitLabel: string;
  /** Empty the fields after a success (forms that add something). */
  resetOnSuccess?: boolean;
  /** Offer a preview of the multi-line (Markdown) fields. */
  preview?: PreviewAction;
};

export function TextForm({ id, schema, action, hidden, fields, submitLabel, resetOnSuccess, preview }: Props) {
  const tv = useTranslations("Validation");
  const tm = useTranslations("MessageValidation");
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const defaults = { ...hidden, ...Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? ""])) };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors },
  } = useForm<Record<string, string>>({
    resolver: zodResolver(MESSAGE_FORM_SCHEMAS[schema]) as never,
    defaultValues: defaults,
  });

  useEffect(() => {
    if (state && !state.ok && state.fieldErrors)
      for (const [name, messages] of Object.entries(state.fieldErrors))
        if (messages?.[0]) setError(name, { message: messages[0] });
    if (state?.ok && resetOnSuccess)
      reset(Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, k in hidden ? v : ""])));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new answer arrives
  }, [state]);

  const message = (code: string | undefined) => {
    if (!code) return undefined;
    const [key = "", limit] = code.split("|");
    const values = limit ? { max: Number(limit) } : undefined;
    if (tv.has(key)) return tv(key, values);
    return tm.has(key) ? tm(key, values) : code;
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className={styles.form}
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const fieldId = `${id}--${field.name}`;
        const refused = state && !state.ok ? state.fieldErrors?.[field.name]?.[0] : undefined;
        const error = message(errors[field.name]?.message ?? refused);
        const describedBy = [field.hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(" ");
        const control = {
          id: fieldId,
          maxLength: field.maxLength,
          defaultValue: field.defaultValue,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy || undefined,
          ...register(field.name),
        };
        return (
          <div className="field" key={field.name}>
            <label htmlFor={fieldId}>{field.label}</label>
            {field.hint && (
              <p className="hint" id={`${fieldId}-hint`}>
                {field.hint}
              </p>
            )}
            {field.rows ? <textarea rows={field.rows} {...control} /> : <input type="text" {...control} />}
            {error && (
              <p className="field-error" id={`${fieldId}-error`}>
                {error}
              </p>
            )}
            {field.rows && preview && (
              <MarkdownPreview label={field.label} read={() => getValues(field.name) ?? ""} preview={preview} />
            )}
          </div>
        );
      })}
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
        <span role="status" aria-live="polite" className={state && !state.ok ? "field-error" : "meta"}>
          {state?.message}
        </span>
      </div>
    </form>
  );
}
