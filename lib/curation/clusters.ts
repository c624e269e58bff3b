// The moderators' entry to campaigns: recompute a call's near-duplicate clusters, audited under their name.
// Only someone who may curate in the call's forum ("responses.curate").
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { computeClusters, type ClusteringSummary } from "./cluster-call";

export async function clusterCall(actor: SessionUser, callId: string): Promise<ClusteringSummary> {
  authorizeIn(actor, "responses.curate", await forumOf(db, "call", callId), "notFound");
  const summary = await computeClusters(db, { id: actor.id, role: actor.role }, callId, recordAudit);
  if (!summary) throw NotFound();
  return summary;
}
