// Rate limit of the open data API: a token bucket per client, shared by every app instance (PostgreSQL,
// lib/limits/bucket.ts). A bucket holds up to BURST tokens and gains PER_MINUTE tokens a minute; each
// request takes one, and a request finding it empty is answered 429 with Retry-After (seconds until a token
// is back). Env: API_RATE_LIMIT_PER_MINUTE, API_RATE_LIMIT_BURST.
//
// Who a client is (lib/limits/client.ts): the address a trusted proxy gives (TRUSTED_PROXY_HEADER, or
// TRUST_PROXY); without one, the address the request arrived with, marked unverified — a client could dodge
// its own limit by inventing X-Forwarded-For, but never spend another's. Never one bucket for everyone.
import "server-only";
import { takeFromBucket, type BucketResult } from "@/lib/limits/bucket";
import { requestAddress } from "@/lib/limits/client";
import { RATE_LIMIT_DEFAULTS } from "./rate-limit-defaults";

function positiveInt(value: string | undefined, fallback: number) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Read on every request, so an operator (or a test) can change it without a restart. */
export function rateLimitConfig() {
  return {
    perMinute: positiveInt(process.env.API_RATE_LIMIT_PER_MINUTE, RATE_LIMIT_DEFAULTS.perMinute),
    burst: positiveInt(process.env.API_RATE_LIMIT_BURST, RATE_LIMIT_DEFAULTS.burst),
  };
}

/** The bucket of a request's client ("unknown" only for a request with no address at all). */
export function clientKey(request: Request): string {
  return requestAddress(request.headers) ?? "unknown";
}

export type RateLimitResult = BucketResult;

export async function takeToken(key: string): Promise<RateLimitResult> {
  return takeFromBucket("api", key, rateLimitConfig());
}
