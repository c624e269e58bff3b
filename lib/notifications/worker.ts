// Sends the email queue, outside any user request. A drain:
//   1. puts back jobs left in SENDING for over STUCK_AFTER_MS (a worker that crashed mid-send);
//   2. claims up to `limit` due PENDING jobs in one statement (FOR UPDATE SKIP LOCKED: two drains, in this
//      process or another, never claim the same job), counting the attempt;
//   3. per job: cancels it when the user is gone or turned its kind off since it was queued, else sends it
//      (with RFC 8058 one-click List-Unsubscribe headers) and marks it SENT, or records the error and
//      schedules a retry with exponential backoff, FAILED after maxAttempts.
// The running app drains every MAIL_QUEUE_INTERVAL_MS (instrumentation.ts) and right after each event
// (kickEmailWorker). Tests call drainEmailQueue directly.
// No "server-only": imported by events.ts, which the browser tests use outside Next.js.
import { db } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { sendMail, type Mail } from "@/lib/mail/send";
import { preferenceField } from "./kinds";
import { oneClickUrl } from "./templates";
import { ensurePreferences } from "./tokens";

/** The first retry waits 30 s, then 1, 2, 4, … minutes, never more than an hour. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 60 * 60_000;
/** A job SENDING for longer than this was claimed by a worker that stopped; it goes back to PENDING. */
export const STUCK_AFTER_MS = 10 * 60_000;
/** Jobs claimed per batch, and the longest error message kept. */
export const DRAIN_BATCH = 20;
export const MAX_ERROR_LENGTH = 500;

export const retryDelayMs = (attempts: number) => Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);

type Claimed = {
  id: bigint;
  userId: string | null;
  kind: NotificationKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
  maxAttempts: number;
};

export type DrainResult = {
  recovered: number;
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
};

export type DrainOptions = { now?: Date; limit?: number; send?: (mail: Mail) => Promise<unknown> };

/** Jobs stuck in SENDING go back to PENDING (or FAILED when that was their last attempt). */
async function recoverStuck(now: Date): Promise<number> {
  const before = new Date(now.getTime() - STUCK_AFTER_MS);
  return db.$executeRaw`
    UPDATE email_jobs
       SET status = (CASE WHEN attempts >= "maxAttempts" THEN 'FAILED' ELSE 'PENDING' END)::"EmailStatus",
           "lastError" = 'The worker stopped while sending (recovered after ' || ${STUCK_AFTER_MS / 60_000}::int || ' minutes).',
           "nextAttemptAt" = ${now}, "updatedAt" = ${now}
     WHERE status = 'SENDING' AND "updatedAt" < ${before}`;
}

async function claim(now: Date, limit: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE email_jobs
       SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = ${now}
     WHERE status = 'PENDING'
       AND id IN (SELECT id FROM email_jobs
                   WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
                   ORDER BY "nextAttemptAt", id
                   FOR UPDATE SKIP LOCKED
                   LIMIT ${limit}::int)
    RETURNING id, "userId", kind, "to", subject, text, html, attempts, "maxAttempts"`;
}

/** The user's wish at send time: their one-click unsubscribe address, or null when the kind is off or they are gone. */
async function stillWanted(job: Claimed): Promise<string | null> {
  if (!job.userId) return null;
  const user = await db.user.findUnique({ where: { id: job.userId }, select: { id: true } });
  if (!user) return null;
  const preference = (await db.$transaction((tx) => ensurePreferences(tx, [job.userId!]))).get(job.userId);
  if (!preference?.[preferenceField[job.kind]]) return null;
  return oneClickUrl(preference.unsubscribeToken, job.kind);
}

const errorText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim().slice(0, MAX_ERROR_LENGTH) ||
  "Unknown error";

async function settle(job: Claimed, now: Date, send: NonNullable<DrainOptions["send"]>): Promise<keyof DrainResult> {
  const unsubscribe = await stillWanted(job);
  if (!unsubscribe) {
    await db.emailJob.update({ where: { id: job.id }, data: { status: "CANCELLED" }, select: { id: true } });
    return "cancelled";
  }
  try {
    await send({
      to: job.to,
      subject: job.subject,
      text: job.text,
      html: job.html,
      headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
  } catch (error) {
    const last = job.attempts >= job.maxAttempts;
    await db.emailJob.update({
      where: { id: job.id },
      data: {
        status: last ? "FAILED" : "PENDING",
        lastError: errorText(error),
        nextAttemptAt: new Date(now.getTime() + (last ? 0 : retryDelayMs(job.attempts))),
      },
      select: { id: true },
    });
    return last ? "failed" : "retried";
  }
  await db.emailJob.update({
    where: { id: job.id },
    data: { status: "SENT", sentAt: new Date(), lastError: null },
    select: { id: true },
  });
  return "sent";
}

/** One drain: recovers stuck jobs, then claims and settles one batch of due jobs, one after another. */
export async function drainEmailQueue({ now = new Date(), limit = DRAIN_BATCH, send = sendMail }: DrainOptions = {}) {
  const result: DrainResult = { recovered: await recoverStuck(now), claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
  const jobs = await claim(now, limit);
  result.claimed = jobs.length;
  for (const job of jobs) {
    try {
      result[await settle(job, now, send)] += 1;
    } catch (error) {
      // A database error while settling: the job stays SENDING and is recovered after STUCK_AFTER_MS.
      console.error(`[email] job ${job.id} could not be settled`, error);
    }
  }
  return result;
}

// One background drain at a time per process (the state is on globalThis: Next may load this module more
// than once). A kick during a drain asks for one more round, so a job committed meanwhile is not left
// waiting for the interval.
const state = globalThis as unknown as { __igfEmailDrain?: { running: boolean; again: boolean } };

export function startDrain(): void {
  const drain = (state.__igfEmailDrain ??= { running: false, again: false });
  if (drain.running) {
    drain.again = true;
    return;
  }
  drain.running = true;
  void (async () => {
    try {
      do {
        drain.again = false;
        // Whole batches until the due jobs are done (a full batch may mean more are waiting).
        for (let round = 0; round < 50; round += 1) {
          const { claimed } = await drainEmailQueue();
          if (claimed < DRAIN_BATCH) break;
        }
      } while (drain.again);
    } catch (error) {
      console.error("[email] drain failed", error);
    } finally {
      drain.running = false;
    }
  })();
}
