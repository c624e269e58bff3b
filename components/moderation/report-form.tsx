"use client";
// Report a published response: a reason, and details (required for "other"). Checked by the same schema
// the server uses; a plain form post without JavaScript. Once sent, the form gives way to a thank-you.
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { reportResponseAction } from "@/lib/moderation/actions";
import { MODERATION_LIMITS, REPORT_REASONS, reportInputSchema, type ReportFormValues } from "@/lib/moderation/schemas";

export function ReportForm({ responseId }: { responseId: string }) {
  const t = useTranslations("ReportForm");
  const tReason = useTranslations("ReportReason");
  const { form, state, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: reportInputSchema,
    action: reportResponseAction,
    defaults: (typed) => ({
      responseId,
      reason: (typed?.reason ?? "") as ReportFormValues["reason"],
      details: typed?.details ?? "",
    }),
  });
  const { register } = form;
  const reasonError = fieldError("reason");
  const detailsError = fieldError("details");

  if (state?.ok)
    return (
      <p className="notice ok" role="status">
        {t("thanks")}
      </p>
    );
  return (
    // Open again after a refusal, so the message and what was typed are seen (also without JavaScript).
    <details open={state ? true : undefined}>
      <summary>{t("heading")}</summary>
      <p className="hint">{t("intro")}</p>
      <form ref={formRef} action={formAction} noValidate className="form" onSubmit={onSubmit}>
        {refused && !refused.fieldErrors?.reason && !refused.fieldErrors?.details && (
          <p className="notice error" role="alert">
            {refused.message}
          </p>
        )}
        <input type="hidden" name="responseId" value={responseId} />
        <fieldset aria-describedby={reasonError ? "report-reason-error" : undefined}>
          <legend>{t("reason")}</legend>
          {REPORT_REASONS.map((reason) => (
            <div key={reason} className="field checkbox-field">
              <input
                type="radio"
                id={`report-${reason}`}
                value={reason}
                defaultChecked={refused?.values?.reason === reason}
                {...register("reason")}
              />
              <label htmlFor={`report-${reason}`}>{tReason(reason)}</label>
            </div>
          ))}
          {reasonError && (
            <p className="field-error" id="report-reason-error">
              {reasonError}
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="report-details">{t("details")}</label>
          <p className="hint" id="report-details-hint">
            {t("detailsHint", { max: MODERATION_LIMITS.reportDetails })}
          </p>
          <textarea
            id="report-details"
            rows={3}
            maxLength={MODERATION_LIMITS.reportDetails}
            aria-invalid={detailsError ? true : undefined}
            aria-describedby={`report-details-hint${detailsError ? " report-details-error" : ""}`}
            defaultValue={refused?.values?.details ?? ""}
            {...register("details")}
          />
          {detailsError && (
            <p className="field-error" id="report-details-error">
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
