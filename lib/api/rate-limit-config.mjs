// The open data API's rate limit (lib/api/rate-limit.ts), in a pure module: the OpenAPI document and the developer
// page state the defaults, and the cache in front of Next.js (scripts/lib/page-cache.mjs) takes tokens by it too.
import { requestAddress } from "../limits/client.mjs";
import { takeToken } from "../limits/token-bucket.mjs";

/** Without API_RATE_LIMIT_PER_MINUTE and API_RATE_LIMIT_BURST. */
export const RATE_LIMIT_DEFAULTS = Object.freeze({ perMinute: 60, burst: 30 });

/**
 * @param {string | undefined} value
 * @param {number} fallback
 */
function positiveInt(value, fallback) {
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

/**
 * The bucket of a request's client ("unknown" only for a request with no address at all).
 * @param {{ get(name: string): string | null }} headers
 */
export function clientKeyOf(headers) {
  return requestAddress(headers) ?? "unknown";
}

/**
 * Takes a token of a client's bucket (`clientKeyOf`) under the limit in force, through `client` (a pg pool).
 * @param {import("../limits/token-bucket.mjs").Queryable} client
 * @param {string} key
 */
export function takeApiToken(client, key) {
  return takeToken(client, "api", key, rateLimitConfig());
}

/**
 * The RateLimit headers an answer carries for the client whose token was taken.
 * @param {import("../limits/token-bucket.mjs").BucketResult} result
 */
export function rateLimitHeaders(result) {
  return {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(result.resetSeconds),
  };
}
