// How many sign-in emails may be asked for: per address (so an inbox cannot be flooded) and, when the
// client's address is known (TRUST_PROXY, lib/limits/client.mjs), per client (so one client cannot mail
// many inboxes). Without a trusted address only the per-address limit applies: one shared bucket for every
// visitor would let anyone lock everyone out.
import "server-only";
import { createHash } from "node:crypto";
import { reset, take, type Limit, type Verdict } from "./store";

export const SIGN_IN_PER_ADDRESS: Limit = { name: "sign-in-address", points: 5, durationSeconds: 3600 };
export const SIGN_IN_PER_CLIENT: Limit = { name: "sign-in-client", points: 20, durationSeconds: 3600 };

// Addresses are not kept in the clear in the counters.
const addressKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/** One sign-in email for `email`, asked by `clientIp` (null when unknown): allowed, or when to try again. */
export async function takeSignInEmail(email: string, clientIp: string | null): Promise<Verdict> {
  const verdicts = [await take(SIGN_IN_PER_ADDRESS, addressKey(email))];
  if (clientIp) verdicts.push(await take(SIGN_IN_PER_CLIENT, clientIp));
  const waits = verdicts.map((verdict) => (verdict.allowed ? 0 : verdict.retryAfterSeconds));
  const retryAfterSeconds = Math.max(...waits);
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

export async function resetSignInEmails(email: string, clientIp?: string) {
  await reset(SIGN_IN_PER_ADDRESS, addressKey(email));
  if (clientIp) await reset(SIGN_IN_PER_CLIENT, clientIp);
}
