"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formValues, runAction, type ActionResult } from "@/lib/actions";
import { authOptionsFor } from "@/lib/auth/options";
import { requestSignInLink } from "@/lib/auth/request-link";
import { safeReturnPath, signInSchema } from "@/lib/auth/schemas";
import { endSession, SESSION_COOKIES } from "@/lib/auth/sign-out";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { trustedClientIp } from "@/lib/limits/client";

export async function signOutAction() {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (token) await endSession(token);
    jar.delete(name);
  }
  redirect("/?signedOut=1");
}

export type SignInLinkResult = ActionResult<{ retryAfterSeconds?: number }> | null;

/**
 * The sign-in form's action, with or without JavaScript: asks next-auth for a link (lib/auth/request-link.ts)
 * and shows the check-email page. The address stays in POST bodies and in the form's own state.
 */
export async function requestSignInLinkAction(_previous: SignInLinkResult, formData: FormData): Promise<SignInLinkResult> {
  return runAction("requestSignInLink", async () => {
    const t = await getTranslations("SignIn");
    const values = formValues(formData);
    const parsed = signInSchema.safeParse({ email: values.email ?? "" });
    if (!parsed.success) {
      const message = t("invalidEmail");
      return { ok: false, message, fieldErrors: { email: [message] }, values: { email: values.email ?? "" } };
    }
    const requestHeaders = await headers();
    const outcome = await requestSignInLink(
      authOptionsFor({
        clientIp: trustedClientIp(requestHeaders),
        userAgent: describeUserAgent(requestHeaders.get("user-agent")),
      }),
      { email: parsed.data.email, callbackUrl: safeReturnPath(values.callbackUrl) },
    );
    if (outcome.sent) redirect("/signin/check-email");
    const { retryAfterSeconds } = outcome;
    return {
      ok: false,
      message: retryAfterSeconds ? t("tooManyEmails", { minutes: Math.ceil(retryAfterSeconds / 60) }) : t("failed"),
      values: { email: values.email ?? "" },
    };
  });
}
