"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { retryJobAction } from "@/lib/notifications/admin-actions";

/** "Retry now" for one failed background job. */
export function RetryJobForm({ queue, jobId }: { queue: string; jobId: string }) {
  const t = useTranslations("AdminEmails");
  const [state, formAction, pending] = useActionState(retryJobAction, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="queue" value={queue} />
      <input type="hidden" name="jobId" value={jobId} />
      <button
        type="submit"
        className="button secondary"
        disabled={pending || state?.ok}
        aria-label={t("jobRetryLabel", { id: jobId })}
      >
        {t("retry")}
      </button>
      <span role={state && !state.ok ? "alert" : "status"} className={state && !state.ok ? "field-error" : ""}>
        {state?.message}
      </span>
    </form>
  );
}
