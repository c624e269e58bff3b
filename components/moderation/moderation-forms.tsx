"use client";
// The small forms of the moderation queue: a one-button form (approve, restore, mark reviewed, dismiss
// reports) and a form with a reason (hide, uphold reports). Plain forms posting server actions: they work
// without JavaScript; with it, the reason is checked first by the same schema the server uses.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import { hideInputSchema, MODERATION_LIMITS, type QueueTab } from "@/lib/moderation/schemas";

export type ModerationAction = FormAction;

type Common = { action: ModerationAction; responseId: string; tab: QueueTab; label: string; itemLabel: string };

export function ButtonForm({ action, responseId, tab, label, itemLabel, secondary = false }: Common & { secondary?: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="responseId" value={responseId} />
      <input type="hidden" name="tab" value={tab} />
      <button type="submit" className={secondary ? "button secondary" : "button"} disabled={pending}>
        {label}
        <span className="visually-hidden"> {itemLabel}</span>
      </button>
      {state && !state.ok && (
        <span role="alert" className="field-error">
          {state.message}
        </span>
      )}
    </form>
  );
}

export function ReasonForm({ action, responseId, tab, label, itemLabel, fieldLabel }: Common & { fieldLabel: string }) {
  const t = useTranslations("ModerationQueue");
  const { form, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: hideInputSchema,
    action,
    defaults: (typed) => ({ responseId, reason: typed?.reason ?? "" }),
  });
  const { register } = form;
  const id = `${label.replace(/\W+/g, "-").toLowerCase()}-${responseId}`;
  const error = fieldError("reason");
  return (
    <form ref={formRef} action={formAction} noValidate className="form reason-form" onSubmit={onSubmit}>
      <input type="hidden" name="responseId" value={responseId} />
      <input type="hidden" name="tab" value={tab} />
      <div className="field">
        <label htmlFor={id}>
          {fieldLabel}
          <span className="visually-hidden"> {itemLabel}</span>
        </label>
        <p className="hint" id={`${id}-hint`}>
          {t("reasonHint", { min: MODERATION_LIMITS.hideReasonMin, max: MODERATION_LIMITS.hideReasonMax })}
        </p>
        <textarea
          id={id}
          rows={2}
          maxLength={MODERATION_LIMITS.hideReasonMax}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          defaultValue={refused?.values?.reason ?? ""}
          {...register("reason")}
        />
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {label}
        <span className="visually-hidden"> {itemLabel}</span>
      </button>
      {refused && !refused.fieldErrors?.reason && (
        <p role="alert" className="field-error">
          {refused.message}
        </p>
      )}
    </form>
  );
}
