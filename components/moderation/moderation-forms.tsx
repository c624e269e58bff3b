"use client";
// The small forms of the moderation queue of any item kind (responses, comments): a one-button form
// (approve, restore, mark reviewed, dismiss reports) and a form with a reason (hide, uphold reports). Each
// posts the item's id under the kind's field name. Plain forms posting server actions: they work without
// JavaScript; with it, the reason is checked first by the same rule the server uses.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { fieldMessage } from "@/components/ui/field-message";
import type { ActionResult } from "@/lib/actions";
import { z } from "zod";
import { hideReasonField, MODERATION_LIMITS } from "@/lib/moderation/schemas";

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

type Common = {
  /** The kind's moderation action, and the transition this form asks of it. */
  action: ModerationAction;
  verb: string;
  /** The item's id field ("responseId", "commentId"), and its id. */
  idField: string;
  itemId: string;
  tab: string;
  label: string;
  itemLabel: string;
};

/** What every moderation form posts: the transition, the item, and the tab to go back to. */
function ItemFields({ verb, idField, itemId, tab }: Pick<Common, "verb" | "idField" | "itemId" | "tab">) {
  return (
    <>
      <input type="hidden" name="op" value={verb} />
      <input type="hidden" name={idField} value={itemId} />
      <input type="hidden" name="tab" value={tab} />
    </>
  );
}

export function ButtonForm(props: Common & { secondary?: boolean }) {
  const { action, label, itemLabel, secondary = false } = props;
  const [state, formAction, pending] = useActionState(action, null);
  const { refusal } = useMessage();
  return (
    <form action={formAction} className="inline-form">
      <ItemFields {...props} />
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

const reasonSchema = z.object({ reason: hideReasonField });

export function ReasonForm(props: Common & { fieldLabel: string }) {
  const { action, itemId, label, itemLabel, fieldLabel } = props;
  const t = useTranslations("ModerationQueue");
  const [state, formAction, pending] = useActionState(action, null);
  const { refusal, field } = useMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const refused = state && !state.ok ? state : undefined;
  const { register, handleSubmit, formState } = useForm<z.input<typeof reasonSchema>, unknown, z.output<typeof reasonSchema>>({
    resolver: zodResolver(reasonSchema),
    defaultValues: { reason: refused?.values?.reason ?? "" },
  });
  const id = `${label.replace(/\W+/g, "-").toLowerCase()}-${itemId}`;
  const error = field(formState.errors.reason?.message ?? refused?.fieldErrors?.reason?.[0]);
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="form reason-form"
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
    >
      <ItemFields {...props} />
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
