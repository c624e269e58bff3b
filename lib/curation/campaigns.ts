// What moderators see of a call's campaigns: every cluster, private members included, with the
// representative's text and whether the clustering is out of date. Whoever may read the call's forum
// ("forum.read"); the forumId tells the page whether to offer recomputing.
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { changedSince } from "./cluster-call";

/** Members listed per campaign on the page; the count shows the rest. */
export const MEMBERS_SHOWN = 200;
const REPRESENTATIVE_CHARS = 600;

function trimmed(text: string) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= REPRESENTATIVE_CHARS ? flat : `${flat.slice(0, REPRESENTATIVE_CHARS).replace(/\s+\S*$/, "")} …`;
}

export async function getCampaigns(actor: SessionUser, callId: string) {
  authorizeIn(actor, "forum.read", await forumOf(db, "call", callId), "notFound");
  const call = await db.call.findUnique({
    where: { id: callId },
    select: { id: true, forumId: true, title: true, timeZone: true, clusteredAt: true },
  });
  if (!call) throw NotFound();
  const clusteredAt = call.clusteredAt;

  const [clusters, maxScores, changed] = await Promise.all([
    db.responseCluster.findMany({
      where: { callId },
      orderBy: [{ size: "desc" }, { id: "asc" }],
      select: {
        id: true,
        size: true,
        minScore: true,
        representativeId: true,
        members: {
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          take: MEMBERS_SHOWN,
          select: {
            id: true,
            reference: true,
            stakeholderGroup: true,
            region: true,
            clusterScore: true,
            consent: true,
            status: true,
          },
        },
      },
    }),
    db.$queryRaw<{ clusterId: string; max: number }[]>`
      SELECT r."clusterId", max(r."clusterScore") AS max FROM responses r JOIN response_clusters c ON c.id = r."clusterId"
      WHERE c."callId" = ${callId} AND r.id <> c."representativeId" GROUP BY r."clusterId"`,
    // Out of date: a response submitted (or submitted again) or withdrawn since the last run.
    clusteredAt ? changedSince(db, callId, clusteredAt) : Promise.resolve(0),
  ]);

  const answers = await db.answer.findMany({
    where: { responseId: { in: clusters.map((c) => c.representativeId) } },
    orderBy: { question: { position: "asc" } },
    select: { responseId: true, text: true },
  });
  const textOf = (id: string) =>
    trimmed(
      answers
        .filter((a) => a.responseId === id)
        .map((a) => a.text)
        .join("\n"),
    );
  const maxOf = new Map(maxScores.map((row) => [row.clusterId, Number(row.max)]));

  return {
    call: { id: call.id, forumId: call.forumId, title: call.title, timeZone: call.timeZone },
    clusteredAt,
    stale: clusteredAt === null || changed > 0,
    clusters: clusters.map((cluster) => ({
      id: cluster.id,
      size: cluster.size,
      minScore: cluster.minScore,
      maxScore: maxOf.get(cluster.id) ?? cluster.minScore,
      representativeText: textOf(cluster.representativeId),
      members: cluster.members.map(({ clusterScore, ...member }) => ({
        ...member,
        score: clusterScore ?? 0,
        representative: member.id === cluster.representativeId,
      })),
    })),
  };
}

export type CampaignsView = Awaited<ReturnType<typeof getCampaigns>>;
