// For the facilitators and observers of a call's forum: people who contributed to earlier calls and belong
// to a stakeholder group or UN region this call has not heard enough from, so they can be invited.
// Contributors of the same forum come first, then those of another call of a forum the actor may read the
// participation of (nobody learns who answered a forum they have no part in); people who already submitted
// to this call are left out. The group and region are the ones in their profile today (where they would
// answer from now).
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn, forumScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { countedResponse } from "@/lib/responses/counted";
import { NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Gap } from "./gaps";
import { missingFrom } from "./gaps";

export const OUTREACH_LIMIT = 50;

const personSelect = {
  id: true,
  email: true,
  profile: { select: { displayName: true, organisation: true, stakeholderGroup: true, region: true } },
} as const;

export async function listOutreach(actor: SessionUser, callId: string, gaps: readonly Gap[]) {
  authorizeIn(actor, "insights.read", await forumOf(db, "call", callId), "callNotFound");
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true, forumId: true } });
  if (!call) throw NotFound("callNotFound");
  const scope = forumScope(actor, "insights.read");
  const { groups, regions, cells } = missingFrom(gaps);
  const matches: Prisma.ProfileWhereInput[] = [
    ...(groups.length ? [{ stakeholderGroup: { in: groups } }] : []),
    ...(regions.length ? [{ region: { in: regions } }] : []),
    ...cells.map(({ group, region }) => ({ stakeholderGroup: group, region })),
  ];
  if (matches.length === 0) return [];

  const base = (calls: Prisma.CallWhereInput): Prisma.UserWhereInput => ({
    profile: { is: { OR: matches } },
    responses: { some: { ...countedResponse, callId: { not: call.id }, call: calls } },
    NOT: { responses: { some: { callId: call.id, status: "SUBMITTED" } } },
  });
  const sameForum = await db.user.findMany({
    where: base({ forumId: call.forumId }),
    orderBy: [{ profile: { displayName: "asc" } }, { id: "asc" }],
    take: OUTREACH_LIMIT,
    select: personSelect,
  });
  const others =
    sameForum.length < OUTREACH_LIMIT
      ? await db.user.findMany({
          where: {
            ...base({ forumId: scope === "all" ? { not: call.forumId } : { in: scope.filter((id) => id !== call.forumId) } }),
            id: { notIn: sameForum.map((u) => u.id) },
          },
          orderBy: [{ profile: { displayName: "asc" } }, { id: "asc" }],
          take: OUTREACH_LIMIT - sameForum.length,
          select: personSelect,
        })
      : [];
  return [
    ...sameForum.map((user) => ({ ...flatten(user), sameForum: true })),
    ...others.map((user) => ({ ...flatten(user), sameForum: false })),
  ];
}

type Person = Prisma.UserGetPayload<{ select: typeof personSelect }>;

function flatten(user: Person) {
  const profile = user.profile!;
  return {
    id: user.id,
    email: user.email,
    name: profile.displayName,
    organisation: profile.organisation,
    group: profile.stakeholderGroup,
    region: profile.region,
  };
}

export type OutreachContact = Awaited<ReturnType<typeof listOutreach>>[number];
