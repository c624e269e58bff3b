// What each job does (the worker only). Every handler is idempotent: run twice, or retried after a crash,
// it leaves the same result and sends no email twice.
import { db } from "@/lib/db";
import type { JobData, JobName } from "./catalogue";

export type Handlers = { [N in JobName]: (data: JobData<N>) => Promise<unknown> };

export const handlers: Handlers = {
  "email-send": async ({ id }) => (await import("@/lib/notifications/worker")).sendEmailRow(BigInt(id)),
  "email-sweep": async () => (await import("@/lib/notifications/worker")).sweepEmailQueue(),
  "notify-fanout": async ({ event, versionId }) => ({
    queued: await (await import("@/lib/notifications/events")).runFanout(db, event, versionId),
  }),
  "final-pdf": async ({ versionId, language }) => (await import("@/lib/messages/final-file")).storeFinalPdf(versionId, language),
  "campaigns-recompute": async ({ callId }) => {
    const { computeClusters, systemAudit } = await import("@/lib/curation/cluster-call");
    return computeClusters(db, null, callId, systemAudit);
  },
  "files-cleanup": async () => (await import("@/lib/attachments/orphans")).removeOrphanFiles(),
};
