// Asks next-auth for a sign-in link from a server action, as a browser's POST to /api/auth/signin/email
// would, so that the sign-in form works as a plain HTML form (no JavaScript) from a cold start: such a
// visitor has no next-auth CSRF cookie yet, and a page cannot set one while it renders. The form posts to a
// server action (same-origin, checked by Next.js and proxy.ts); the action runs next-auth's own route
// twice in-process: /csrf (which sets the CSRF cookie in this action's response) and then
// /signin/email with that token. next-auth's double-submit check, its signIn callback (the sign-in email
// limit) and its email provider run exactly as for a direct POST. The address travels only in POST
// bodies, never in a URL.
import "server-only";
import type { AuthOptions } from "next-auth";
import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest, NextResponse } from "next/server";

export type LinkOutcome = { sent: true } | { sent: false; retryAfterSeconds?: number };

// Only the path and body matter: next-auth takes the host from the request headers or NEXTAUTH_URL.
const AUTH_BASE = "http://site.invalid/api/auth";

/** Calls next-auth's route handler and keeps the cookies it sets (in a server action, cookies() reads them
 * back, which is how the second call sees the CSRF cookie the first one set). */
async function callNextAuth(options: AuthOptions, path: string[], body?: Record<string, string>) {
  const request = new NextRequest(`${AUTH_BASE}/${path.join("/")}`, {
    method: body ? "POST" : "GET",
    headers: body ? { "Content-Type": "application/x-www-form-urlencoded" } : undefined,
    body: body ? new URLSearchParams(body) : undefined,
  });
  const response: Response = await NextAuth(request, { params: Promise.resolve({ nextauth: path }) }, options);
  const jar = await cookies();
  for (const cookie of new NextResponse(null, { headers: response.headers }).cookies.getAll()) jar.set(cookie);
  return response;
}

export async function requestSignInLink(
  options: AuthOptions,
  { email, callbackUrl }: { email: string; callbackUrl: string },
): Promise<LinkOutcome> {
  const csrf = await callNextAuth(options, ["csrf"]);
  const { csrfToken } = ((await csrf.json().catch(() => null)) ?? {}) as { csrfToken?: string };
  if (!csrfToken) return { sent: false };
  const signIn = await callNextAuth(options, ["signin", "email"], { email, callbackUrl, csrfToken });
  const target = new URL(signIn.headers.get("Location") ?? "/signin/error", "http://site.invalid");
  const error = target.searchParams.get("error");
  if (!error && target.pathname === "/signin/check-email") return { sent: true };
  const retryAfterSeconds = Number(target.searchParams.get("retryAfter"));
  return error === "TooManyEmails" && retryAfterSeconds > 0 ? { sent: false, retryAfterSeconds } : { sent: false };
}
