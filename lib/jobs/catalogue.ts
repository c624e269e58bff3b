// The jobs the worker runs: each name with the zod schema of its payload and its queue's retry policy.
// Light on purpose (no handlers here): the web process imports it to enqueue; the handlers, with their heavy
// imports (PDF, clustering), are in ./handlers.ts, which only the worker loads.
import { z } from "zod";
import { locales } from "@/lib/i18n/config";
import { text } from "@/lib/validation/text";

const id = text().min(1).max(100);

export const catalogue = {
  /** One row of the email outbox (email_jobs), by id: claims it, sends it, marks it sent. */
  "email-send": {
    schema: z.object({ id: text().regex(/^\d{1,19}$/) }),
    // 5 attempts (the row's maxAttempts): 30 s, 1, 2, 4 minutes apart.
    queue: { retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  },
  /** Puts back outbox rows a crashed worker left SENDING, and enqueues rows no job carries (carried-over rows). */
  "email-sweep": {
    schema: z.object({}).strict(),
    queue: { retryLimit: 0, expireInSeconds: 10 * 60 },
  },
  /**
   * One notification event to everyone it concerns (a draft opened for comment, a comment period ended early,
   * final messages published): writes the outbox rows and their email-send jobs in batches.
   */
  "notify-fanout": {
    schema: z.object({ event: z.enum(["draft-opened", "final-published", "comments-closed-early"]), versionId: id }),
    queue: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
  },
  /**
   * The final messages of a set as PDF, made once per version and reader's language and kept in storage:
   * `language` when given, else the set's own (lib/messages/final-file.ts says why only that one).
   */
  "final-pdf": {
    schema: z.object({ versionId: id, language: z.enum(locales).optional() }),
    queue: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  },
  /** The campaigns (near-duplicate clusters) of a call, computed again. */
  "campaigns-recompute": {
    schema: z.object({ callId: id }),
    queue: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  },
  /** Removes stored files that no row names any more (storage_orphans): deleted rows, uploads never attached. */
  "files-cleanup": {
    schema: z.object({}).strict(),
    queue: { retryLimit: 0, expireInSeconds: 30 * 60 },
  },
} as const;

export type JobName = keyof typeof catalogue;
export type JobData<N extends JobName> = z.infer<(typeof catalogue)[N]["schema"]>;
export const JOB_NAMES = Object.keys(catalogue) as JobName[];

/** Recurring jobs (cron, in UTC): pg-boss runs each once per slot, whichever worker holds the schedule. */
export const schedules: { name: JobName; cron: string }[] = [
  { name: "email-sweep", cron: "* * * * *" },
  { name: "files-cleanup", cron: "17 * * * *" },
];
