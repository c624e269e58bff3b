import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";

/** next-auth's session cookie names (the __Secure- one on https). */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

/** Ends a session on the server: the token stops working at once, wherever it was copied. */
export async function endSession(sessionToken: string) {
  await db.session.deleteMany({ where: { sessionToken } });
}

/** The session token of this request's cookie, or null. */
export async function currentSessionToken() {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (token) return token;
  }
  return null;
}
