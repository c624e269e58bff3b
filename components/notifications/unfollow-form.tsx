"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { followCallAction } from "@/lib/notifications/actions";

/** One followed call's "Unfollow" button on the email settings page. */
export function UnfollowForm({ callId, title }: { callId: string; title: string }) {
  const t = useTranslations("NotificationSettings");
  const [state, formAction, pending] = useActionState(followCallAction, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="callId" value={callId} />
      <input type="hidden" name="intent" value="unfollow" />
      <input type="hidden" name="from" value="settings" />
      <button type="submit" className="button secondary" disabled={pending} aria-label={t("unfollowLabel", { title })}>
        {t("unfollow")}
      </button>
      <span role={state && !state.ok ? "alert" : "status"} className={state && !state.ok ? "field-error" : ""}>
        {state?.message}
      </span>
    </form>
  );
}
