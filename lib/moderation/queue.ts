// The moderation queue of one call, in three tabs: "new" (submitted and not yet reviewed, pending ones
// included), "reported" (with open reports) and "hidden". Only submitted responses are moderated; the
// author's name is not loaded (moderators judge the text; group and region give the context). Each open
// report is listed with its reporter, time and whether it counted toward the automatic hide.
import "server-only";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportReason } from "@/lib/generated/prisma/enums";
import { requireModerator, type Moderator } from "./permissions";
import { openReportsSelect, reportViews } from "./report-view";
import { MODERATION_LIMITS, QUEUE_TABS, type QueueQuery, type QueueTab } from "./schemas";

/** `callId` undefined: every call (for counts grouped by call). */
const tabWhere = (callId: string | undefined, tab: QueueTab): Prisma.ResponseWhereInput => {
  const base = { callId, status: "SUBMITTED" as const };
  if (tab === "new") return { ...base, reviewedAt: null };
  if (tab === "reported") return { ...base, reports: { some: { status: "OPEN" } } };
  return { ...base, moderationState: "HIDDEN" };
};

export type QueueCounts = Record<QueueTab, number>;

async function countTabs(callId: string): Promise<QueueCounts> {
  const [fresh, reported, hidden] = await Promise.all(
    QUEUE_TABS.map((tab) => db.response.count({ where: tabWhere(callId, tab) })),
  );
  return { new: fresh!, reported: reported!, hidden: hidden! };
}

const clip = (text: string) =>
  text.length <= MODERATION_LIMITS.queueAnswerChars ? text : `${text.slice(0, MODERATION_LIMITS.queueAnswerChars)} …`;

export async function listQueue(actor: Moderator, callId: string, { tab, page }: QueueQuery) {
  requireModerator(actor);
  const call = await db.call.findUnique({
    where: { id: callId },
    select: { id: true, title: true, moderationMode: true, reportThreshold: true, timeZone: true },
  });
  if (!call) throw NotFound("callNotFound");
  const size = MODERATION_LIMITS.queuePageSize;
  const [counts, rows] = await Promise.all([
    countTabs(callId),
    db.response.findMany({
      where: tabWhere(callId, tab),
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * size,
      take: size,
      select: {
        id: true,
        reference: true,
        submittedAt: true,
        consent: true,
        stakeholderGroup: true,
        region: true,
        moderationState: true,
        hiddenReason: true,
        reviewedAt: true,
        answers: {
          orderBy: { question: { position: "asc" } },
          select: { text: true, choices: true, question: { select: { position: true, prompt: true } } },
        },
        reports: openReportsSelect,
      },
    }),
  ]);
  const items = rows.map(({ answers, reports, ...row }) => ({
    ...row,
    answers: answers
      .filter((a) => a.text.trim() || a.choices.length)
      .map((a) => ({ position: a.question.position, prompt: a.question.prompt, text: clip(a.text), choices: a.choices })),
    openReports: reports.length,
    countingReports: reports.filter((r) => r.countsTowardHide).length,
    reportReasons: countReasons(reports),
    reports: reportViews(reports),
  }));
  return { call, counts, items, page, pages: Math.max(1, Math.ceil(counts[tab] / size)) };
}

function countReasons(reports: { reason: ReportReason }[]) {
  const counts = new Map<ReportReason, number>();
  for (const { reason } of reports) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count }));
}

/** Per call, the size of each tab, for the moderation home page. */
export async function queueCountsByCall(actor: Moderator): Promise<Map<string, QueueCounts>> {
  requireModerator(actor);
  const group = (tab: QueueTab) =>
    db.response.groupBy({ by: ["callId"], where: tabWhere(undefined, tab), _count: { _all: true } });
  const [fresh, reported, hidden] = await Promise.all(QUEUE_TABS.map(group));
  const result = new Map<string, QueueCounts>();
  const at = (callId: string) => result.get(callId) ?? result.set(callId, { new: 0, reported: 0, hidden: 0 }).get(callId)!;
  for (const row of fresh!) at(row.callId).new = row._count._all;
  for (const row of reported!) at(row.callId).reported = row._count._all;
  for (const row of hidden!) at(row.callId).hidden = row._count._all;
  return result;
}
