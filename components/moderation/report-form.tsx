"use client";
// Report a public item of any kind (a response, a comment): a reason, and details (required for "other").
// Checked by the same rule the server uses; a plain form post without JavaScript. A refusal keeps the
// choice and the details and opens the form again; once sent, the form gives way to a thank-you.
import { useTranslations } from "next-intl";
import { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import { MODERATION_LIMITS, REPORT_REASONS, reportFields, requireDetailsForOther } from "@/lib/moderation/schemas";

const reportSchema = z.object(reportFields).superRefine(requireDetailsForOther);

type Props = {
  action: FormAction;
  /** The item's id field ("responseId", "commentId"), and its id. */
  idField: string;
  itemId: string;
  /** Catalog namespace: summary, reason, details, send, thanks, and intro and detailsHint when it has them. */
  texts: string;
  /** Names the item in the summary, where a page has several. */
  itemLabel?: string;
};

export function ReportForm({ action, idField, itemId, texts, itemLabel }: Props) {
  const t = useTranslations(texts);
  const tReason = useTranslations("ReportReason");
  const { form, state, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: reportSchema,
    action,
    defaults: (typed) => ({
      reason: (typed?.reason ?? "") as z.input<typeof reportSchema>["reason"],
      details: typed?.details ?? "",
    }),
  });
  const { register } = form;
  const reasonError = fieldError("reason");
  const detailsError = fieldError("details");
  const id = `report-${itemId}`;

  if (state?.ok)
    return (
      <p className="notice ok" role="status">
        {t("thanks")}
      </p>
    );
  return (
    // Open again after a refusal, so the message and what was typed are seen (also without JavaScript).
    <details open={state ? true : undefined}>
      <summary>
        {t("summary")}
        {itemLabel && <span className="visually-hidden"> {itemLabel}</span>}
      </summary>
      {t.has("intro") && <p className="hint">{t("intro")}</p>}
      <form ref={formRef} action={formAction} noValidate className="form" onSubmit={onSubmit}>
        {refused && !refused.fieldErrors?.reason && !refused.fieldErrors?.details && (
          <p className="notice error" role="alert">
            {refused.message}
          </p>
        )}
        <input type="hidden" name={idField} value={itemId} />
        <fieldset aria-describedby={reasonError ? `${id}-reason-error` : undefined}>
          <legend>{t("reason")}</legend>
          {REPORT_REASONS.map((reason) => (
            <div key={reason} className="field checkbox-field">
              <input
                type="radio"
                id={`${id}-${reason}`}
                value={reason}
                defaultChecked={refused?.values?.reason === reason}
                {...register("reason")}
              />
              <label htmlFor={`${id}-${reason}`}>{tReason(reason)}</label>
            </div>
          ))}
          {reasonError && (
            <p className="field-error" id={`${id}-reason-error`}>
              {reasonError}
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-details`}>{t("details")}</label>
          {t.has("detailsHint") && (
            <p className="hint" id={`${id}-details-hint`}>
              {t("detailsHint", { max: MODERATION_LIMITS.reportDetails })}
            </p>
          )}
          <textarea
            id={`${id}-details`}
            rows={3}
            maxLength={MODERATION_LIMITS.reportDetails}
            aria-invalid={detailsError ? true : undefined}
            aria-describedby={
              [t.has("detailsHint") && `${id}-details-hint`, detailsError && `${id}-details-error`].filter(Boolean).join(" ") ||
              undefined
            }
            defaultValue={refused?.values?.details ?? ""}
            {...register("details")}
          />
          {detailsError && (
            <p className="field-error" id={`${id}-details-error`}>
              {detailsError}
            </p>
          )}
        </div>
        <button type="submit" className="button secondary" disabled={pending}>
          {t("send")}
        </button>
      </form>
    </details>
  );
}
