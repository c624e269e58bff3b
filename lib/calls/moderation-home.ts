// The moderation home: the forums the actor takes part in (every forum for an administrator), each with its
// calls, published or not, and what awaits the forum's facilitators: responses by status, the stakeholder
// groups heard, and public comments not yet answered. Queue counts come from lib/moderation/queue.ts.
import "server-only";
import { authorize, forumScope, partInForum } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { countedResponse } from "@/lib/responses/counted";
import type { ForumKind, ForumRole } from "@/lib/generated/prisma/enums";
import { callStatus, type CallStatus } from "./status";

export type HomeCall = {
  id: string;
  title: string;
  closesAt: Date;
  timeZone: string;
  status: CallStatus;
  submitted: number;
  drafts: number;
  groupsHeard: number;
  /** Top-level public comments on the call's draft messages that have no answer yet. */
  commentsAwaiting: number;
};

export type HomeForum = {
  id: string;
  name: string;
  kind: ForumKind;
  /** The actor's part in the forum. */
  part: ForumRole | "ADMIN" | null;
  calls: HomeCall[];
};

export async function moderationHome(actor: SessionUser, now = new Date()): Promise<HomeForum[]> {
  authorize(actor, "forum.read");
  const scope = forumScope(actor, "forum.read");
  const inScope = scope === "all" ? {} : { id: { in: scope } };
  const forums = await db.forum.findMany({
    where: inScope,
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      calls: {
        orderBy: [{ closesAt: "desc" }],
        select: { id: true, title: true, opensAt: true, closesAt: true, timeZone: true, publishedAt: true },
      },
    },
  });
  const callIds = forums.flatMap((forum) => forum.calls.map((call) => call.id));
  const [counts, groups, awaiting] = await Promise.all([
    db.response.groupBy({ by: ["callId", "status"], where: { callId: { in: callIds } }, _count: { _all: true } }),
    db.response.groupBy({
      by: ["callId", "stakeholderGroup"],
      // Groups heard: as participation counts them (hidden responses do not).
      where: { callId: { in: callIds }, ...countedResponse, stakeholderGroup: { not: null } },
    }),
    callIds.length
      ? db.$queryRaw<{ callId: string; count: number }[]>`
          SELECT s."callId", count(*)::int AS count
          FROM comments c JOIN message_sets s ON s.id = c."setId"
          WHERE s."callId" = ANY(${callIds}) AND c."parentId" IS NULL AND c.answer IS NULL
            AND c."moderationState" = 'PUBLISHED'
          GROUP BY s."callId"`
      : [],
  ]);
  const byStatus = new Map(counts.map((row) => [`${row.callId}:${row.status}`, row._count._all]));
  const count = (callId: string, status: string) => byStatus.get(`${callId}:${status}`) ?? 0;
  const groupsOf = new Map<string, number>();
  for (const row of groups) groupsOf.set(row.callId, (groupsOf.get(row.callId) ?? 0) + 1);
  const awaitingOf = new Map(awaiting.map((row) => [row.callId, row.count]));
  return forums.map((forum) => ({
    id: forum.id,
    name: forum.name,
    kind: forum.kind,
    part: partInForum(actor, forum.id),
    calls: forum.calls.map((call) => ({
      id: call.id,
      title: call.title,
      closesAt: call.closesAt,
      timeZone: call.timeZone,
      status: callStatus(call, now),
      submitted: count(call.id, "SUBMITTED"),
      drafts: count(call.id, "DRAFT"),
      groupsHeard: groupsOf.get(call.id) ?? 0,
      commentsAwaiting: awaitingOf.get(call.id) ?? 0,
    })),
  }));
}
