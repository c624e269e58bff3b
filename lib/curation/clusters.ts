// The moderators' entry to campaigns: recompute a call's near-duplicate clusters, audited under their name.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { computeClusters, type ClusteringSummary } from "./cluster-call";

export async function clusterCall(actor: SessionUser, callId: string): Promise<ClusteringSummary> {
  authorize(actor, "responses.curate");
  const summary = await computeClusters(db, { id: actor.id, role: actor.role }, callId, recordAudit);
  if (!summary) throw NotFound();
  return summary;
}
