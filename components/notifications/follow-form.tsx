"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { followCallAction } from "@/lib/notifications/actions";

/** Follow or unfollow one call. A plain form: it works without JavaScript, and the server decides. */
export function FollowForm({ callId, following }: { callId: string; following: boolean }) {
  const t = useTranslations("FollowCall");
  const [state, formAction, pending] = useActionState(followCallAction, null);
  const now = state?.ok ? state.data.following : following;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="callId" value={callId} />
      <input type="hidden" name="intent" value={now ? "unfollow" : "follow"} />
      <button type="submit" className="button secondary" disabled={pending} aria-describedby={`follow-hint-${callId}`}>
        {now ? t("unfollow") : t("follow")}
      </button>
      <span className="hint" id={`follow-hint-${callId}`}>
        {now ? t("following") : t("followHint")}
      </span>
      <span role={state && !state.ok ? "alert" : "status"} className={state && !state.ok ? "field-error" : ""}>
        {state?.message}
      </span>
    </form>
  );
}
