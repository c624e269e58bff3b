"use client";
// Report a published comment: a reason, and details (required for "other"). The server checks (the same
// schema); a plain form post without JavaScript; a refusal keeps the choice and the details.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { reportCommentAction } from "@/lib/comments/actions";
import { MODERATION_LIMITS, REPORT_REASONS } from "@/lib/moderation/schemas";

export function ReportCommentForm({ commentId, label }: { commentId: string; label: string }) {
  const t = useTranslations("CommentReport");
  const tReason = useTranslations("ReportReason");
  const [state, formAction, pending] = useActionState(reportCommentAction, null);
  const refused = state && !state.ok ? state : undefined;
  if (state?.ok)
    return (
      <p className="notice ok" role="status">
        {t("thanks")}
      </p>
    );
  const id = `report-${commentId}`;
  // The server's sentences, already in the reader's language.
  const reasonError = refused?.fieldErrors?.reason?.[0];
  const detailsError = refused?.fieldErrors?.details?.[0];
  return (
    <details open={state ? true : undefined}>
      <summary>
        {t("summary")}
        <span className="visually-hidden"> {label}</span>
      </summary>
      <form action={formAction} className="form">
        {refused && !reasonError && !detailsError && (
          <p className="notice error" role="alert">
            {refused.fieldErrors?.commentId?.[0] ?? refused.message}
          </p>
        )}
        <input type="hidden" name="commentId" value={commentId} />
        <fieldset aria-describedby={reasonError ? `${id}-reason-error` : undefined}>
          <legend>{t("reason")}</legend>
          {REPORT_REASONS.map((reason) => (
            <div key={reason} className="field checkbox-field">
              <input
                type="radio"
                id={`${id}-${reason}`}
                name="reason"
                value={reason}
                defaultChecked={refused?.values?.reason === reason}
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
          <textarea
            id={`${id}-details`}
            name="details"
            rows={2}
            maxLength={MODERATION_LIMITS.reportDetails}
            aria-invalid={detailsError ? true : undefined}
            aria-describedby={detailsError ? `${id}-details-error` : undefined}
            defaultValue={refused?.values?.details ?? ""}
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
