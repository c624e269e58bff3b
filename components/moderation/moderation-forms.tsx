"use client";
// The small forms of the moderation queue of any item kind (responses, comments): a one-button form
// (approve, restore, mark reviewed, dismiss reports) and a form with a reason (hide, uphold reports). Each
// posts the item's id under the kind's field name. Plain forms posting server actions: they work without
// JavaScript; with it, the reason is checked first by the same rule the server uses.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import { hideReasonField, MODERATION_LIMITS } from "@/lib/moderation/schemas";

export type ModerationAction = FormAction;

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
  return (
    <form action={formAction} className="inline-form">
      <ItemFields {...props} />
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

const reasonSchema = z.object({ reason: hideReasonField });

/**
 * A transition with a reason (hide, uphold). `folded`: the form sits in a closed <details> with this summary,
 * so a queue of many items stays short; it opens again by itself when the server refused what was sent.
 */
export function ReasonForm(props: Common & { fieldLabel: string; folded?: string }) {
  const { action, itemId, label, itemLabel, fieldLabel, folded } = props;
  const t = useTranslations("ModerationQueue");
  const { form, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: reasonSchema,
    action,
    defaults: (typed) => ({ reason: typed?.reason ?? "" }),
  });
  const { register } = form;
  const id = `${label.replace(/\W+/g, "-").toLowerCase()}-${itemId}`;
  const error = fieldError("reason");
  const reasonForm = (
    <form ref={formRef} action={formAction} noValidate className="form reason-form" onSubmit={onSubmit}>
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
          {refused.message}
        </p>
      )}
    </form>
  );
  if (!folded) return reasonForm;
  return (
    <details open={refused ? true : undefined}>
      <summary>
        {folded}
        <span className="visually-hidden"> {itemLabel}</span>
      </summary>
      {reasonForm}
    </details>
  );
}
