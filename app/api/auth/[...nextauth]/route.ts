import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsFor } from "@/lib/auth/options";
import { landInLocale, localeOfAddress } from "@/lib/auth/sign-in-locale";
import { describeUserAgent } from "@/lib/auth/user-agent";
import type { Locale } from "@/lib/i18n/config";
import { trustedClientIp } from "@/lib/limits/client.mjs";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth with options of this request: the client's address and browser, and for a sign-in link, the
 * language of the page it was asked from (its callbackUrl). Once the link has signed the person in, they
 * are sent on in their own language (lib/auth/sign-in-locale.ts).
 */
async function handler(request: NextRequest, context: Context) {
  const signedIn: { locale: Locale | null } = { locale: null };
  const options = authOptionsFor({
    clientIp: trustedClientIp(request.headers),
    userAgent: describeUserAgent(request.headers.get("user-agent")),
    pageLocale: localeOfAddress(request.nextUrl.searchParams.get("callbackUrl")),
    onSignedIn: (locale) => {
      signedIn.locale = locale;
    },
  });
  const response = await NextAuth(request, context, options);
  return signedIn.locale ? landInLocale(response, signedIn.locale) : response;
}

export { handler as GET, handler as POST };
