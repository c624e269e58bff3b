"use client";
// "Retry now" for one failed email or background job: a one-button form posting the item's hidden fields to
// its retry action; the outcome is announced beside the button, and a retried item cannot be retried twice.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormAction } from "@/lib/actions";

type Props<T> = { action: FormAction<T>; fields: Record<string, string>; label: string };

export function RetryForm<T>({ action, fields, label }: Props<T>) {
  const t = useTranslations("AdminEmails");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button secondary" disabled={pending || state?.ok} aria-label={label}>
        {t("retry")}
      </button>
      <span role={state && !state.ok ? "alert" : "status"} className={state && !state.ok ? "field-error" : ""}>
        {state?.message}
      </span>
    </form>
  );
}
