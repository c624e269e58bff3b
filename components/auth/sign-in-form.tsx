"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInSchema, type SignInValues } from "@/lib/auth/schemas";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("SignIn");
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async ({ email }) => {
    setFailed(false);
    const result = await signIn("email", { email, callbackUrl, redirect: false });
    if (!result || result.error) {
      setFailed(true);
      return;
    }
    router.push("/signin/check-email");
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {failed && (
        <p className="notice error" role="alert">
          {t("failed")}
        </p>
      )}
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
          aria-describedby={errors.email ? "email-hint email-error" : "email-hint"}
          aria-invalid={errors.email ? true : undefined}
          {...register("email")}
        />
        {errors.email && (
          <p className="field-error" id="email-error">
            {t("invalidEmail")}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
