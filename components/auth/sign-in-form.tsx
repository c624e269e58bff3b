"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { getCsrfToken } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInSchema, type SignInValues } from "@/lib/auth/schemas";

type Outcome = { sent: true } | { sent: false; retryAfterSeconds?: number };

/**
 * Asks next-auth for a link, as its signIn() does, but keeps the answer's URL: when too many links were
 * asked for, it says how long to wait (retryAfter).
 */
async function requestLink(email: string, callbackUrl: string): Promise<Outcome> {
  const csrfToken = (await getCsrfToken()) ?? "";
  const response = await fetch("/api/auth/signin/email", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, callbackUrl, csrfToken, json: "true" }),
  });
  const data = (await response.json().catch(() => null)) as { url?: string } | null;
  if (!response.ok || !data?.url) return { sent: false };
  const url = new URL(data.url, window.location.href);
  const error = url.searchParams.get("error");
  if (!error) return { sent: true };
  const retryAfterSeconds = Number(url.searchParams.get("retryAfter"));
  return error === "TooManyEmails" && retryAfterSeconds > 0 ? { sent: false, retryAfterSeconds } : { sent: false };
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("SignIn");
  const router = useRouter();
  const [failed, setFailed] = useState<false | { retryAfterSeconds?: number }>(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async ({ email }) => {
    setFailed(false);
    const outcome = await requestLink(email, callbackUrl).catch((): Outcome => ({ sent: false }));
    if (!outcome.sent) {
      setFailed({ retryAfterSeconds: outcome.retryAfterSeconds });
      return;
    }
    router.push("/signin/check-email");
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {failed && (
        <p className="notice error" role="alert">
          {failed.retryAfterSeconds
            ? t("tooManyEmails", { minutes: Math.ceil(failed.retryAfterSeconds / 60) })
            : t("failed")}
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
