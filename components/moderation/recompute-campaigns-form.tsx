"use client";
// Recompute a call's campaigns: one button in a plain form (works without JavaScript); the server decides
// who may, and the page shows the new clusters once the action has revalidated it.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions";

type Result = ActionResult<{ clusters: number; responses: number }>;
type Props = { callId: string; action: (previous: Result | null, formData: FormData) => Promise<Result> };

export function RecomputeCampaignsForm({ callId, action }: Props) {
  const t = useTranslations("Campaigns");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="callId" value={callId} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("recomputing") : t("recompute")}
      </button>
      <span role="status">{state?.ok && t("recomputed", state.data)}</span>
      {state && !state.ok && (
        <span role="alert" className="field-error">
          {state.message}
        </span>
      )}
    </form>
  );
}
