"use client";
// A form acting on one saved version: publish (with an optional comment period: opening now or at a typed
// local time in the call's zone, and a closing time), close or cancel a period (with the reason, required),
// or mark final (confirmed by a tick). Works without JavaScript; the outcome or the refusal is announced in a
// live region and what was typed is kept.
import { useActionState, useId } from "react";
import type { FormAction } from "@/lib/actions";
import styles from "./message-editor.module.css";

type Props<T> = {
  action: FormAction<T>;
  versionId: string;
  submitLabel: string;
  /** Offer the comment period: when it opens (now, or at the typed time) and its two times. */
  period?: { opensLabel: string; closesLabel: string; hint: string; when: string; now: string; at: string };
  /** A text field for the reason the action needs (closing a period early), with its hint and limit. */
  reason?: { label: string; hint: string; maxLength: number };
  /**
   * The checklist before marking final (lib/messages/final-checklist.ts): its items said done or to do, a
   * box for the introduction read again, and, when there are gaps, a box to mark final anyway.
   */
  checklist?: {
    heading: string;
    items: { done: boolean; text: string }[];
    done: string;
    toDo: string;
    reviewed: string;
    acceptGaps?: string;
  };
  /** A box to tick before the action is taken. */
  confirm?: string;
  danger?: boolean;
  /**
   * False once the action no longer applies (the period it closed is closed): the form goes, and what the
   * last press did stays said.
   */
  available?: boolean;
};

export function VersionForm<T>({
  action,
  versionId,
  submitLabel,
  period,
  reason,
  checklist,
  confirm,
  danger,
  available = true,
}: Props<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const refused = state && !state.ok ? state : undefined;
  const typed = refused?.values;
  /** The server's sentence for the field, already in the reader's language. */
  const fieldError = (name: string) => refused?.fieldErrors?.[name]?.[0];
  /** A box the server asks for: ticked again as it was (beside its label), its error said under it. */
  const tick = (name: string, label: string, required: boolean) => {
    const error = fieldError(name);
    return (
      <div className="field">
        <div className="checkbox-field">
          <input
            type="checkbox"
            id={`${id}-${name}`}
            name={name}
            required={required}
            defaultChecked={typed?.[name] === "on"}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-${name}-error` : undefined}
          />
          <label htmlFor={`${id}-${name}`}>{label}</label>
        </div>
        {error && (
          <p className="field-error" id={`${id}-${name}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };
  const reasonError = fieldError("reason");
  const opensNow = typed?.commentOpens === "now";
  const status = (
    <span role="status" aria-live="polite" className={state && !state.ok ? "field-error" : "meta"}>
      {state?.message}
    </span>
  );
  if (!available) return state ? <p className={styles.inline}>{status}</p> : null;
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
    <form action={formAction} className={period || reason || checklist ? styles.form : styles.inline}>
      <input type="hidden" name="versionId" value={versionId} />
      {period && (
        <>
          <p className="hint" id={`${id}-hint`}>
            {period.hint}
          </p>
          <fieldset>
            <legend>{period.when}</legend>
            <div className="field checkbox-field">
              <input type="radio" id={`${id}-opens-at`} name="commentOpens" value="at" defaultChecked={!opensNow} />{" "}
              <label htmlFor={`${id}-opens-at`}>{period.at}</label>
            </div>
            <div className="field checkbox-field">
              <input type="radio" id={`${id}-opens-now`} name="commentOpens" value="now" defaultChecked={opensNow} />{" "}
              <label htmlFor={`${id}-opens-now`}>{period.now}</label>
            </div>
          </fieldset>
          {field("commentOpensAt", period.opensLabel)}
          {field("commentClosesAt", period.closesLabel)}
        </>
      )}
      {reason && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{reason.label}</label>
          <p className="hint" id={`${id}-reason-hint`}>
            {reason.hint}
          </p>
          <input
            type="text"
            id={`${id}-reason`}
            name="reason"
            required
            maxLength={reason.maxLength}
            defaultValue={typed?.reason ?? ""}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={[`${id}-reason-hint`, reasonError && `${id}-reason-error`].filter(Boolean).join(" ")}
          />
          {reasonError && (
            <p className="field-error" id={`${id}-reason-error`}>
              {reasonError}
            </p>
          )}
        </div>
      )}
      {checklist && (
        <fieldset className={styles.checklist}>
          <legend>{checklist.heading}</legend>
          <ul>
            {checklist.items.map((item) => (
              <li key={item.text} className={item.done ? styles.checkDone : styles.checkToDo}>
                <strong>{item.done ? checklist.done : checklist.toDo}:</strong> {item.text}
              </li>
            ))}
          </ul>
          {tick("introductionReviewed", checklist.reviewed, true)}
          {checklist.acceptGaps && tick("acceptGaps", checklist.acceptGaps, false)}
        </fieldset>
      )}
      {confirm && tick("confirm", confirm, true)}
      <div className="button-row">
        <button type="submit" className={`button${period ? "" : " secondary"}${danger ? " danger" : ""}`} disabled={pending}>
          {submitLabel}
        </button>
        {status}
      </div>
    </form>
  );
}
