"use client";
// Publish or unpublish a call: one button in a plain form (works without JavaScript); the server decides.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions";

type Props = {
  callId: string;
  published: boolean;
  publish: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  unpublish: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

export function PublicationForm({ callId, published, publish, unpublish }: Props) {
  const t = useTranslations("CallEditor");
  const tErrors = useTranslations("CallErrors");
  const [state, formAction, pending] = useActionState(published ? unpublish : publish, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="callId" value={callId} />
      <button type="submit" className={published ? "button secondary" : "button"} disabled={pending}>
        {published ? t("unpublish") : t("publish")}
      </button>
      {state && !state.ok && (
        <span role="alert" className="field-error">
          {tErrors.has(state.message) ? tErrors(state.message) : state.message}
        </span>
      )}
    </form>
  );
}
