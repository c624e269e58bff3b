// Asks next-auth for a sign-in link from a server action, as a browser's POST to /api/auth/signin/email
// would, so that the sign-in form works as a plain HTML form (no JavaScript) from a cold start: such a
// visitor has no next-auth CSRF cookie yet, and a page cannot set one while it renders. The form posts to a
// server action (same-origin, checked by Next.js and proxy.ts); the action runs next-auth's own handler
// twice in-process: /csrf (a token and its cookie) and then /signin/email with that token and cookie.
// next-auth's double-submit check, its signIn callback (the sign-in email limit) and its email provider run
// exactly as for a direct POST, and the cookies it sets are passed on to the browser. The address travels
// only in POST bodies, never in a URL.
import "server-only";
import type { NextApiRequest, NextApiResponse } from "next";
import type { AuthOptions } from "next-auth";
import NextAuth from "next-auth";
import { cookies, headers } from "next/headers";
import { NextResponse } from "next/server";

export type LinkOutcome = { sent: true } | { sent: false; retryAfterSeconds?: number };

type Answer = { status: number; location: string | null; setCookies: string[]; body: unknown };

/** next-auth's handler in its request/response form (the one that takes cookies as given, not from the
 * request being served), with a response object that only records what it is told. */
async function callNextAuth(
  options: AuthOptions,
  action: string[],
  { method, body, cookieValues }: { method: "GET" | "POST"; body: Record<string, string>; cookieValues: Record<string, string> },
): Promise<Answer> {
  const answer: Answer = { status: 200, location: null, setCookies: [], body: undefined };
  const recorded = new Map<string, unknown>();
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    setHeader(name: string, value: unknown) {
      recorded.set(name.toLowerCase(), value);
      return res;
    },
    getHeader(name: string) {
      return recorded.get(name.toLowerCase());
    },
    end() {
      return res;
    },
    json(value: unknown) {
      answer.body = value;
      return res;
    },
    send(value: unknown) {
      answer.body = value;
      return res;
    },
  };
  const req = {
    query: { nextauth: action },
    body,
    cookies: cookieValues,
    method,
    headers: Object.fromEntries(await headers()),
  };
  await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, options);
  const location = recorded.get("location");
  answer.location = typeof location === "string" ? location : null;
  const setCookie = recorded.get("set-cookie");
  answer.setCookies = Array.isArray(setCookie) ? setCookie.map(String) : setCookie ? [String(setCookie)] : [];
  return answer;
}

/** Passes next-auth's cookies on to the browser; returns their values by name. */
async function keepCookies(setCookies: string[]) {
  const list = new Headers();
  for (const line of setCookies) list.append("set-cookie", line);
  const parsed = new NextResponse(null, { headers: list }).cookies.getAll();
  const jar = await cookies();
  for (const cookie of parsed) jar.set(cookie);
  return Object.fromEntries(parsed.map((cookie) => [cookie.name, cookie.value]));
}

export async function requestSignInLink(
  options: AuthOptions,
  { email, callbackUrl }: { email: string; callbackUrl: string },
): Promise<LinkOutcome> {
  const sent = Object.fromEntries((await cookies()).getAll().map((cookie) => [cookie.name, cookie.value]));
  const csrf = await callNextAuth(options, ["csrf"], { method: "GET", body: {}, cookieValues: sent });
  const csrfToken = (csrf.body as { csrfToken?: string } | undefined)?.csrfToken;
  if (!csrfToken) return { sent: false };
  const cookieValues = { ...sent, ...(await keepCookies(csrf.setCookies)) };
  const signIn = await callNextAuth(options, ["signin", "email"], {
    method: "POST",
    body: { email, callbackUrl, csrfToken },
    cookieValues,
  });
  await keepCookies(signIn.setCookies);
  const target = new URL(signIn.location ?? "/signin/error", "http://site.invalid");
  const error = target.searchParams.get("error");
  // Sent: next-auth points to its verify-request route (which shows our check-email page).
  if (!error && ["/api/auth/verify-request", "/signin/check-email"].includes(target.pathname)) return { sent: true };
  const retryAfterSeconds = Number(target.searchParams.get("retryAfter"));
  if (error === "TooManyEmails" && retryAfterSeconds > 0) return { sent: false, retryAfterSeconds };
  // next-auth's own errors (mail not sent, configuration): the path and code only, never the address.
  console.error(
    `[auth] no sign-in link: next-auth answered ${target.pathname}${target.search.replace(/email=[^&]*/g, "email=…")}`,
  );
  return { sent: false };
}
