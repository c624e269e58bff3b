// The notification part of a person's data: their settings, the calls they follow and the emails queued
// for them (subject and status, not bodies), for /api/me/export; and what account deletion does to the queue.
import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

type Client = Pick<Db, "notificationPreference" | "callFollow" | "emailJob">;

export async function notificationPersonalData(client: Client, userId: string) {
  const [preference, follows, emails] = await Promise.all([
    client.notificationPreference.findUnique({
      where: { userId },
      select: { draftOpened: true, commentActivity: true, finalPublished: true, updatedAt: true },
    }),
    client.callFollow.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, call: { select: { slug: true, title: true } } },
    }),
    client.emailJob.findMany({
      where: { userId },
      orderBy: { id: "asc" },
      select: { kind: true, to: true, subject: true, status: true, createdAt: true, sentAt: true },
    }),
  ]);
  return {
    preferences: preference ?? { draftOpened: true, commentActivity: true, finalPublished: true, updatedAt: null },
    follows: follows.map(({ call, createdAt }) => ({ callSlug: call.slug, callTitle: call.title, createdAt })),
    emails,
  };
}

/**
 * In the account deletion's transaction: emails not yet sent are cancelled, and every job of the user
 * loses its link to them and its address, bodies and template (kept: kind, subject, status, dates, for the counts).
 */
export async function releaseEmailJobsOf(tx: Prisma.TransactionClient, userId: string) {
  await tx.$executeRaw`
    UPDATE email_jobs
       SET status = (CASE WHEN status IN ('PENDING', 'SENDING') THEN 'CANCELLED' ELSE status::text END)::"EmailStatus",
           "userId" = NULL, "to" = '', text = '', html = '', template = NULL, "updatedAt" = now()
     WHERE "userId" = ${userId}`;
}
