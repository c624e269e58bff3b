// A worker: one pg-boss instance that runs every job of the catalogue (./handlers.ts). Any number of
// workers may run on one database: pg-boss hands each job to one of them (SELECT … FOR UPDATE SKIP LOCKED),
// and a job whose worker died is retried after its expiry. stop() stops fetching, lets jobs in flight finish
// (up to `timeout`), then fails what is left so another worker retries it.
import PgBoss from "pg-boss";
import { closeMailTransport, emailConcurrency } from "@/lib/mail/send";
import { catalogue, JOB_NAMES, schedules, type JobName } from "./catalogue";
import { handlers } from "./handlers";
import { ensureQueues, JOB_SCHEMA } from "./queue";

export type WorkerOptions = {
  connectionString?: string;
  /** Seconds between polls of an idle queue (pg-boss minimum 0.5). */
  pollingIntervalSeconds?: number;
  /** Parallel email sends in this process. */
  emailConcurrency?: number;
  /** Run the recurring jobs (cron). Every worker may: pg-boss sends one job per slot. */
  schedule?: boolean;
  log?: (line: string) => void;
};

export type RunningWorker = { boss: PgBoss; stop(options?: { timeout?: number }): Promise<void> };

async function run<N extends JobName>(name: N, job: PgBoss.Job<unknown>) {
  const parsed = catalogue[name].schema.safeParse(job.data);
  // A malformed payload can never succeed: fail it for good (visible on /admin/emails) rather than retry.
  if (!parsed.success) throw new Error(`Invalid payload for ${name}: ${parsed.error.message}`);
  return handlers[name](parsed.data as never);
}

export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const log = options.log ?? ((line: string) => console.info(`[worker] ${line}`));
  await ensureQueues(connectionString);
  const boss = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: Number(process.env.WORKER_POOL_SIZE ?? 10),
    schedule: options.schedule ?? true,
    application_name: "igf-worker",
  });
  boss.on("error", (error) => console.error("[worker] pg-boss", error));
  await boss.start();
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? Number(process.env.WORKER_POLL_SECONDS ?? 1);
  const concurrency = (name: JobName) => (name === "email-send" ? (options.emailConcurrency ?? emailConcurrency()) : 1);
  for (const name of JOB_NAMES) {
    // Up to `concurrency` jobs per fetch, run side by side; each one that throws is failed on its own (pg-boss
    // retries it with its queue's backoff), the others complete when the handler returns. After a full batch
    // the worker fetches again at once (pg-boss would otherwise wait for the polling interval).
    const batchSize = concurrency(name);
    let workerId = "";
    workerId = await boss.work(name, { pollingIntervalSeconds, batchSize }, async (jobs) => {
      await Promise.all(
        jobs.map(async (job) => {
          try {
            await run(name, job);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            log(`${name} ${job.id} failed: ${message}`);
            await boss.fail(name, job.id, { message });
          }
        }),
      );
      if (jobs.length === batchSize) boss.notifyWorker(workerId);
    });
  }
  if (options.schedule ?? true) {
    for (const { name, cron } of schedules) await boss.schedule(name, cron, {});
  }
  // Rows queued while no worker ran (or before the job queue existed) go out now, not at the next minute.
  await boss.send("email-sweep", {});
  log(`started (${JOB_NAMES.length} queues, polling every ${pollingIntervalSeconds} s)`);
  return {
    boss,
    stop: async ({ timeout = 30_000 } = {}) => {
      await boss.stop({ graceful: true, timeout, wait: true });
      // The mail transport's pooled connections, so the SMTP server sees a QUIT rather than a dropped socket.
      closeMailTransport();
      log("stopped");
    },
  };
}
