"use client";
// Publish or unpublish a call: one button in a plain form (works without JavaScript); the server decides.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { refusalMessage } from "@/components/forms/refusal-message";
import type { FormAction } from "@/lib/actions";

type Props = {
  callId: string;
  published: boolean;
  /** publishCallAction and unpublishCallAction (lib/calls/actions.ts). */
  publish: FormAction;
  unpublish: FormAction;
};

export function PublicationForm({ callId, published, publish, unpublish }: Props) {
  const t = useTranslations("CallEditor");
  const [state, formAction, pending] = useActionState(published ? unpublish : publish, null);
  const refusal = refusalMessage(state);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="callId" value={callId} />
      <button type="submit" className={published ? "button secondary" : "button"} disabled={pending}>
        {published ? t("unpublish") : t("publish")}
      </button>
      {refusal && (
        <span role="alert" className="field-error">
          {refusal}
        </span>
      )}
    </form>
  );
}
