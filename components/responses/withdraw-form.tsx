"use client";
// Withdraws a submitted response, after a confirmation when JavaScript runs; a plain post otherwise.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { withdrawResponseAction } from "@/lib/responses/actions";

export function WithdrawForm({ responseId }: { responseId: string }) {
  const t = useTranslations("Receipt");
  const [state, action, pending] = useActionState(withdrawResponseAction, null);
  return (
    <form
      action={action}
      className="inline-form"
      onSubmit={(event) => {
        if (!window.confirm(t("withdrawConfirm"))) event.preventDefault();
      }}
    >
      <input type="hidden" name="responseId" value={responseId} />
      <button type="submit" className="button secondary" disabled={pending}>
        {pending ? t("withdrawing") : t("withdraw")}
      </button>
      {state && !state.ok && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
