"use client";
// A small form of the message editor with a few text fields (or a choice) and hidden ids: validated in the browser
// with the same zod schema the server action re-parses; the outcome is announced in a live region. Works
// without JavaScript too (a plain POST of the same fields): the hidden ids are rendered with their values
// in the HTML (not registered with react-hook-form, which would only fill them in the browser) and the
// resolver reads them from `defaultValues`; the server's field messages are shown without JavaScript too.
import type { z } from "zod";
import { RevisionField, theirChanges, TheirVersion } from "@/components/forms/edit-conflict";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import { MESSAGE_FORM_SCHEMAS, type MessageFormName } from "./form-schemas";
import { MarkdownPreview } from "./markdown-preview";
import styles from "./message-editor.module.css";

export type TextField = {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  maxLength?: number;
  rows?: number;
  /** A choice instead of text: a select of these values with their labels. */
  options?: { value: string; label: string }[];
};

type Props<T> = {
  /** Unique on the page: prefixes the fields' ids. */
  id: string;
  schema: MessageFormName;
  action: FormAction<T>;
  hidden: Record<string, string>;
  fields: TextField[];
  submitLabel: string;
  /** Empty the fields after a success (forms that add something). */
  resetOnSuccess?: boolean;
  /** Offer a preview of the multi-line (Markdown) fields. */
  preview?: boolean;
  /** The edited object's revision as loaded (lib/edits/revision.ts): posted, and a newer save's text shown. */
  revision?: number;
};

/** Every text form's schema reads strings by field name (and gives them back, the revision as a number). */
type TextSchema = z.ZodType<Record<string, string | number | undefined>, Record<string, string>>;

export function TextForm<T>({ id, schema, action, hidden, fields, submitLabel, resetOnSuccess, preview, revision }: Props<T>) {
  const textSchema: TextSchema = MESSAGE_FORM_SCHEMAS[schema];
  const initial = { ...hidden, ...Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? ""])) };
  const { form, state, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: textSchema,
    action,
    defaults: (typed) => ({ ...initial, ...typed, ...hidden }),
    onSuccess: () => {
      if (resetOnSuccess) form.reset(Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, k in hidden ? v : ""])));
    },
  });
  const { register, getValues } = form;

  return (
    <form ref={formRef} action={formAction} noValidate className={styles.form} onSubmit={onSubmit}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {revision !== undefined && <RevisionField revision={revision} state={state} />}
      <TheirVersion fields={theirChanges(refused, fields)} />
      {fields.map((field) => {
        const fieldId = `${id}--${field.name}`;
        const error = fieldError(field.name);
        const describedBy = [field.hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(" ");
        const control = {
          id: fieldId,
          maxLength: field.maxLength,
          // Rendered into the HTML too, so a refused form keeps what was typed without JavaScript.
          defaultValue: refused?.values?.[field.name] ?? field.defaultValue,
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
            {field.options ? (
              <select {...Object.fromEntries(Object.entries(control).filter(([key]) => key !== "maxLength"))}>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : field.rows ? (
              <textarea rows={field.rows} {...control} />
            ) : (
              <input type="text" {...control} />
            )}
            {error && (
              <p className="field-error" id={`${fieldId}-error`}>
                {error}
              </p>
            )}
            {field.rows && preview && <MarkdownPreview label={field.label} read={() => getValues(field.name) ?? ""} />}
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
