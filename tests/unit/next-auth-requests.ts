// Requests to next-auth's own handler in unit tests, as the route handler passes them on: a request object
// and a response that records its headers. Returns where next-auth sends the browser (the Location header).
import { createHash, randomBytes } from "node:crypto";
import NextAuth, { type AuthOptions } from "next-auth";
import { authOptionsFor } from "@/lib/auth/options";

type NextAuthRequest = {
  method: "GET" | "POST";
  query: Record<string, unknown>;
  cookies?: Record<string, string>;
  body?: Record<string, unknown>;
};

export async function runNextAuth(request: NextAuthRequest, options: AuthOptions): Promise<string> {
  const headers: Record<string, unknown> = {};
  const res = {
    status: () => res,
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = value),
    end: () => {},
    json: () => {},
    send: () => {},
  };
  const req = { cookies: {}, body: {}, ...request, headers: { host: "localhost:3000" } };
  await NextAuth(req as never, res as never, options);
  return String(headers.location ?? "");
}

/**
 * One POST to next-auth's email sign-in, as the sign-in form sends it (with a CSRF token made with `secret`,
 * the NEXTAUTH_SECRET the test set); returns where next-auth sends the browser.
 */
export function askForLink(
  email: string,
  { secret, callbackUrl = "/calls", clientIp = null }: { secret: string; callbackUrl?: string; clientIp?: string | null },
) {
  const csrf = randomBytes(16).toString("hex");
  const hash = createHash("sha256").update(`${csrf}${secret}`).digest("hex");
  return runNextAuth(
    {
      method: "POST",
      query: { nextauth: ["signin", "email"] },
      cookies: { "next-auth.csrf-token": `${csrf}|${hash}` },
      body: { email, csrfToken: csrf, callbackUrl },
    },
    authOptionsFor({ clientIp, userAgent: null }),
  );
}
