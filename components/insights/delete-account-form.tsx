"use client";
// The last step of deleting one's account: type the account's email to confirm. Checked in the browser and
// on the server with one schema; the server also compares the email with the account's.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { deleteAccountAction } from "@/app/(stakeholder)/my/data/actions";
import {
  deleteAccountSchema,
  type DeleteAccountFormValues,
  type DeleteAccountInput,
  type ResponseChoice,
} from "@/lib/accounts/personal-data-schemas";

export function DeleteAccountForm({ choice, email }: { choice: ResponseChoice; email: string }) {
  const t = useTranslations("PersonalData");
  const tErrors = useTranslations("PersonalDataErrors");
  const [state, formAction, pending] = useActionState(deleteAccountAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<DeleteAccountFormValues, unknown, DeleteAccountInput>({
    resolver: zodResolver(deleteAccountSchema),
    defaultValues: { responses: choice, confirmEmail: state && !state.ok ? state.values?.confirmEmail : "" },
  });
  useEffect(() => {
    const message = state && !state.ok ? state.fieldErrors?.confirmEmail?.[0] : undefined;
    if (message) setError("confirmEmail", { message });
  }, [state, setError]);

  const translate = (key: string | undefined) => (key ? (tErrors.has(key) ? tErrors(key) : key) : undefined);
  const error = translate(errors.confirmEmail?.message);
  const formError = state && !state.ok && !state.fieldErrors?.confirmEmail ? translate(state.message) : undefined;
  return (
    <form
      ref={formRef}
      className="form"
      action={formAction}
      noValidate
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
    >
      {formError && (
        <p className="notice error" role="alert">
          {formError}
        </p>
      )}
      <input type="hidden" defaultValue={choice} {...register("responses")} />
      <div className="field">
        <label htmlFor="confirmEmail">{t("confirmEmail")}</label>
        <p className="hint" id="confirmEmail-hint">
          {t("confirmEmailHint", { email })}
        </p>
        <input
          id="confirmEmail"
          type="email"
          autoComplete="off"
          maxLength={320}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "confirmEmail-hint confirmEmail-error" : "confirmEmail-hint"}
          {...register("confirmEmail")}
        />
        {error && (
          <p className="field-error" id="confirmEmail-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="button secondary danger" disabled={pending}>
          {pending ? t("deleting") : t("delete")}
        </button>
      </div>
    </form>
  );
}
