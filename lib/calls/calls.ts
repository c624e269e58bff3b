import "server-only";
import { db } from "@/lib/db";
import { countedResponse } from "@/lib/responses/counted";
import { callTitlesIn } from "@/lib/translations/titles";
import { callStatus } from "./status";

const callSummarySelect = {
  id: true,
  slug: true,
  title: true,
  language: true,
  thematicTrack: true,
  opensAt: true,
  closesAt: true,
  timeZone: true,
  publishedAt: true,
} as const;

/**
 * Forums with their published calls and submitted-response counts, for the public home page; call titles in
 * `locale` where a moderator translated them.
 */
export async function listForumsWithCalls(now = new Date(), locale?: string) {
  const forums = await db.forum.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      calls: {
        where: { publishedAt: { not: null, lte: now } },
        orderBy: { closesAt: "desc" },
        select: { ...callSummarySelect, _count: { select: { responses: { where: countedResponse } } } },
      },
    },
  });
  // The titles of every forum's calls in one query.
  const titled = new Map(
    (
      await callTitlesIn(
        forums.flatMap((forum) => forum.calls),
        locale,
      )
    ).map((call) => [call.id, call]),
  );
  return forums.map((forum) => ({
    ...forum,
    calls: forum.calls.map((call) => {
      const { _count, ...read } = titled.get(call.id)!;
      return { ...read, status: callStatus(call, now), submittedCount: _count.responses };
    }),
  }));
}
