// The email queue as the email page shows it: counts by status and the latest failures (recipient, subject,
// forum, attempts, last error; never the bodies), and "retry now" for a failed job (audited). A facilitator
// sees the emails of their forums (emails.manage); an administrator sees all, the platform's own included.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { authorize, authorizeIn, can, forumScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { enqueueEmailRows } from "./worker";

export const EMAIL_STATUSES: readonly EmailStatus[] = ["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"];
/** Failed jobs listed on the page. */
export const FAILED_SHOWN = 50;

/** The emails the actor may see: all for an administrator, else those filed under their forums. */
function visibleEmails(actor: SessionUser | null): Prisma.EmailJobWhereInput {
  authorize(actor, "emails.manage");
  const scope = forumScope(actor, "emails.manage");
  return scope === "all" ? {} : { forumId: { in: scope } };
}

export async function getEmailQueueOverview(actor: SessionUser | null) {
  const where = visibleEmails(actor);
  const [groups, failed] = await Promise.all([
    db.emailJob.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.emailJob.findMany({
      where: { ...where, status: "FAILED" },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: FAILED_SHOWN,
      select: {
        id: true,
        to: true,
        subject: true,
        kind: true,
        attempts: true,
        lastError: true,
        updatedAt: true,
        forum: { select: { id: true, name: true } },
      },
    }),
  ]);
  const counts = Object.fromEntries(EMAIL_STATUSES.map((status) => [status, 0])) as Record<EmailStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return { counts, failed: failed.map((job) => ({ ...job, id: job.id.toString() })) };
}

/** An email or job of the platform itself (no forum): an administrator's; to anyone else, unknown. */
export function platformOnly(actor: SessionUser | null, notFound: "emailJobNotFound" | "jobNotFound"): SessionUser {
  if (!can(actor, "operations.manage")) throw NotFound(notFound);
  return actor!;
}

/**
 * Queues a failed email for one more attempt, now (a new email-send job, in the same transaction). An email
 * of a forum the actor does not facilitate is answered as an unknown one; the platform's own emails (no
 * forum) are for administrators.
 */
export async function retryEmailJob(actor: SessionUser | null, jobId: string) {
  authorize(actor, "emails.manage");
  return db.$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<
      { id: bigint; status: EmailStatus; attempts: number; maxAttempts: number; forumId: string | null }[]
    >`SELECT id, status, attempts, "maxAttempts", "forumId" FROM email_jobs WHERE id = ${BigInt(jobId)} FOR UPDATE`;
    if (!job) throw NotFound("emailJobNotFound");
    const admin = job.forumId
      ? authorizeIn(actor, "emails.manage", job.forumId, "emailJobNotFound")
      : platformOnly(actor, "emailJobNotFound");
    if (job.status !== "FAILED") throw Conflict("emailJobNotFailed");
    await tx.emailJob.update({
      where: { id: job.id },
      data: { status: "PENDING", nextAttemptAt: new Date(), maxAttempts: job.attempts + 1 },
      select: { id: true },
    });
    await enqueueEmailRows(tx, [job.id]);
    await recordAudit(tx, {
      actor: { id: admin.id, role: admin.role },
      action: "email.retry",
      itemType: "emailJob",
      itemId: jobId,
      before: { status: job.status, attempts: job.attempts, maxAttempts: job.maxAttempts },
      after: { status: "PENDING", maxAttempts: job.attempts + 1 },
    });
    return { id: jobId };
  });
}
