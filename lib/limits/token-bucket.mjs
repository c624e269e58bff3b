// The token bucket's statement and arithmetic (the rule is in bucket.ts), in plain JavaScript (types in JSDoc):
// the app takes its tokens through bucket.ts, and the cache in front of Next.js (scripts/lib/page-cache.mjs)
// takes the open data API's itself, for answers it sends without Next.js. Both run this same code.
import { randomUUID } from "node:crypto";

/** @typedef {{ burst: number, perMinute: number }} BucketConfig */
/** @typedef {{ allowed: boolean, limit: number, remaining: number, resetSeconds: number, retryAfter: number }} BucketResult */
/** @typedef {{ query(text: string, values?: unknown[]): Promise<{ rows: any[] }> }} Queryable */

// Tokens now: what was left, plus the refill since the last use (never more than the burst).
const REFILLED = `LEAST($2::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - b."updatedAt")) * $3::float8)`;
const TAKE = `
  INSERT INTO rate_buckets AS b (key, tokens, allowed, "updatedAt")
  VALUES ($1, $2::float8 - 1, true, now())
  ON CONFLICT (key) DO UPDATE SET
    allowed = ${REFILLED} >= 1,
    tokens = ${REFILLED} - CASE WHEN ${REFILLED} >= 1 THEN 1 ELSE 0 END,
    "updatedAt" = GREATEST(b."updatedAt", now())
  RETURNING tokens, allowed`;

/**
 * Takes a token from the bucket `name:key` through `client` (a pg pool).
 * @param {Queryable} client
 * @param {string} name
 * @param {string} key
 * @param {BucketConfig} config
 * @returns {Promise<BucketResult>}
 */
export async function takeToken(client, name, key, { burst, perMinute }) {
  const perSecond = perMinute / 60;
  const { rows } = await client.query(TAKE, [`${name}:${key}`.slice(0, 255), burst, perSecond]);
  const { tokens, allowed } = rows[0];
  // Now and then, forget buckets that have been full for a while (they hold no information).
  if (Math.random() < 0.002) {
    await client
      .query(`DELETE FROM rate_buckets WHERE "updatedAt" < now() - make_interval(secs => $1)`, [
        Math.ceil(burst / perSecond) + 60,
      ])
      .catch((error) => console.error("[limits] could not prune rate_buckets", error));
  }
  return {
    allowed,
    limit: burst,
    remaining: Math.max(0, Math.floor(tokens)),
    resetSeconds: Math.ceil((burst - tokens) / perSecond),
    retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / perSecond)),
  };
}

/**
 * The request header by which the cache in front of Next.js tells the API's route handlers (lib/api/http.ts) that
 * it has taken the request's token already (and what it found), or that the request is its own, made to fill the
 * cache (no client's: no token). Its value starts with a secret of this process, so no client can send it.
 */
export const TAKEN_HEADER = "x-igf-rate-limit";

/** A random secret of this process, shared by the cache and Next.js's server code in it (one global). */
function processSecret() {
  const global = /** @type {{ [key: symbol]: string | undefined }} */ (/** @type {unknown} */ (globalThis));
  const key = Symbol.for("igf.rate-limit.secret");
  return (global[key] ??= randomUUID());
}

/**
 * The header's value for a request whose token was taken, or (null) for the cache's own request.
 * @param {BucketResult | null} result
 */
export function takenHeader(result) {
  return `${processSecret()} ${result ? JSON.stringify(result) : "fill"}`;
}

/**
 * What the header says, when this process sent it: the result of the token taken, "fill" for the cache's own
 * request; undefined when the header is absent or not this process's (the route takes a token itself).
 * @param {string | null | undefined} value
 * @returns {BucketResult | "fill" | undefined}
 */
export function takenBefore(value) {
  const secret = processSecret();
  if (!value?.startsWith(`${secret} `)) return undefined;
  const said = value.slice(secret.length + 1);
  if (said === "fill") return "fill";
  try {
    const result = JSON.parse(said);
    return typeof result?.allowed === "boolean" ? result : undefined;
  } catch {
    return undefined;
  }
}
