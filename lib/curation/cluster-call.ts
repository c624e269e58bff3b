// Computing and storing the campaigns of a call: near-duplicate clusters of its submitted responses (method
// in ./similarity.ts). Clustering reads every submitted response, private ones included (moderators see
// all), and replaces the call's clusters in one transaction; public pages count only published members
// (lib/responses/public.ts). No "server-only" here: the demo seed and the bench run it under plain tsx, so
// the audit writer is passed in (lib/curation/clusters.ts passes recordAudit; the seed, systemAudit).
import { randomUUID } from "node:crypto";
import type { AuditInput } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { findClusters, type ClusterInput } from "./similarity";

const BATCH = 2000;
/** A 10,000-response call writes in about a second; the default 5 s leaves too little margin. */
const TRANSACTION_TIMEOUT = 60_000;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type AuditWriter = (tx: Tx, entry: AuditInput) => Promise<void>;

/** The same row recordAudit writes, for scripts that run outside Next.js (its module is server-only). */
export const systemAudit: AuditWriter = async (tx, entry) => {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      itemType: entry.itemType,
      itemId: entry.itemId,
      callId: entry.callId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
    select: { id: true },
  });
};

/** Answer texts of the call's submitted responses, questions in order, earliest submission first. */
async function readTexts(db: Db, callId: string): Promise<ClusterInput[]> {
  const items: ClusterInput[] = [];
  let after: { submittedAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: { submittedAt: Date; id: string } | null = after;
    const rows: { id: string; submittedAt: Date; text: string | null }[] = await db.$queryRaw`
      SELECT r.id, r."submittedAt",
        (SELECT string_agg(a.text, E'\n' ORDER BY q.position) FROM answers a JOIN questions q ON q.id = a."questionId"
          WHERE a."responseId" = r.id) AS text
      FROM responses r
      WHERE r."callId" = ${callId} AND r.status = 'SUBMITTED' AND r."submittedAt" IS NOT NULL
        ${cursor ? Prisma.sql`AND (r."submittedAt", r.id) > (${cursor.submittedAt}, ${cursor.id})` : Prisma.empty}
      ORDER BY r."submittedAt", r.id LIMIT ${BATCH}`;
    for (const row of rows) items.push({ id: row.id, text: row.text ?? "" });
    if (rows.length < BATCH) return items;
    after = rows[rows.length - 1]!;
  }
}

/** How many responses were submitted (or submitted again) or withdrawn since `clusteredAt`: > 0 is stale. */
export function changedSince(db: Db, callId: string, clusteredAt: Date) {
  return db.response.count({
    where: { callId, OR: [{ status: "SUBMITTED", submittedAt: { gt: clusteredAt } }, { withdrawnAt: { gt: clusteredAt } }] },
  });
}

export type ClusteringSummary = { clusters: number; clustered: number; responses: number; clusteredAt: Date };

/**
 * Recomputes the campaigns of a call and records it in the audit log. `actor` is the moderator who asked
 * (already authorized by the caller), or null for the system (the demo seed, the bench).
 * @returns null when the call does not exist.
 */
export async function computeClusters(
  db: Db,
  actor: AuditInput["actor"],
  callId: string,
  audit: AuditWriter,
): Promise<ClusteringSummary | null> {
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true, clusteredAt: true } });
  if (!call) return null;
  const items = await readTexts(db, callId);
  const clusters = findClusters(items);
  const clusterIds = clusters.map(() => randomUUID());
  const memberIds = clusters.flatMap((cluster) => cluster.members.map((m) => m.id));
  const memberClusters = clusters.flatMap((cluster, i) => cluster.members.map(() => clusterIds[i]!));
  const memberScores = clusters.flatMap((cluster) => cluster.members.map((m) => m.score));
  const clusteredAt = new Date();

  await db.$transaction(
    async (tx) => {
      const before = await tx.responseCluster.count({ where: { callId } });
      await tx.$executeRaw`UPDATE responses SET "clusterId" = NULL, "clusterScore" = NULL
        WHERE "callId" = ${callId} AND ("clusterId" IS NOT NULL OR "clusterScore" IS NOT NULL)`;
      await tx.responseCluster.deleteMany({ where: { callId } });
      await tx.responseCluster.createMany({
        data: clusters.map((cluster, i) => ({
          id: clusterIds[i]!,
          callId,
          representativeId: cluster.representativeId,
          size: cluster.members.length,
          minScore: cluster.minScore,
        })),
      });
      // One statement for all members, however many.
      await tx.$executeRaw`UPDATE responses r SET "clusterId" = v.cluster, "clusterScore" = v.score
        FROM unnest(${memberIds}::text[], ${memberClusters}::text[], ${memberScores}::float8[]) AS v(id, cluster, score)
        WHERE r.id = v.id AND r."callId" = ${callId}`;
      await tx.call.update({ where: { id: callId }, data: { clusteredAt }, select: { id: true } });
      await audit(tx, {
        actor,
        action: "call.cluster",
        itemType: "call",
        itemId: callId,
        callId,
        before: { clusters: before, clusteredAt: call.clusteredAt?.toISOString() ?? null },
        after: { clusters: clusters.length, clusteredResponses: memberIds.length, clusteredAt: clusteredAt.toISOString() },
      });
    },
    { timeout: TRANSACTION_TIMEOUT },
  );
  return { clusters: clusters.length, clustered: memberIds.length, responses: items.length, clusteredAt };
}
