// The email queue as an administrator sees it: counts by status and the latest failures (recipient,
// subject, attempts, last error; never the bodies), and "retry now" for a failed job (audited).
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { enqueueEmailRows } from "./worker";

export const EMAIL_STATUSES: readonly EmailStatus[] = ["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"];
/** Failed jobs listed on the page. */
export const FAILED_SHOWN = 50;

function requireAdmin(actor: SessionUser | null): SessionUser {
  return authorize(actor, "operations.manage");
}

export async function getEmailQueueOverview(actor: SessionUser | null) {
  requireAdmin(actor);
  const [groups, failed] = await Promise.all([
    db.emailJob.groupBy({ by: ["status"], _count: { _all: true } }),
    db.emailJob.findMany({
      where: { status: "FAILED" },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: FAILED_SHOWN,
      select: { id: true, to: true, subject: true, kind: true, attempts: true, lastError: true, updatedAt: true },
    }),
  ]);
  const counts = Object.fromEntries(EMAIL_STATUSES.map((status) => [status, 0])) as Record<EmailStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return { counts, failed: failed.map((job) => ({ ...job, id: job.id.toString() })) };
}

/** Queues a failed job for one more attempt, now (a new email-send job, in the same transaction). */
export async function retryEmailJob(actor: SessionUser | null, jobId: string) {
  const admin = requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<{ id: bigint; status: EmailStatus; attempts: number; maxAttempts: number }[]>`
      SELECT id, status, attempts, "maxAttempts" FROM email_jobs WHERE id = ${BigInt(jobId)} FOR UPDATE`;
    if (!job) throw NotFound("emailJobNotFound");
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
