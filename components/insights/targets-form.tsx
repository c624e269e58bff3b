"use client";
// The moderator's participation targets: checked in the browser and again on the server with one schema;
// a plain form post without JavaScript.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";
import { REACHABLE_GROUP_SHARE, targetsInputSchema, type TargetsFormValues, type TargetsInput } from "@/lib/insights/schemas";

type Props = {
  callId: string;
  defaults: { minGroupShare: string; allRegions: boolean };
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

export function TargetsForm({ callId, defaults, action }: Props) {
  const t = useTranslations("Targets");
  const tErrors = useTranslations("Targets.errors");
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TargetsFormValues, unknown, TargetsInput>({
    resolver: zodResolver(targetsInputSchema),
    defaultValues: { callId, minGroupShare: defaults.minGroupShare, allRegions: defaults.allRegions },
  });

  useEffect(() => {
    const message = state && !state.ok ? state.fieldErrors?.minGroupShare?.[0] : undefined;
    if (message) setError("minGroupShare", { message });
  }, [state, setError]);

  const translate = (key: string | undefined) => (key ? (tErrors.has(key) ? tErrors(key) : key) : undefined);
  const shareError = translate(errors.minGroupShare?.message);
  return (
    <form
      ref={formRef}
      className="form"
      action={formAction}
      noValidate
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
    >
      {state && (
        <p className={`notice ${state.ok ? "ok" : "error"}`} role={state.ok ? "status" : "alert"}>
          {state.ok ? t("saved") : translate(state.message)}
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
          defaultValue={defaults.minGroupShare}
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
