"use client";
// A form acting on one saved version: publish (with an optional comment period typed as two local times
// in the call's zone), close a period, or mark final (confirmed by a tick). Works without JavaScript; the
// outcome or the refusal is announced in a live region and what was typed is kept.
import { useActionState, useId } from "react";
import type { FormAction } from "@/lib/actions";
import styles from "./message-editor.module.css";

type Props<T> = {
  action: FormAction<T>;
  versionId: string;
  submitLabel: string;
  /** Offer the comment period's two times. */
  period?: { opensLabel: string; closesLabel: string; hint: string };
  /** A box to tick before the action is taken. */
  confirm?: string;
  danger?: boolean;
};

export function VersionForm<T>({ action, versionId, submitLabel, period, confirm, danger }: Props<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const refused = state && !state.ok ? state : undefined;
  const typed = refused?.values;
  /** The server's sentence for the field, already in the reader's language. */
  const fieldError = (name: string) => refused?.fieldErrors?.[name]?.[0];
  const confirmError = fieldError("confirm");
  const field = (name: "commentOpensAt" | "commentClosesAt", label: string) => {
    const error = fieldError(name);
    const fieldId = `${id}-${name}`;
    return (
      <div className="field">
        <label htmlFor={fieldId}>{label}</label>
        <input
          type="datetime-local"
          id={fieldId}
          name={name}
          defaultValue={typed?.[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={[period && `${id}-hint`, error && `${fieldId}-error`].filter(Boolean).join(" ") || undefined}
        />
        {error && (
          <p className="field-error" id={`${fieldId}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <form action={formAction} className={period ? styles.form : styles.inline}>
      <input type="hidden" name="versionId" value={versionId} />
      {period && (
        <>
          <p className="hint" id={`${id}-hint`}>
            {period.hint}
          </p>
          {field("commentOpensAt", period.opensLabel)}
          {field("commentClosesAt", period.closesLabel)}
        </>
      )}
      {confirm && (
        <div className="field">
          <input
            type="checkbox"
            id={`${id}-confirm`}
            name="confirm"
            required
            defaultChecked={typed?.confirm === "on"}
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? `${id}-confirm-error` : undefined}
          />{" "}
          <label htmlFor={`${id}-confirm`}>{confirm}</label>
          {confirmError && (
            <p className="field-error" id={`${id}-confirm-error`}>
              {confirmError}
            </p>
          )}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className={`button${period ? "" : " secondary"}${danger ? " danger" : ""}`} disabled={pending}>
          {submitLabel}
        </button>
        <span role="status" aria-live="polite" className={state && !state.ok ? "field-error" : "meta"}>
          {state?.message}
        </span>
      </div>
    </form>
  );
}
