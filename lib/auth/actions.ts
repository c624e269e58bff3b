"use server";
// Signing in and out, and ending one's other sessions. Sign-in and sign-out are open to anyone (a visitor
// asks for a link; signing out with no session just goes home); ending other sessions needs a signed-in user.
import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/config";
import { trustedClientIp } from "@/lib/limits/client.mjs";
import { authOptionsFor } from "./options";
import { requestSignInLink } from "./request-link";
import { safeReturnPath, signInSchema } from "./schemas";
import { endOtherSessions } from "./sessions";
import { inLocale } from "./sign-in-locale";
import { currentSessionToken, endSession, SESSION_COOKIES } from "./sign-out";
import { describeUserAgent } from "./user-agent";

/** Forms with no field of their own (a button). */
const noFields = z.object({});

export const signOutAction = defineAction({
  name: "auth.signOut",
  auth: "visitor",
  schema: noFields,
  keepValues: false,
  run: async () => {
    const jar = await cookies();
    for (const name of SESSION_COOKIES) {
      const token = jar.get(name)?.value;
      if (token) await endSession(token);
      jar.delete(name);
    }
    redirect("/?signedOut=1");
  },
});

/**
 * The sign-in form's action, with or without JavaScript: asks next-auth for a link (./request-link.ts)
 * and shows the check-email page. The address stays in POST bodies and in the form's own state. The return
 * path is given the page's language ("/es/calls/x" from /es/signin): the email is written in it, and a
 * first sign-in keeps it as the person's (./sign-in-locale.ts).
 */
export const requestSignInLinkAction = defineAction({
  name: "auth.requestSignInLink",
  auth: "visitor",
  schema: signInSchema,
  keepValues: (values) => ({ email: values.email ?? "" }),
  run: async ({ email }, { values }) => {
    const requestHeaders = await headers();
    const locale = await getLocale();
    const outcome = await requestSignInLink(
      authOptionsFor({
        clientIp: trustedClientIp(requestHeaders),
        userAgent: describeUserAgent(requestHeaders.get("user-agent")),
      }),
      { email, callbackUrl: inLocale(safeReturnPath(values.callbackUrl), toLocale(locale)) },
    );
    if (outcome.sent) redirect("/signin/check-email");
    const { retryAfterSeconds } = outcome;
    if (retryAfterSeconds)
      throw new AppError("rate_limited", { code: "tooManySignInLinks", params: { minutes: Math.ceil(retryAfterSeconds / 60) } });
    throw new AppError("conflict", { code: "signInLinkFailed" });
  },
});

/** "Sign out everywhere else": ends the user's other sessions, keeps this one. */
export const endOtherSessionsAction = defineAction({
  name: "auth.endOtherSessions",
  auth: "STAKEHOLDER",
  schema: noFields,
  keepValues: false,
  run: async (_input, { actor }) => {
    const ended = await endOtherSessions(actor, await currentSessionToken());
    revalidatePath("/my/data");
    return { ended };
  },
});
