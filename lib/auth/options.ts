import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { sendSignInLink } from "@/lib/mail/sign-in-link";
import { prismaAdapter, type SessionUserRecord } from "./adapter";

const SIGN_IN_LINK_MINUTES = 30;

export const authOptions: NextAuthOptions = {
  adapter: prismaAdapter(db),
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    EmailProvider({
      // Unused: sendVerificationRequest below decides between SMTP_URL and the outbox.
      server: process.env.SMTP_URL ?? "smtp://localhost:25",
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      async sendVerificationRequest({ identifier, url }) {
        await sendSignInLink({ to: identifier, url, host: new URL(url).host });
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
