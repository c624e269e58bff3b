"use client";
// One button in a plain form with hidden fields (works without JavaScript): remove a tag, delete an excerpt.
import { useActionState } from "react";
import { refusalMessage } from "@/components/forms/refusal-message";
import type { ActionState, FormAction } from "@/lib/actions";

type Props<T> = {
  action: FormAction<T>;
  fields: Record<string, string>;
  label: string;
  /** The accessible name, when the visible label alone is ambiguous in a list. */
  ariaLabel?: string;
};

export function ActionButton<T>({ action, fields, label, ariaLabel }: Props<T>) {
  const [state, formAction, pending] = useActionState<ActionState<T> | null, FormData>(action, null);
  const refusal = refusalMessage(state);
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="link-button" disabled={pending} aria-label={ariaLabel}>
        {label}
      </button>
      {refusal && (
        <span role="alert" className="field-error">
          {refusal}
        </span>
      )}
    </form>
  );
}
