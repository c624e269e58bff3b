// Edits of one response, one at a time. Every save, submit and withdrawal locks the response's row
// (SELECT … FOR UPDATE), so concurrent edits are serialised by the database. Left at that, twenty edits
// of one response at once (several tabs, a retrying connection, a script) each took one of the pool's
// connections to wait for that lock, and the requests behind them failed to get a connection within
// Prisma's 2 s maxWait: "Unable to start a transaction in the given time", shown as "Something went
// wrong". Now, within one process, edits of a response queue here before taking a connection; across
// instances the row lock still serialises them, with a bounded wait. Whatever still cannot run in time
// is a typed Conflict ("newerEdit": a newer edit arrived, reload), never the generic error.
import "server-only";
import { db } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import type { DbClient } from "@/lib/db";

/** How long an edit waits behind the edits of the same response queued in this process. */
export const EDIT_QUEUE_WAIT_MS = 10_000;
/** How long a transaction waits for the row lock held by another instance (PostgreSQL lock_timeout). */
export const EDIT_LOCK_WAIT_MS = 4_000;
/** Prisma's wait for a pool connection, and the longest an edit's transaction may run. */
export const EDIT_TRANSACTION = { maxWait: 4_000, timeout: 15_000 } as const;
/** Attempts for a transaction that could not start or hit a serialisation failure or deadlock. */
export const EDIT_ATTEMPTS = 3;

const tails = new Map<string, Promise<void>>();

/**
 * Runs `work` in a transaction once the edits of the same response queued before it are done. The
 * transaction is retried (with jitter) when it could not start or the database asked for a retry;
 * a wait that runs out becomes Conflict("newerEdit"). Typed errors from `work` pass through unchanged.
 */
export async function editOneAtATime<T>(responseId: string, work: (tx: DbClient) => Promise<T>): Promise<T> {
  const previous = tails.get(responseId) ?? Promise.resolve();
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => done);
  tails.set(responseId, tail);
  try {
    await waitAtMost(previous, EDIT_QUEUE_WAIT_MS);
    return await withRetries(work);
  } finally {
    release();
    if (tails.get(responseId) === tail) tails.delete(responseId);
  }
}

async function waitAtMost(turn: Promise<void>, milliseconds: number) {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), milliseconds)));
  const outcome = await Promise.race([turn.then(() => "turn" as const), timedOut]);
  clearTimeout(timer);
  if (outcome === "timeout") throw Conflict("newerEdit");
}

async function withRetries<T>(work: (tx: DbClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        // SET takes no bind parameters; the value is this module's constant, never input.
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${EDIT_LOCK_WAIT_MS}ms'`);
        return work(tx);
      }, EDIT_TRANSACTION);
    } catch (error) {
      const failure = transientFailure(error);
      if (!failure) throw error;
      if (failure === "lockTimeout" || attempt >= EDIT_ATTEMPTS) throw Conflict("newerEdit");
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 200));
    }
  }
}

/**
 * What went wrong, when it is the kind of failure a busy database gives: Prisma P2028 (the transaction
 * could not start in time, or ran out of time), P2034 (write conflict or deadlock), or PostgreSQL's own
 * 40001 (serialisation), 40P01 (deadlock) and 55P03 (lock_timeout ran out) from a raw query.
 */
function transientFailure(error: unknown): "retry" | "lockTimeout" | null {
  if (typeof error !== "object" || error === null) return null;
  const code = "code" in error ? String(error.code) : "";
  if (code === "P2028" || code === "P2034") return "retry";
  const database = databaseCode(error);
  if (database === "55P03") return "lockTimeout";
  if (database === "40001" || database === "40P01") return "retry";
  return null;
}

/** The PostgreSQL SQLSTATE carried by a driver adapter error, wherever Prisma put it. */
function databaseCode(error: object): string | undefined {
  const meta = "meta" in error ? (error.meta as Record<string, unknown> | undefined) : undefined;
  const candidates = [meta?.code, (meta?.driverAdapterError as { cause?: { originalCode?: unknown } })?.cause?.originalCode];
  const cause = "cause" in error ? (error.cause as { originalCode?: unknown; code?: unknown } | undefined) : undefined;
  candidates.push(cause?.originalCode, cause?.code);
  return candidates.find((candidate): candidate is string => typeof candidate === "string");
}
