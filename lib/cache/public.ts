import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";

// The cache of public reads: what a visitor sees of calls, responses, participation and messages, read once and
// served from memory until the public content changes.
//
// Why not Next.js's own caches: Cache Components and route-level revalidation serve a page's HTML made once, and
// every page here carries the per-request nonce of its Content-Security-Policy (proxy.ts), which a page made once
// cannot; `unstable_cache` turns the values into JSON (dates become strings) and its tags are invalidated only
// in the process that wrote. So this caches the domain's values, in each instance's memory.
//
// Correctness: PostgreSQL keeps one version of the public content (prisma/migrations/20261205090000_public_content_
// version): triggers on every table a public page reads bump it in the same transaction as the write, whichever
// process wrote. Each read first asks for the version (one primary-key read) and serves an entry only if it was made
// at that version. So a hidden or withdrawn response, a deleted account or a name made anonymous is gone from every
// public page and API answer as soon as the write has committed, on every instance, with nothing to remember to call.
// The version is read before the value is made: a write committed meanwhile moves the version on, so the entry is
// never served as newer than it is.
//
// Time: what depends on the clock (a call opening or closing at its date, a comment period ending) is read again
// after at most PUBLIC_CACHE_SECONDS (30 by default); every form checks the dates itself when it is sent.

const seconds = Number(process.env.PUBLIC_CACHE_SECONDS ?? 30);
const megabytes = Number(process.env.PUBLIC_CACHE_MB ?? 64);
/** PUBLIC_CACHE=off reads through (to measure the app without it: npm run bench). */
const enabled = process.env.PUBLIC_CACHE !== "off" && seconds > 0;

type Entry = { stamp: string; value: unknown };

const store = globalThis as unknown as {
  __igfPublicCache?: LRUCache<string, Entry>;
  __igfPublicFills?: Map<string, Promise<unknown>>;
};
const entries = (store.__igfPublicCache ??= new LRUCache<string, Entry>({
  ttl: seconds * 1000,
  maxSize: megabytes * 1024 * 1024,
  sizeCalculation: (entry) => Math.max(1, approximateSize(entry.value)),
}));
/** One making of a value per key and version, however many requests ask for it at once. */
const fills = (store.__igfPublicFills ??= new Map());

/** The current epoch and version of the public content. */
export async function publicContentStamp(): Promise<string> {
  const [row] = await db.$queryRaw<{ epoch: string; version: bigint }[]>`
    SELECT "epoch", "version" FROM "public_content_version" WHERE "id" = 1`;
  return row ? `${row.epoch}:${row.version}` : "none";
}

/**
 * The value `make` returns for `key`, from the cache of public reads while the public content has not changed since
 * it was made. The value is frozen: a caller that changes it throws instead of changing what the next visitor sees.
 */
export async function cachedPublic<R>(key: string, make: () => Promise<R>): Promise<R> {
  if (!enabled) return make();
  const stamp = await publicContentStamp();
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) return hit.value as R;
  const fillKey = `${key}@${stamp}`;
  let fill = fills.get(fillKey) as Promise<R> | undefined;
  if (!fill) {
    fill = make()
      .then((value) => {
        deepFreeze(value);
        entries.set(key, { stamp, value });
        return value;
      })
      .finally(() => fills.delete(fillKey));
    fills.set(fillKey, fill);
  }
  return fill;
}

/** `read` served from the cache of public reads; its arguments (plain values) are the key. It reads the clock itself. */
export function publicRead<A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>) {
  return (...args: A): Promise<R> => cachedPublic(`${name}:${JSON.stringify(args)}`, () => read(...args));
}

/** Forget every entry (tests). */
export function clearPublicCache() {
  entries.clear();
}

function deepFreeze(value: unknown) {
  if (value === null || typeof value !== "object" || Object.isFrozen(value) || ArrayBuffer.isView(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

/** Roughly the bytes a value holds (strings count twice), to bound the cache by memory. */
function approximateSize(value: unknown): number {
  if (value === null || value === undefined) return 8;
  switch (typeof value) {
    case "string":
      return 16 + value.length * 2;
    case "object": {
      if (value instanceof Date) return 32;
      let size = 32;
      for (const inner of Object.values(value)) size += 8 + approximateSize(inner);
      return size;
    }
    default:
      return 8;
  }
}
