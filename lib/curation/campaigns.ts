// What moderators see of a call's campaigns: every cluster, private members included, with the
// representative's text and whether the clustering is out of date. Whoever may read the call's forum
// ("forum.read"); the forumId tells the page whether to offer recomputing.
import "server-only";
import { addedByHand } from "./campaign-links";
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

  const responseSelect = {
    id: true,
    reference: true,
    stakeholderGroup: true,
    region: true,
    consent: true,
    status: true,
    moderationState: true,
  } as const;
  const memberSelect = { ...responseSelect, clusterScore: true } as const;
  const [clusters, maxScores, changed] = await Promise.all([
    db.responseCluster.findMany({
      where: { callId },
      orderBy: [{ size: "desc" }, { id: "asc" }],
      select: {
        id: true,
        size: true,
        minScore: true,
        representativeId: true,
        question: { select: { id: true, position: true, prompt: true } },
        members: { orderBy: [{ submittedAt: "asc" }, { id: "asc" }], take: MEMBERS_SHOWN, select: memberSelect },
        answerMembers: {
          orderBy: [{ response: { submittedAt: "asc" } }, { responseId: "asc" }],
          take: MEMBERS_SHOWN,
          select: { clusterScore: true, response: { select: responseSelect } },
        },
      },
    }),
    db.$queryRaw<{ clusterId: string; max: number }[]>`
      SELECT m."clusterId", max(m.score) AS max FROM (
        SELECT r."clusterId", r."clusterScore" AS score, r.id AS "responseId" FROM responses r
        WHERE r."callId" = ${callId} AND r."clusterId" IS NOT NULL
        UNION ALL
        SELECT a."clusterId", a."clusterScore", a."responseId" FROM answers a
        JOIN response_clusters c ON c.id = a."clusterId" WHERE c."callId" = ${callId}
      ) m JOIN response_clusters c ON c.id = m."clusterId"
      WHERE m."responseId" <> c."representativeId" GROUP BY m."clusterId"`,
    // Out of date: a response submitted (or submitted again) or withdrawn since the last run.
    clusteredAt ? changedSince(db, callId, clusteredAt) : Promise.resolve(0),
  ]);

  const answers = await db.answer.findMany({
    where: { responseId: { in: clusters.map((c) => c.representativeId) } },
    orderBy: { question: { position: "asc" } },
    select: { responseId: true, questionId: true, text: true },
  });
  // A campaign of whole responses shows its first response; one of a question's answers, that answer.
  const textOf = (id: string, questionId: string | null) =>
    trimmed(
      answers
        .filter((a) => a.responseId === id && (questionId === null || a.questionId === questionId))
        .map((a) => a.text)
        .join("\n"),
    );
  const maxOf = new Map(maxScores.map((row) => [row.clusterId, Number(row.max)]));
  const byHand = await addedByHand(clusters.flatMap((cluster) => cluster.members.map((member) => member.id)));

  return {
    call: { id: call.id, forumId: call.forumId, title: call.title, timeZone: call.timeZone },
    clusteredAt,
    stale: clusteredAt === null || changed > 0,
    // Campaigns of whole responses first, then those found in one question's answers (in question order).
    clusters: clusters
      .sort((a, b) => (a.question?.position ?? 0) - (b.question?.position ?? 0))
      .map((cluster) => {
        const members = cluster.question
          ? cluster.answerMembers.map((answer) => ({ ...answer.response, clusterScore: answer.clusterScore }))
          : cluster.members;
        return {
          id: cluster.id,
          size: cluster.size,
          minScore: cluster.minScore,
          maxScore: maxOf.get(cluster.id) ?? cluster.minScore,
          /** Found in the answers to this question alone; null: in whole responses. */
          question: cluster.question,
          representativeText: textOf(cluster.representativeId, cluster.question?.id ?? null),
          /** Members counted in the figures (submitted, not hidden): the signatories a citation names. */
          members: members.map(({ clusterScore, ...member }) => ({
            ...member,
            score: clusterScore ?? 0,
            representative: member.id === cluster.representativeId,
            /** Added to the campaign by a moderator (the queue's "Add to a campaign"). */
            byHand: !cluster.question && byHand.has(member.id),
          })),
        };
      }),
  };
}

export type CampaignsView = Awaited<ReturnType<typeof getCampaigns>>;
