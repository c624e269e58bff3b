import "server-only";
import { db } from "@/lib/db";

/** next-auth's session cookie names (the __Secure- one on https). */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

/** Ends a session on the server: the token stops working at once, wherever it was copied. */
export async function endSession(sessionToken: string) {
  await db.session.deleteMany({ where: { sessionToken } });
}
