"use client";
// Recompute a call's campaigns: one button in a plain form (works without JavaScript); the server decides
// who may, and the page shows the new clusters once the action has revalidated it.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { refusalMessage } from "@/components/forms/refusal-message";
import type { FormAction } from "@/lib/actions";

/** recomputeCampaignsAction (lib/curation/campaign-actions.ts). */
type Props = { callId: string; action: FormAction<{ clusters: number; responses: number }> };

export function RecomputeCampaignsForm({ callId, action }: Props) {
  const t = useTranslations("Campaigns");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = refusalMessage(state);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="callId" value={callId} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("recomputing") : t("recompute")}
      </button>
      <span role="status">{state?.ok && t("recomputed", state.data)}</span>
      {refusal && (
        <span role="alert" className="field-error">
          {refusal}
        </span>
      )}
    </form>
  );
}
