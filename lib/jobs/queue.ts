// The job queue: pg-boss on the application's own PostgreSQL, in its own schema (`pgboss`). The web process
// only enqueues, inside the transaction of the change that causes the job (so a rolled-back change queues
// nothing, and a committed one cannot lose its job); workers (scripts/worker.ts, `npm run worker`) run them.
// No "server-only": the worker and the tests load this module outside Next.js.
import PgBoss from "pg-boss";
import { catalogue, JOB_NAMES, type JobData, type JobName } from "./catalogue";

export const JOB_SCHEMA = "pgboss";

/** Anything that runs raw SQL: the Prisma client or a transaction client. */
export type SqlClient = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

/** pg-boss's database interface over a Prisma client, so a job is inserted in the caller's transaction. */
export const sqlExecutor = (client: SqlClient): PgBoss.Db => ({
  executeSql: async (text, values) => ({ rows: await client.$queryRawUnsafe<unknown[]>(text, ...(values ?? [])) }),
});

const connectionString = () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  return url;
};

const state = globalThis as unknown as { __igfJobQueues?: Map<string, Promise<void>>; __igfJobProducer?: PgBoss };

/** PostgreSQL's codes for the races of several processes creating the same queue at once. */
const CREATION_RACES = new Set(["40P01" /* deadlock */, "23505" /* unique violation */, "42P07" /* table exists */]);

/**
 * Installs or upgrades the pg-boss schema and creates every queue of the catalogue with its retry policy
 * (both idempotent). Workers and app instances starting together on a fresh database race to create the
 * same queues (each queue is a partition attached to pg-boss's job table, and two attaches can deadlock):
 * the loser waits a moment and tries again, and then finds the queue made.
 */
export async function createQueues(url = connectionString()): Promise<void> {
  const boss = new PgBoss({ connectionString: url, schema: JOB_SCHEMA, max: 2, supervise: false, schedule: false });
  boss.on("error", (error) => console.error("[jobs] setup", error));
  await boss.start();
  try {
    for (const name of JOB_NAMES) {
      for (let attempt = 1; ; attempt++) {
        try {
          await boss.createQueue(name, { name, ...catalogue[name].queue });
          break;
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (!code || !CREATION_RACES.has(code) || attempt === 8) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
        }
      }
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** createQueues, once per process and database. */
export function ensureQueues(url = connectionString()): Promise<void> {
  const done = (state.__igfJobQueues ??= new Map());
  let ready = done.get(url);
  if (!ready) {
    ready = createQueues(url);
    ready.catch(() => done.delete(url));
    done.set(url, ready);
  }
  return ready;
}

/** A pg-boss instance that never connects by itself: every call passes the caller's executor. */
function producer(client: SqlClient) {
  return (state.__igfJobProducer ??= new PgBoss({ db: sqlExecutor(client), schema: JOB_SCHEMA }));
}

export type EnqueueItem<N extends JobName> = {
  data: JobData<N>;
  /** A tag the sweep and the admin page find a job by (pg-boss enforces no uniqueness with it on our queues). */
  singletonKey?: string;
  /** Delay in seconds. */
  startAfter?: number;
  /** At most one job per key in each slot of this many seconds (pg-boss throttling; later ones are dropped). */
  singletonSeconds?: number;
};

/**
 * Enqueues jobs of one kind through `client` (a transaction client: they exist only if it commits). Payloads
 * are checked against the catalogue's schema. Returns how many were inserted.
 */
export async function enqueueJobs<N extends JobName>(client: SqlClient, name: N, items: EnqueueItem<N>[]): Promise<number> {
  if (!items.length) return 0;
  const schema = catalogue[name].schema;
  const jobs = items.map((item) => ({
    name,
    data: schema.parse(item.data) as object,
    singletonKey: item.singletonKey,
    singletonSeconds: item.singletonSeconds,
    startAfter: item.startAfter === undefined ? undefined : `${Math.max(0, Math.round(item.startAfter))} seconds`,
  }));
  await ensureQueues();
  const db = sqlExecutor(client);
  let inserted = 0;
  // pg-boss inserts a batch in one statement (json_to_recordset); a few thousand per statement at most.
  for (let i = 0; i < jobs.length; i += 2000) {
    // pg-boss's types say void; it returns the new ids (null when none).
    const ids = (await producer(client).insert(jobs.slice(i, i + 2000), { db })) as unknown as string[] | null;
    inserted += ids?.length ?? 0;
  }
  return inserted;
}

export function enqueueJob<N extends JobName>(
  client: SqlClient,
  name: N,
  data: JobData<N>,
  options: Omit<EnqueueItem<N>, "data"> = {},
) {
  return enqueueJobs(client, name, [{ data, ...options }]);
}

/** A failed job is tried once more (pg-boss retry: one more attempt allowed). False when it is not failed. */
export async function retryFailedJob(client: SqlClient, name: JobName, id: string): Promise<boolean> {
  await ensureQueues();
  const result = (await producer(client).retry(name, id, { db: sqlExecutor(client) } as never)) as unknown as {
    affected: number;
  };
  return result.affected > 0;
}
