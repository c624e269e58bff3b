// Campaigns kept current: a submission or withdrawal in a call whose campaigns were computed queues a
// recomputation (the campaigns-recompute job), throttled to one per call every RECOMPUTE_AFTER_S and run
// that long after the first change, so a deadline crowd costs one clustering per few minutes, not one per
// response. Moderators can still recompute at once from the campaigns page.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob, type SqlClient } from "@/lib/jobs/queue";

export const RECOMPUTE_AFTER_S = 300;

export async function queueCampaignRecompute(tx: Pick<Prisma.TransactionClient, "call"> & SqlClient, callId: string) {
  const call = await tx.call.findUnique({ where: { id: callId }, select: { clusteredAt: true } });
  if (!call?.clusteredAt) return 0;
  return enqueueJob(
    tx,
    "campaigns-recompute",
    { callId },
    { singletonKey: `campaigns:${callId}`, singletonSeconds: RECOMPUTE_AFTER_S, startAfter: RECOMPUTE_AFTER_S },
  );
}
