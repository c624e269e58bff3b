"use client";
// A real form posting to a server action: without JavaScript the browser posts it and the server answers
// with the check-email page (or this form with its message); with JavaScript the address is checked here
// first and the same action runs without a page load. The address is never put in a URL.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";
import { useForm } from "react-hook-form";
import { requestSignInLinkAction } from "@/app/(auth)/actions";
import { signInSchema, type SignInValues } from "@/lib/auth/schemas";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("SignIn");
  const [state, formAction, pending] = useActionState(requestSignInLinkAction, null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema) });

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  };
  // A field message from the client's check, or from the server's (after a post without JavaScript).
  const emailError = errors.email ? t("invalidEmail") : state && !state.ok ? state.fieldErrors?.email?.[0] : undefined;
  const formError = state && !state.ok && !state.fieldErrors ? state.message : undefined;

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      {formError && (
        <p className="notice error" role="alert">
          {formError}
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
          defaultValue={state && !state.ok ? state.values?.email : undefined}
          aria-describedby={emailError ? "email-hint email-error" : "email-hint"}
          aria-invalid={emailError ? true : undefined}
          {...register("email")}
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
