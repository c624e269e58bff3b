"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { retryEmailAction } from "@/lib/notifications/admin-actions";

/** "Retry now" for one failed email. */
export function RetryEmailForm({ jobId }: { jobId: string }) {
  const t = useTranslations("AdminEmails");
  const [state, formAction, pending] = useActionState(retryEmailAction, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="jobId" value={jobId} />
      <button
        type="submit"
        className="button secondary"
        disabled={pending || state?.ok}
        aria-label={t("retryLabel", { id: jobId })}
      >
        {t("retry")}
      </button>
      <span role={state && !state.ok ? "alert" : "status"} className={state && !state.ok ? "field-error" : ""}>
        {state?.message}
      </span>
    </form>
  );
}
