"use client";
// A plain form posting to a server action: works without JavaScript too.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { endOtherSessionsAction } from "@/lib/auth/actions";

/** `others`: how many other sessions are listed; without any, only the outcome (if any) and a note. */
export function EndOtherSessionsForm({ others }: { others: number }) {
  const t = useTranslations("Sessions");
  const [state, formAction, pending] = useActionState(endOtherSessionsAction, null);
  return (
    <form action={formAction}>
      {state && (
        <p className={state.ok ? "notice" : "notice error"} role={state.ok ? "status" : "alert"}>
          {state.ok ? t("ended", { count: state.data.ended }) : state.message}
        </p>
      )}
      {others > 0 ? (
        <button type="submit" className="button secondary" disabled={pending}>
          {t("endOthers")}
        </button>
      ) : (
        <p>{t("noOthers")}</p>
      )}
    </form>
  );
}
