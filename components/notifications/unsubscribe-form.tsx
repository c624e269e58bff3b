"use client";
// The unsubscribe page's button: a plain form (it works without JavaScript); the server goes back to the page.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { unsubscribeAction } from "@/lib/notifications/actions";

/** `kind`: the kind's slug, or null for every kind. `children`: what the button turns off, for whom. */
export function UnsubscribeForm({ token, kind, children }: { token: string; kind: string | null; children: React.ReactNode }) {
  const t = useTranslations("Unsubscribe");
  const [state, formAction, pending] = useActionState(unsubscribeAction, null);
  return (
    <form action={formAction} className="form">
      {state && !state.ok && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      {kind && <input type="hidden" name="kind" value={kind} />}
      {children}
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          {t("confirm")}
        </button>
      </div>
    </form>
  );
}
