// Limits shared by every instance of the app: counters in PostgreSQL (the rate_limits table, made by a
// migration), through rate-limiter-flexible. Each limit is a fixed window: `points` uses per key, counted
// from the key's first use, reset `durationSeconds` later. Add a limit as a `Limit` constant in a module of
// this folder; domain functions call `enforce(limit, key)`, which throws RateLimited (lib/errors.ts) with
// the wait. (The API's token bucket, which fixed windows cannot express, is in bucket.ts, on the same pool.)
import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimited } from "@/lib/errors";

const cache = globalThis as unknown as { __igfLimitsPool?: pg.Pool };

/** A small pool of its own: the Prisma client's connections are not lent out. */
export function pool() {
  if (!cache.__igfLimitsPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set (needed for the rate limits).");
    cache.__igfLimitsPool = new pg.Pool({ connectionString, max: 2, allowExitOnIdle: true });
  }
  return cache.__igfLimitsPool;
}

export type Limit = { name: string; points: number; durationSeconds: number };
export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const limiters = new Map<string, RateLimiterPostgres>();

function limiter({ name, points, durationSeconds }: Limit) {
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: durationSeconds,
    });
    limiters.set(name, found);
  }
  return found;
}

/**
 * Takes one use of `limit` for `key`. Refused past the limit, with the seconds until the window resets.
 * A failing store throws (the caller's request fails) rather than letting everything through.
 */
export async function take(limit: Limit, key: string): Promise<Verdict> {
  try {
    await limiter(limit).consume(key);
    return { allowed: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
    throw error;
  }
}

/** As `take`, for domain functions: a refusal throws RateLimited with the seconds to wait. */
export async function enforce(limit: Limit, key: string) {
  const verdict = await take(limit, key);
  if (!verdict.allowed) throw RateLimited(verdict.retryAfterSeconds);
}

/** Forgets every count of `limit` for `key` (tests, and an operator's reset). */
export async function reset(limit: Limit, key: string) {
  await limiter(limit).delete(key);
}

export async function closeLimits() {
  await cache.__igfLimitsPool?.end();
  cache.__igfLimitsPool = undefined;
  limiters.clear();
}
