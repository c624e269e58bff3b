// Rate limit of the open data API: a token bucket per client. A bucket holds up to BURST tokens and gains
// PER_MINUTE tokens a minute; each request takes one, and a request finding it empty is answered 429 with
// Retry-After (seconds until a token is back).
//
// Who a client is: route handlers do not see the socket address, and Next.js only fills X-Forwarded-For
// from it when the client did not send one itself, so the header is the client's word. Hence:
// - TRUST_PROXY set (the app runs behind a reverse proxy that overwrites X-Forwarded-For): the key is the
//   FIRST address of X-Forwarded-For, the client as the proxy saw it;
// - otherwise every request shares ONE bucket ("*"): a client cannot escape the limit by inventing
//   addresses, at the price of all clients sharing it. Set TRUST_PROXY behind a proxy.
// Buckets live in this process's memory: behind several instances each has its own, and a shared store
// (e.g. Redis) would be needed for one limit across them. Env: API_RATE_LIMIT_PER_MINUTE, API_RATE_LIMIT_BURST.
import "server-only";
import { trustedClientIp } from "@/lib/limits/client";
import { RATE_LIMIT_DEFAULTS } from "./rate-limit-defaults";

const MAX_BUCKETS = 10_000;

type Bucket = { tokens: number; updatedAt: number };
const buckets = new Map<string, Bucket>();

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

export function clientKey(request: Request): string {
  return trustedClientIp(request.headers) ?? "*";
}

export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; retryAfter: number };

export function takeToken(key: string, now = Date.now()): RateLimitResult {
  const { perMinute, burst } = rateLimitConfig();
  const perMs = perMinute / 60_000;
  const bucket = buckets.get(key) ?? { tokens: burst, updatedAt: now };
  bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * perMs);
  bucket.updatedAt = now;
  const allowed = bucket.tokens >= 1;
  if (allowed) bucket.tokens -= 1;
  if (!buckets.has(key) && buckets.size >= MAX_BUCKETS) evictFull(now, perMs, burst);
  buckets.set(key, bucket);
  return {
    allowed,
    limit: burst,
    remaining: Math.floor(bucket.tokens),
    resetSeconds: Math.ceil((burst - bucket.tokens) / perMs / 1000),
    retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
  };
}

/** Drops buckets that have refilled (they hold no information), so memory stays bounded. */
function evictFull(now: number, perMs: number, burst: number) {
  for (const [key, bucket] of buckets) {
    if (bucket.tokens + (now - bucket.updatedAt) * perMs >= burst) buckets.delete(key);
  }
  if (buckets.size >= MAX_BUCKETS) buckets.clear();
}
