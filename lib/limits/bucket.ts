// Token buckets shared by every instance of the app, in PostgreSQL (the rate_buckets table): a bucket holds
// up to `burst` tokens and gains `perMinute` a minute; each request takes one, and a request that finds
// less than one is refused. rate-limiter-flexible (store.ts) only has fixed windows, which would let twice
// the burst through across a window's edge, so this one statement does it (token-bucket.mjs): the row is
// created full, or refilled for the time since its last use and charged, under the row's lock, so concurrent
// requests on any instance are counted one after another. The table is unlogged (written on every API request;
// after a crash PostgreSQL empties it and every bucket starts full again).
import "server-only";
import type pg from "pg";
import { pool } from "./store";
import { takeToken, type BucketConfig, type BucketResult } from "./token-bucket.mjs";

export type { BucketConfig, BucketResult };

/** Takes a token from the bucket `name:key` (through `client`: the limits' own pool unless given). */
export function takeFromBucket(name: string, key: string, config: BucketConfig, client: pg.Pool = pool()) {
  return takeToken(client, name, key, config);
}

/** Empties the bucket `name:key` (tests). */
export async function resetBucket(name: string, key: string) {
  await pool().query(`DELETE FROM rate_buckets WHERE key = $1`, [`${name}:${key}`.slice(0, 255)]);
}
