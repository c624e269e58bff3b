// Forums and calls for the open data API: only published calls (publishedAt set and past), and only forums
// that have one, so a forum or call being prepared is never announced early.
import "server-only";
import { callStatus } from "@/lib/calls/status";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishedCall, publishedResponse } from "@/lib/responses/public";
import { afterKeyset, encodeKeyset } from "./cursor";
import { notFound } from "./errors";
import { latest, type ApiResult } from "./http";
import { pageOf, type Query } from "./query";

const callSummarySelect = {
  id: true,
  slug: true,
  title: true,
  thematicTrack: true,
  opensAt: true,
  closesAt: true,
  timeZone: true,
  publishedAt: true,
  updatedAt: true,
  forum: { select: { slug: true } },
} as const satisfies Prisma.CallSelect;

type CallRow = Prisma.CallGetPayload<{ select: typeof callSummarySelect }>;

function callSummary(call: CallRow, now: Date) {
  return {
    slug: call.slug,
    title: call.title,
    forum: call.forum.slug,
    thematicTrack: call.thematicTrack,
    status: callStatus(call, now),
    opensAt: call.opensAt,
    closesAt: call.closesAt,
    timeZone: call.timeZone,
    publishedAt: call.publishedAt,
    url: `/api/v1/calls/${call.slug}`,
  };
}

/** When what a call's summary shows last changed: an edit, or its status moving on as the clock passed a time. */
const callChangedAt = (call: CallRow, now: Date) =>
  latest(call.updatedAt, ...[call.publishedAt, call.opensAt, call.closesAt].filter((t) => t && t <= now));

const forumSelect = (now: Date) =>
  ({
    slug: true,
    name: true,
    description: true,
    updatedAt: true,
    calls: { where: publishedCall(now), orderBy: [{ publishedAt: "asc" }, { id: "asc" }], select: callSummarySelect },
  }) as const satisfies Prisma.ForumSelect;

export async function listForums(now = new Date()): Promise<ApiResult> {
  const forums = await db.forum.findMany({
    where: { calls: { some: publishedCall(now) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: forumSelect(now),
  });
  return {
    body: {
      items: forums.map((forum) => ({
        slug: forum.slug,
        name: forum.name,
        description: forum.description,
        callCount: forum.calls.length,
        url: `/api/v1/forums/${forum.slug}`,
      })),
    },
    lastModified: latest(...forums.flatMap((f) => [f.updatedAt, ...f.calls.map((c) => callChangedAt(c, now))])),
  };
}

export async function getForum(slug: string, now = new Date()): Promise<ApiResult> {
  const forum = await db.forum.findFirst({ where: { slug, calls: { some: publishedCall(now) } }, select: forumSelect(now) });
  if (!forum) throw notFound("forum");
  return {
    body: {
      slug: forum.slug,
      name: forum.name,
      description: forum.description,
      calls: forum.calls.map((call) => callSummary(call, now)),
    },
    lastModified: latest(forum.updatedAt, ...forum.calls.map((c) => callChangedAt(c, now))),
  };
}

/** The status filter as times: a call's status is never stored (lib/calls/status.ts). */
function statusWhere(status: Query["status"], now: Date): Prisma.CallWhereInput {
  if (status === "SCHEDULED") return { opensAt: { gt: now } };
  if (status === "OPEN") return { opensAt: { lte: now }, closesAt: { gt: now } };
  if (status === "CLOSED") return { closesAt: { lte: now } };
  return {};
}

/** Published calls in order of publication (oldest first), so later publications land on later pages. */
export async function listCalls(query: Query, now = new Date()): Promise<ApiResult> {
  const rows = await db.call.findMany({
    where: {
      AND: [
        publishedCall(now),
        statusWhere(query.status, now),
        query.forum ? { forum: { slug: query.forum } } : {},
        afterKeyset("publishedAt", query.cursor),
      ],
    },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: callSummarySelect,
  });
  const page = pageOf(rows, query.limit, (row) => row.publishedAt!);
  return {
    body: { items: page.items.map((call) => callSummary(call, now)), next: page.lastKey && encodeKeyset(page.lastKey) },
    lastModified: latest(...page.items.map((c) => callChangedAt(c, now))),
  };
}

export async function getCall(slug: string, now = new Date()): Promise<ApiResult> {
  const call = await db.call.findFirst({
    where: { slug, ...publishedCall(now) },
    select: {
      ...callSummarySelect,
      introduction: true,
      questions: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          prompt: true,
          helpText: true,
          type: true,
          required: true,
          options: true,
          maxChoices: true,
          minLength: true,
          maxLength: true,
        },
      },
      glossary: { orderBy: { position: "asc" }, select: { term: true, definition: true } },
    },
  });
  if (!call) throw notFound("call");
  const [publishedResponses, questionsChanged] = await Promise.all([
    db.response.count({ where: { callId: call.id, ...publishedResponse(now) } }),
    db.question.aggregate({ where: { callId: call.id }, _max: { updatedAt: true } }),
  ]);
  const { questions, glossary, introduction } = call;
  return {
    body: {
      ...callSummary(call, now),
      introduction,
      questions,
      glossary,
      publishedResponses,
      links: {
        responses: `/api/v1/calls/${call.slug}/responses`,
        participation: `/api/v1/calls/${call.slug}/participation`,
      },
    },
    lastModified: latest(callChangedAt(call, now), questionsChanged._max.updatedAt),
  };
}
