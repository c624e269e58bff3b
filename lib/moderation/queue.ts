// The moderation queue of one call: the tabs of every moderated item (lib/moderation/item-queue.ts) over its
// submitted responses (only those are moderated). Each item says who wrote it (lib/moderation/author.ts: the
// account's name and email, the identity it was filed under, the consent) to readers holding
// "responses.readAll" in the call's forum, and nothing of the author to others; answers are clipped, with a
// link to the whole response. Reading needs "forum.read" in the call's forum, so its observers read the queue
// too (acting on it is checked by the engine); the call's forumId tells the page whether to show the forms.
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorize, authorizeIn, can, forumFilter } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RESPONSE_AUTHOR_SELECT, responseAuthorOf } from "./author";
import type { Moderator } from "./permissions";
import { ITEM_QUEUE_SELECT, ITEM_TABS, readQueue } from "./item-queue";
import { MODERATION_LIMITS, QUEUE_TABS, type QueueQuery, type QueueTab } from "./schemas";

/** `callId` undefined: every call (for counts grouped by call). */
const tabWhere = (callId: string | undefined, tab: QueueTab): Prisma.ResponseWhereInput => ({
  callId,
  status: "SUBMITTED",
  ...ITEM_TABS[tab],
});

export type QueueCounts = Record<QueueTab, number>;

const clip = (text: string) =>
  text.length <= MODERATION_LIMITS.queueAnswerChars ? text : `${text.slice(0, MODERATION_LIMITS.queueAnswerChars)} …`;

export async function listQueue(actor: Moderator, callId: string, { tab, page }: QueueQuery) {
  authorizeIn(actor, "forum.read", await forumOf(db, "call", callId), "callNotFound");
  const call = await db.call.findUnique({
    where: { id: callId },
    select: { id: true, forumId: true, title: true, moderationMode: true, reportThreshold: true, timeZone: true },
  });
  if (!call) throw NotFound("callNotFound");
  const queue = await readQueue(
    {
      tabs: QUEUE_TABS,
      where: (t: QueueTab) => tabWhere(callId, t),
      count: (where) => db.response.count({ where }),
      rows: (page) =>
        db.response.findMany({
          ...page,
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          select: {
            ...ITEM_QUEUE_SELECT,
            reference: true,
            submittedAt: true,
            ...RESPONSE_AUTHOR_SELECT,
            language: true,
            answers: {
              orderBy: { question: { position: "asc" } },
              select: { text: true, choices: true, question: { select: { position: true, prompt: true } } },
            },
          },
        }),
    },
    { tab, page, size: MODERATION_LIMITS.queuePageSize },
  );
  // Every reader of the queue holds it today (observers included); checked here all the same, so the author
  // never reaches a reader who may not read every detail of the forum's responses.
  const mayKnowAuthor = can(actor, "responses.readAll", call.forumId);
  const items = queue.items.map(({ answers, author, country, organisation, onBehalfOf, ...item }) => ({
    ...item,
    author: mayKnowAuthor ? responseAuthorOf({ ...item, author, country, organisation, onBehalfOf }) : null,
    answers: answers
      .filter((a) => a.text.trim() || a.choices.length)
      .map((a) => ({ position: a.question.position, prompt: a.question.prompt, text: clip(a.text), choices: a.choices })),
  }));
  return { ...queue, call, items };
}

/** Per call of the forums the actor may read, the size of each tab, for the moderation home page. */
export async function queueCountsByCall(actor: Moderator): Promise<Map<string, QueueCounts>> {
  authorize(actor, "forum.read");
  const forums = forumFilter(actor, "forum.read");
  const group = (tab: QueueTab) =>
    db.response.groupBy({
      by: ["callId"],
      where: { ...tabWhere(undefined, tab), ...("forumId" in forums && { call: forums }) },
      _count: { _all: true },
    });
  const [fresh, reported, hidden] = await Promise.all(QUEUE_TABS.map(group));
  const result = new Map<string, QueueCounts>();
  const at = (callId: string) => result.get(callId) ?? result.set(callId, { new: 0, reported: 0, hidden: 0 }).get(callId)!;
  for (const row of fresh!) at(row.callId).new = row._count._all;
  for (const row of reported!) at(row.callId).reported = row._count._all;
  for (const row of hidden!) at(row.callId).hidden = row._count._all;
  return result;
}
