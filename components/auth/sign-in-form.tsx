"use client";
// A real form posting to a server action: without JavaScript the browser posts it and the server answers
// with the check-email page (or this form with its message); with JavaScript the address is checked here
// first and the same action runs without a page load. The address is never put in a URL.
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { requestSignInLinkAction } from "@/lib/auth/actions";
import { signInSchema } from "@/lib/auth/schemas";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("SignIn");
  const { form, refused, formRef, formAction, onSubmit, fieldError, formError, pending } = useActionForm({
    schema: signInSchema,
    action: requestSignInLinkAction,
    defaults: (typed) => ({ email: typed?.email ?? "" }),
  });
  // A field message from the client's check, or from the server's (after a post without JavaScript).
  const emailError = fieldError("email");
  const notice = formError(["email"]);

  return (
    <form ref={formRef} className="form" action={formAction} onSubmit={onSubmit} noValidate>
      {notice && (
        <p className="notice error" role="alert">
          {notice}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <p className="hint" id="email-hint">
          {t("emailHint")}
        </p>
        <input
          id="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          defaultValue={refused?.values?.email}
          aria-describedby={emailError ? "email-hint email-error" : "email-hint"}
          aria-invalid={emailError ? true : undefined}
          {...form.register("email")}
        />
        {emailError && (
          <p className="field-error" id="email-error">
            {emailError}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
