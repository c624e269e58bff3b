// The job queues as the email page shows them: jobs per queue and state (administrators: the queues are the
// platform's), the latest failed jobs with their error and forum, and "retry now" for one of them (audited).
// A facilitator sees the failed jobs of their forums (emails.manage): a job's forum is read from its payload.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { authorize, authorizeIn, can, forumScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { platformOnly } from "@/lib/notifications/admin";
import { JOB_NAMES, type JobName } from "./catalogue";
import { ensureQueues, JOB_SCHEMA, retryFailedJob } from "./queue";

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];
export const FAILED_JOBS_SHOWN = 50;

const versionForum = `(SELECT c."forumId" FROM message_set_versions v JOIN message_sets s ON s.id = v."setId"
                        JOIN calls c ON c.id = s."callId" WHERE v.id = j.data->>'versionId')`;

/** How each job's forum is found from its payload (`j`), or null for a job of the platform. */
const FORUM_OF_JOB: Record<JobName, string | null> = {
  "email-send": `(SELECT e."forumId" FROM email_jobs e
                   WHERE e.id = CASE WHEN j.data->>'id' ~ '^[0-9]{1,18}$' THEN (j.data->>'id')::bigint END)`,
  "notify-fanout": versionForum,
  "final-pdf": versionForum,
  "campaigns-recompute": `(SELECT c."forumId" FROM calls c WHERE c.id = j.data->>'callId')`,
  "email-sweep": null,
  "files-cleanup": null,
};
const forumOfJob = `CASE j.name ${Object.entries(FORUM_OF_JOB)
  .filter(([, sql]) => sql)
  .map(([name, sql]) => `WHEN '${name}' THEN ${sql}`)
  .join(" ")} END`;

type FailedJob = {
  id: string;
  name: string;
  data: unknown;
  error: string | null;
  retries: number;
  at: Date;
  forumId: string | null;
  forumName: string | null;
};

/**
 * Per-queue counts (null unless the actor runs the platform) and the latest failed jobs the actor may see:
 * all for an administrator, else those of their forums.
 */
export async function getJobOverview(actor: SessionUser | null) {
  authorize(actor, "emails.manage");
  const scope = forumScope(actor, "emails.manage");
  const platform = can(actor, "operations.manage");
  await ensureQueues();
  const [groups, failed] = await Promise.all([
    platform
      ? db.$queryRawUnsafe<{ name: string; state: JobState; count: bigint }[]>(
          `SELECT name, state::text AS state, count(*) AS count FROM ${JOB_SCHEMA}.job WHERE name = ANY($1) GROUP BY name, state`,
          JOB_NAMES,
        )
      : [],
    db.$queryRawUnsafe<FailedJob[]>(
      `SELECT * FROM (
         SELECT j.id::text, j.name, j.data, COALESCE(j.output->>'message', j.output::text) AS error,
                j.retry_count AS retries, COALESCE(j.completed_on, j.started_on, j.created_on) AS at,
                ${forumOfJob} AS "forumId"
           FROM ${JOB_SCHEMA}.job j WHERE j.name = ANY($1) AND j.state = 'failed') failed
         LEFT JOIN LATERAL (SELECT f.name AS "forumName" FROM forums f WHERE f.id = failed."forumId") f ON true
        WHERE $2::text[] IS NULL OR failed."forumId" = ANY($2::text[])
        ORDER BY failed.at DESC LIMIT ${FAILED_JOBS_SHOWN}`,
      JOB_NAMES,
      scope === "all" ? null : scope,
    ),
  ]);
  const counts = new Map<string, Record<JobState, number>>(
    JOB_NAMES.map((name) => [name, Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>]),
  );
  for (const group of groups) counts.get(group.name)![group.state] = Number(group.count);
  return {
    queues: platform ? JOB_NAMES.map((name) => ({ name, counts: counts.get(name)! })) : null,
    failed: failed.map((job) => ({ ...job, data: JSON.stringify(job.data).slice(0, 200) })),
  };
}

/**
 * A failed job runs again (the handlers are idempotent: nothing done twice). A job of a forum the actor does
 * not facilitate is answered as an unknown one; the platform's own jobs are for administrators.
 */
export async function retryJob(actor: SessionUser | null, queue: string, jobId: string) {
  authorize(actor, "emails.manage");
  if (!(JOB_NAMES as string[]).includes(queue)) throw NotFound("jobNotFound");
  const name = queue as JobName;
  return db.$transaction(async (tx) => {
    const [job] = await tx.$queryRawUnsafe<{ forumId: string | null }[]>(
      `SELECT ${forumOfJob} AS "forumId" FROM ${JOB_SCHEMA}.job j WHERE j.name = $1 AND j.id = $2::uuid`,
      name,
      jobId,
    );
    if (!job) throw NotFound("jobNotFound");
    const admin = job.forumId
      ? authorizeIn(actor, "emails.manage", job.forumId, "jobNotFound")
      : platformOnly(actor, "jobNotFound");
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
