"use client";
// The small forms of the moderation queue: a one-button form (approve, restore, mark reviewed, dismiss
// reports) and a form with a reason (hide, uphold reports). Plain forms posting server actions: they work
// without JavaScript; with it, the reason is checked first by the same schema the server uses.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { fieldMessage } from "@/components/ui/field-message";
import type { ActionResult } from "@/lib/actions";
import { hideInputSchema, MODERATION_LIMITS, type QueueTab } from "@/lib/moderation/schemas";
import type { z } from "zod";

export type ModerationAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

function useMessage() {
  const tErrors = useTranslations("ModerationErrors");
  const tmv = useTranslations("ModerationValidation");
  const tv = useTranslations("Validation");
  return {
    refusal: (message: string) => (tErrors.has(message) ? tErrors(message) : message),
    field: (code: string | undefined) =>
      code && tmv.has(code.split("|")[0]!) ? fieldMessage(tmv, code) : fieldMessage(tv, code),
  };
}

type Common = { action: ModerationAction; responseId: string; tab: QueueTab; label: string; itemLabel: string };

export function ButtonForm({ action, responseId, tab, label, itemLabel, secondary = false }: Common & { secondary?: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  const { refusal } = useMessage();
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
          {refusal(state.message)}
        </span>
      )}
    </form>
  );
}

type ReasonValues = z.input<typeof hideInputSchema>;

export function ReasonForm({ action, responseId, tab, label, itemLabel, fieldLabel }: Common & { fieldLabel: string }) {
  const t = useTranslations("ModerationQueue");
  const [state, formAction, pending] = useActionState(action, null);
  const { refusal, field } = useMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const refused = state && !state.ok ? state : undefined;
  const { register, handleSubmit, formState } = useForm<ReasonValues, unknown, z.output<typeof hideInputSchema>>({
    resolver: zodResolver(hideInputSchema),
    defaultValues: { responseId, reason: refused?.values?.reason ?? "" },
  });
  const id = `${label.replace(/\W+/g, "-").toLowerCase()}-${responseId}`;
  const error = field(formState.errors.reason?.message ?? refused?.fieldErrors?.reason?.[0]);
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="form reason-form"
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
    >
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
          {refusal(refused.message)}
        </p>
      )}
    </form>
  );
}
