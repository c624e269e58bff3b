"use client";
// The moderator's participation targets: checked in the browser and again on the server with one schema;
// a plain form post without JavaScript.
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import { REACHABLE_GROUP_SHARE, targetsInputSchema } from "@/lib/insights/schemas";

type Props = {
  callId: string;
  defaults: { minGroupShare: string; allRegions: boolean };
  /** setTargetsAction (lib/insights/actions.ts). */
  action: FormAction;
};

export function TargetsForm({ callId, defaults, action }: Props) {
  const t = useTranslations("Targets");
  // A refused share is shown again as typed (also without JavaScript).
  const { form, state, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: targetsInputSchema,
    action,
    defaults: (typed) => ({
      callId,
      minGroupShare: typed?.minGroupShare ?? defaults.minGroupShare,
      allRegions: defaults.allRegions,
    }),
  });
  const { register } = form;
  const shareError = fieldError("minGroupShare");
  return (
    <form ref={formRef} className="form" action={formAction} noValidate onSubmit={onSubmit}>
      {state && (
        <p className={`notice ${state.ok ? "ok" : "error"}`} role={state.ok ? "status" : "alert"}>
          {state.ok ? t("saved") : state.message}
        </p>
      )}
      <input type="hidden" defaultValue={callId} {...register("callId")} />
      <div className="field">
        <label htmlFor="minGroupShare">{t("minGroupShare")}</label>
        <p className="hint" id="minGroupShare-hint">
          {t("minGroupShareHint", { reachable: REACHABLE_GROUP_SHARE })}
        </p>
        <input
          id="minGroupShare"
          type="text"
          inputMode="numeric"
          maxLength={3}
          defaultValue={refused?.values?.minGroupShare ?? defaults.minGroupShare}
          aria-invalid={shareError ? true : undefined}
          aria-describedby={shareError ? "minGroupShare-hint minGroupShare-error" : "minGroupShare-hint"}
          {...register("minGroupShare")}
        />
        {shareError && (
          <p className="field-error" id="minGroupShare-error">
            {shareError}
          </p>
        )}
      </div>
      <div className="checkbox-field">
        <input id="allRegions" type="checkbox" defaultChecked={defaults.allRegions} {...register("allRegions")} />
        <label htmlFor="allRegions">{t("allRegions")}</label>
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
