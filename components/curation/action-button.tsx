"use client";
// One button in a plain form with hidden fields (works without JavaScript): remove a tag, delete an excerpt.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions";
import { useCodingMessage } from "./use-coding-message";

type Props<T> = {
  action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  label: string;
  /** The accessible name, when the visible label alone is ambiguous in a list. */
  ariaLabel?: string;
};

export function ActionButton<T>({ action, fields, label, ariaLabel }: Props<T>) {
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const message = useCodingMessage();
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="link-button" disabled={pending} aria-label={ariaLabel}>
        {label}
      </button>
      {state && !state.ok && (
        <span role="alert" className="field-error">
          {message(state.message)}
        </span>
      )}
    </form>
  );
}
