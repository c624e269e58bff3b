import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { takeSignInEmail } from "@/lib/limits/sign-in";
import { sendSignInLink } from "@/lib/mail/sign-in-link";
import { prismaAdapter, type SessionUserRecord } from "./adapter";
import { safeReturnPath } from "./schemas";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./session-lifetime";

const SIGN_IN_LINK_MINUTES = 30;

/** What next-auth's route knows about the request that the options need. */
export type AuthRequest = { clientIp: string | null; userAgent: string | null };

/**
 * next-auth's options. The route handler makes them per request, with the client's address (for the
 * sign-in email limit) and browser (kept with a new session); reading sessions needs neither.
 */
export function authOptionsFor({ clientIp, userAgent }: AuthRequest = { clientIp: null, userAgent: null }): NextAuthOptions {
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
          await sendSignInLink({ to: identifier, url: link.toString(), host: link.host });
        },
      }),
    ],
    pages: {
      signIn: "/signin",
      verifyRequest: "/signin/check-email",
      error: "/signin/error",
      newUser: "/profile?welcome=1",
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
          hasProfile: record.hasProfile,
        };
        return session;
      },
    },
  };
}

export const authOptions = authOptionsFor();
