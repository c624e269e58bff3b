// Sends the email outbox (email_jobs), outside any user request. Each row is sent by one pg-boss job
// ("email-send", lib/jobs): the job claims the row (PENDING → SENDING, counting the attempt; a second job
// for the same row finds it claimed or SENT and does nothing, so a retried job never sends twice), cancels
// it when the user is gone or turned its kind off since it was queued, else writes it again in the language
// the user has now (./render.ts: User.locale read at send time, not when queued), sends it (with RFC 8058
// one-click List-Unsubscribe headers for notifications) and marks it SENT, keeping what was sent, or records
// the error and throws, so pg-boss retries it with exponential backoff; FAILED after maxAttempts.
// The "email-sweep" job (every minute, and when a worker starts) puts back rows a crashed worker left
// SENDING and enqueues a job for every due PENDING row that has none: rows queued before the job queue
// existed, or by an admin's retry. drainEmailQueue sends due rows directly, in batches (tests, scripts).
// No "server-only": imported by events.ts, which the browser tests use outside Next.js.
import { db } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { enqueueJobs, ensureQueues, JOB_SCHEMA } from "@/lib/jobs/queue";
import { sendMail, type Mail } from "@/lib/mail/send";
import { mailLocale } from "@/lib/mail/locale";
import { preferenceField } from "./kinds";
import { emailToSend, type Addressee } from "./render";
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
  kind: NotificationKind | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  template: unknown;
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
    RETURNING id, "userId", kind, "to", subject, text, html, template, attempts, "maxAttempts"`;
}

/**
 * The user at send time: who they are now (language, name, unsubscribe token) and their one-click
 * unsubscribe address ("" for a service email, a receipt: no kind, nothing to turn off), or null when the
 * kind is off or they are gone.
 */
async function stillWanted(job: Claimed): Promise<{ to: Addressee; unsubscribe: string } | null> {
  if (!job.userId) return null;
  // One statement (this runs for every email): the user, their profile's name and their preference row.
  const [row] = await db.$queryRaw<
    {
      locale: string | null;
      name: string | null;
      token: string | null;
      draftOpened: boolean;
      commentActivity: boolean;
      finalPublished: boolean;
    }[]
  >`SELECT u.locale, pr."displayName" AS name, p."unsubscribeToken" AS token,
           p."draftOpened", p."commentActivity", p."finalPublished"
      FROM users u LEFT JOIN notification_preferences p ON p."userId" = u.id
                   LEFT JOIN profiles pr ON pr."userId" = u.id
     WHERE u.id = ${job.userId}`;
  if (!row) return null;
  const to = (token: string): Addressee => ({ locale: mailLocale(row.locale), name: row.name, token });
  if (!job.kind) return { to: to(""), unsubscribe: "" };
  if (row.token)
    return row[preferenceField[job.kind]] ? { to: to(row.token), unsubscribe: oneClickUrl(row.token, job.kind) } : null;
  const preference = (await db.$transaction((tx) => ensurePreferences(tx, [job.userId!]))).get(job.userId);
  if (!preference?.[preferenceField[job.kind]]) return null;
  return { to: to(preference.unsubscribeToken), unsubscribe: oneClickUrl(preference.unsubscribeToken, job.kind) };
}

const errorText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim().slice(0, MAX_ERROR_LENGTH) ||
  "Unknown error";

type Outcome = "sent" | "retried" | "failed" | "cancelled";

async function settle(
  job: Claimed,
  now: Date,
  send: NonNullable<DrainOptions["send"]>,
): Promise<{ outcome: Outcome; error?: string }> {
  const wanted = await stillWanted(job);
  if (wanted === null) {
    await db.emailJob.update({ where: { id: job.id }, data: { status: "CANCELLED" }, select: { id: true } });
    return { outcome: "cancelled" };
  }
  const { unsubscribe } = wanted;
  const mail = emailToSend(job, wanted.to);
  try {
    await send({
      to: job.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: unsubscribe
        ? { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
        : undefined,
    });
  } catch (error) {
    const last = job.attempts >= job.maxAttempts;
    const message = errorText(error);
    await db.emailJob.update({
      where: { id: job.id },
      data: {
        status: last ? "FAILED" : "PENDING",
        lastError: message,
        nextAttemptAt: new Date(now.getTime() + (last ? 0 : retryDelayMs(job.attempts))),
      },
      select: { id: true },
    });
    return { outcome: last ? "failed" : "retried", error: message };
  }
  // The row keeps what was sent (its subject is what the administrator and the person's data export show),
  // unless the account was deleted meanwhile (its bodies are gone and stay gone: personal-data.ts).
  await db.$executeRaw`UPDATE email_jobs SET status = 'SENT', "sentAt" = now(), "lastError" = NULL, "updatedAt" = now(),
      subject = CASE WHEN "userId" IS NULL THEN subject ELSE ${mail.subject} END,
      text = CASE WHEN "userId" IS NULL THEN text ELSE ${mail.text} END,
      html = CASE WHEN "userId" IS NULL THEN html ELSE ${mail.html} END
    WHERE id = ${job.id}`;
  return { outcome: "sent" };
}

/** One drain: recovers stuck jobs, then claims and settles one batch of due jobs, one after another. */
export async function drainEmailQueue({ now = new Date(), limit = DRAIN_BATCH, send = sendMail }: DrainOptions = {}) {
  const result: DrainResult = { recovered: await recoverStuck(now), claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
  const jobs = await claim(now, limit);
  result.claimed = jobs.length;
  for (const job of jobs) {
    try {
      result[(await settle(job, now, send)).outcome] += 1;
    } catch (error) {
      // A database error while settling: the job stays SENDING and is recovered after STUCK_AFTER_MS.
      console.error(`[email] job ${job.id} could not be settled`, error);
    }
  }
  return result;
}

/** An email-send job that finds its row SENDING for longer than this takes it over (its worker was killed). */
export const CLAIM_EXPIRES_MS = 3 * 60_000;

/**
 * The email-send job: sends outbox row `id` once. Returns what happened; "skipped" when the row is not
 * PENDING (sent, cancelled, failed, or being sent by another job). Throws after a failed attempt that will
 * be retried, so the queue schedules the retry with backoff.
 */
export async function sendEmailRow(id: bigint, { now = new Date(), send = sendMail }: Omit<DrainOptions, "limit"> = {}) {
  const [job] = await db.$queryRaw<Claimed[]>`
    UPDATE email_jobs
       SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = ${now}
     WHERE id = ${id}
       AND (status = 'PENDING' OR (status = 'SENDING' AND "updatedAt" < ${new Date(now.getTime() - CLAIM_EXPIRES_MS)}))
    RETURNING id, "userId", kind, "to", subject, text, html, template, attempts, "maxAttempts"`;
  if (!job) return "skipped" as const;
  const { outcome, error } = await settle(job, now, send);
  if (outcome === "retried") throw new Error(`Email ${id} not sent (attempt ${job.attempts} of ${job.maxAttempts}): ${error}`);
  return outcome;
}

/** Rows enqueued per sweep (the next sweep takes the rest). */
export const SWEEP_BATCH = 5000;

/**
 * The email-sweep job: recovers rows stuck in SENDING, then enqueues an email-send job for each due PENDING
 * row that no live job carries. Returns how many it recovered and enqueued.
 */
export async function sweepEmailQueue(now = new Date()) {
  await ensureQueues();
  const recovered = await recoverStuck(now);
  const rows = await db.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT e.id FROM email_jobs e
      WHERE e.status = 'PENDING' AND e."nextAttemptAt" <= $1
        AND NOT EXISTS (SELECT 1 FROM ${JOB_SCHEMA}.job j
                         WHERE j.name = 'email-send' AND j.singleton_key = 'email:' || e.id AND j.state < 'completed')
      ORDER BY e."nextAttemptAt", e.id LIMIT ${SWEEP_BATCH}`,
    now,
  );
  const enqueued = await enqueueEmailRows(
    db,
    rows.map((row) => row.id),
  );
  return { recovered, enqueued };
}

/** One email-send job per outbox row, through `client` (the transaction that wrote the rows). */
export function enqueueEmailRows(client: Parameters<typeof enqueueJobs>[0], ids: bigint[]) {
  return enqueueJobs(
    client,
    "email-send",
    ids.map((id) => ({ data: { id: id.toString() }, singletonKey: `email:${id}` })),
  );
}
