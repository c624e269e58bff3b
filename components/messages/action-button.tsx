"use client";
// A one-button form of the message editor (move, delete, cite, publish …): hidden ids, an optional
// choice, and a live region that says what happened or why it was refused. Works without JavaScript.
import { useActionState, useId, type ReactNode } from "react";
import type { FormAction } from "@/lib/actions";
import styles from "./message-editor.module.css";

type Choice = { name: string; label: string; options: { value: string; label: string }[]; value?: string };

type Props<T> = {
  action: FormAction<T>;
  hidden: Record<string, string>;
  label: string;
  /** Said to screen readers after the label, e.g. which paragraph the button acts on. */
  context?: string;
  choice?: Choice;
  /** More fields of the form, before its button (e.g. the split's citation parts). */
  extra?: ReactNode;
  danger?: boolean;
  /**
   * False where the action does not apply any more (the last paragraph cannot merge with a next one): the
   * button goes, and what the last press did stays said. (A button that vanished with its form took its
   * confirmation with it: merging into the last paragraph, splitting off its last sentence.)
   */
  available?: boolean;
};

export function ActionButton<T>({ action, hidden, label, context, choice, extra, danger, available = true }: Props<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const outcome = (
    <span role="status" aria-live="polite" className={state && !state.ok ? "field-error" : "meta"}>
      {state?.message}
    </span>
  );
  if (!available) return state ? <p className={styles.inline}>{outcome}</p> : null;
  return (
    <form action={formAction} className={styles.inline}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {choice && (
        <>
          <label htmlFor={`${id}-choice`}>{choice.label}</label>
          <select id={`${id}-choice`} name={choice.name} defaultValue={choice.value}>
            {choice.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </>
      )}
      {extra}
      <button type="submit" className={`button secondary${danger ? " danger" : ""}`} disabled={pending}>
        {label}
        {context && <span className="visually-hidden"> {context}</span>}
      </button>
      {outcome}
    </form>
  );
}
