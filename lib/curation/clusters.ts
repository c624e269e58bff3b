// The moderators' entry to campaigns: recompute a call's near-duplicate clusters, audited under their name.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { hasRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Forbidden, NotFound } from "@/lib/errors";
import { computeClusters, type ClusteringSummary } from "./cluster-call";

export async function clusterCall(actor: SessionUser, callId: string): Promise<ClusteringSummary> {
  if (!hasRole(actor.role, "MODERATOR")) throw Forbidden();
  const summary = await computeClusters(db, { id: actor.id, role: actor.role }, callId, recordAudit);
  if (!summary) throw NotFound();
  return summary;
}
