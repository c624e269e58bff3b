// The job queue as an administrator sees it on /admin/emails: jobs per queue and state, the latest failed
// jobs with their error, and "retry now" for one of them (audited).
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { JOB_NAMES, type JobName } from "./catalogue";
import { ensureQueues, JOB_SCHEMA, retryFailedJob } from "./queue";

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];
export const FAILED_JOBS_SHOWN = 50;

function requireAdmin(actor: SessionUser | null): SessionUser {
  return authorize(actor, "operations.manage");
}

export async function getJobOverview(actor: SessionUser | null) {
  requireAdmin(actor);
  await ensureQueues();
  const [groups, failed] = await Promise.all([
    db.$queryRawUnsafe<{ name: string; state: JobState; count: bigint }[]>(
      `SELECT name, state::text AS state, count(*) AS count FROM ${JOB_SCHEMA}.job WHERE name = ANY($1) GROUP BY name, state`,
      JOB_NAMES,
    ),
    db.$queryRawUnsafe<{ id: string; name: string; data: unknown; error: string | null; retries: number; at: Date }[]>(
      `SELECT id::text, name, data, COALESCE(output->>'message', output::text) AS error, retry_count AS retries,
              COALESCE(completed_on, started_on, created_on) AS at
         FROM ${JOB_SCHEMA}.job WHERE name = ANY($1) AND state = 'failed'
        ORDER BY COALESCE(completed_on, started_on, created_on) DESC LIMIT ${FAILED_JOBS_SHOWN}`,
      JOB_NAMES,
    ),
  ]);
  const counts = new Map<string, Record<JobState, number>>(
    JOB_NAMES.map((name) => [name, Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>]),
  );
  for (const group of groups) counts.get(group.name)![group.state] = Number(group.count);
  return {
    queues: JOB_NAMES.map((name) => ({ name, counts: counts.get(name)! })),
    failed: failed.map((job) => ({ ...job, data: JSON.stringify(job.data).slice(0, 200) })),
  };
}

/** A failed job runs again (the handlers are idempotent: nothing done twice). */
export async function retryJob(actor: SessionUser | null, queue: string, jobId: string) {
  const admin = requireAdmin(actor);
  if (!(JOB_NAMES as string[]).includes(queue)) throw NotFound("jobNotFound");
  const name = queue as JobName;
  return db.$transaction(async (tx) => {
    if (!(await retryFailedJob(tx, name, jobId))) throw NotFound("jobNotFound");
    await recordAudit(tx, {
      actor: { id: admin.id, role: admin.role },
      action: "job.retry",
      itemType: "job",
      itemId: jobId,
      before: { queue: name, state: "failed" },
      after: { queue: name, state: "retry" },
    });
    return { id: jobId };
  });
}
