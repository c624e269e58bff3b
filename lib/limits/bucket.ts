// Token buckets shared by every instance of the app, in PostgreSQL (the rate_buckets table): a bucket holds
// up to `burst` tokens and gains `perMinute` a minute; each request takes one, and a request that finds
// less than one is refused. rate-limiter-flexible (store.ts) only has fixed windows, which would let twice
// the burst through across a window's edge, so this one statement does it: the row is created full, or
// refilled for the time since its last use and charged, under the row's lock, so concurrent requests on any
// instance are counted one after another. The table is unlogged (written on every API request; after a
// crash PostgreSQL empties it and every bucket starts full again).
import "server-only";
import type pg from "pg";
import { pool } from "./store";

export type BucketConfig = { burst: number; perMinute: number };
export type BucketResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; retryAfter: number };

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

/** Takes a token from the bucket `name:key` (through `client`: the limits' own pool unless given). */
export async function takeFromBucket(
  name: string,
  key: string,
  { burst, perMinute }: BucketConfig,
  client: pg.Pool = pool(),
): Promise<BucketResult> {
  const perSecond = perMinute / 60;
  const { rows } = await client.query<{ tokens: number; allowed: boolean }>(TAKE, [
    `${name}:${key}`.slice(0, 255),
    burst,
    perSecond,
  ]);
  const { tokens, allowed } = rows[0]!;
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

/** Empties the bucket `name:key` (tests). */
export async function resetBucket(name: string, key: string) {
  await pool().query(`DELETE FROM rate_buckets WHERE key = $1`, [`${name}:${key}`.slice(0, 255)]);
}
