"use client";
// The last step of deleting one's account: type the account's email to confirm. Checked in the browser and
// on the server with one schema; the server also compares the email with the account's.
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { deleteAccountAction } from "@/lib/accounts/actions";
import { deleteAccountSchema, type ResponseChoice } from "@/lib/accounts/personal-data-schemas";

export function DeleteAccountForm({ choice, email }: { choice: ResponseChoice; email: string }) {
  const t = useTranslations("PersonalData");
  const { form, formRef, formAction, onSubmit, fieldError, formError, pending } = useActionForm({
    schema: deleteAccountSchema,
    action: deleteAccountAction,
    defaults: (typed) => ({ responses: choice, confirmEmail: typed?.confirmEmail ?? "" }),
  });
  const { register } = form;
  const error = fieldError("confirmEmail");
  const notice = formError(["confirmEmail"]);
  return (
    <form ref={formRef} className="form" action={formAction} noValidate onSubmit={onSubmit}>
      {notice && (
        <p className="notice error" role="alert">
          {notice}
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
