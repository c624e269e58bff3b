import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { takeSignInEmail } from "@/lib/limits/sign-in";
import { sendSignInLink } from "@/lib/mail/sign-in-link";
import type { Locale } from "@/lib/i18n/config";
import { prismaAdapter, type SessionUserRecord } from "./adapter";
import { safeReturnPath } from "./schemas";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./session-lifetime";
import { keepSignInLocale, localeOfAddress } from "./sign-in-locale";

const SIGN_IN_LINK_MINUTES = 30;

/** What next-auth's route knows about the request that the options need. */
export type AuthRequest = {
  clientIp: string | null;
  userAgent: string | null;
  /** A sign-in link's request: the language of the page it was asked for from (its callbackUrl's prefix). */
  pageLocale?: Locale | null;
  /** Told the person's language (null: none known) once a sign-in link has signed them in. */
  onSignedIn?: (locale: Locale | null) => void;
};

/**
 * next-auth's options. The route handler makes them per request, with the client's address (for the
 * sign-in email limit), browser (kept with a new session) and the sign-in page's language (kept as a new
 * person's); reading sessions needs none of them.
 */
export function authOptionsFor(
  { clientIp, userAgent, pageLocale = null, onSignedIn }: AuthRequest = { clientIp: null, userAgent: null },
): NextAuthOptions {
  return {
    adapter: prismaAdapter(db, { userAgent }),
    session: {
      strategy: "database",
      maxAge: SESSION_MAX_AGE_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
      // 256 random bits (next-auth's default, a UUID, has 122).
      generateSessionToken: () => randomBytes(32).toString("base64url"),
    },
    secret: process.env.NEXTAUTH_SECRET,
    providers: [
      EmailProvider({
        // Unused: sendVerificationRequest below decides between SMTP_URL and the outbox.
        server: process.env.SMTP_URL ?? "smtp://localhost:25",
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        async sendVerificationRequest({ identifier, url }) {
          // next-auth puts the address in the link; the token alone identifies it (see the adapter's
          // useVerificationToken), so the address stays out of browser histories, logs and Referer headers.
          const link = new URL(url);
          link.searchParams.delete("email");
          // In the language of the page it was asked from, which the return path in the link carries
          // (lib/auth/sign-in-locale.ts); the link leads back to pages in that language.
          const locale = localeOfAddress(link.searchParams.get("callbackUrl")) ?? "en";
          await sendSignInLink({ to: identifier, url: link.toString(), host: link.host, locale });
        },
      }),
    ],
    pages: {
      signIn: "/signin",
      verifyRequest: "/signin/check-email",
      error: "/signin/error",
      newUser: "/profile?welcome=1",
    },
    events: {
      // A sign-in link was used: a person without a language gets the sign-in page's, and the route sends
      // them on in theirs.
      async signIn({ user }) {
        const locale = await keepSignInLocale(user.id, pageLocale);
        onSignedIn?.(locale);
      },
    },
    callbacks: {
      // Runs before a sign-in link is made and mailed (also for a direct POST to next-auth): past the
      // limit, no link and no mail, and the person is told when to try again.
      async signIn({ user, account, email }) {
        if (!email?.verificationRequest) return true;
        const address = account?.providerAccountId ?? user.email ?? "";
        const verdict = await takeSignInEmail(address, clientIp);
        if (verdict.allowed) return true;
        return `/signin/error?${new URLSearchParams({ error: "TooManyEmails", retryAfter: String(verdict.retryAfterSeconds) })}`;
      },
      // Every callbackUrl next-auth follows passes the same check as our own return paths.
      redirect({ url, baseUrl }) {
        return baseUrl + safeReturnPath(url, "/", new URL(baseUrl).origin);
      },
      session({ session, user }) {
        const record = user as SessionUserRecord;
        session.user = {
          id: record.id,
          email: record.email,
          name: record.name ?? null,
          role: record.role,
          forums: record.forums,
          hasProfile: record.hasProfile,
        };
        return session;
      },
    },
  };
}

export const authOptions = authOptionsFor();
