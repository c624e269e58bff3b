// Rate limit of the open data API: a token bucket per client, shared by every app instance (PostgreSQL,
// lib/limits/bucket.ts). A bucket holds up to BURST tokens and gains PER_MINUTE tokens a minute; each
// request takes one, and a request finding it empty is answered 429 with Retry-After (seconds until a token
// is back). Env: API_RATE_LIMIT_PER_MINUTE, API_RATE_LIMIT_BURST.
//
// Who a client is (lib/limits/client.mjs): the address a trusted proxy gives (TRUSTED_PROXY_HEADER, or
// TRUST_PROXY); without one, the address the request arrived with, marked unverified — a client could dodge
// its own limit by inventing X-Forwarded-For, but never spend another's. Never one bucket for everyone.
import "server-only";
import { pool } from "@/lib/limits/store";
import { takenBefore, TAKEN_HEADER, type BucketResult } from "@/lib/limits/token-bucket.mjs";
import { clientKeyOf, takeApiToken } from "./rate-limit-config.mjs";

export type RateLimitResult = BucketResult;

/**
 * The request's token: taken already by the cache in front of Next.js (scripts/lib/page-cache.mjs), which says so
 * in a header only it can write; none for that cache's own request, made to fill it (null); else taken here.
 */
export async function requestToken(request: Request): Promise<RateLimitResult | null> {
  const taken = takenBefore(request.headers.get(TAKEN_HEADER));
  if (taken === "fill") return null;
  return taken ?? takeApiToken(pool(), clientKeyOf(request.headers));
}
