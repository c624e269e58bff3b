// The moderators' queue of any moderated item kind, read one way: tabs ("new": not yet reviewed, pending
// included; "reported": with open reports; "hidden"; a kind may add its own), the size of each tab, one page
// of the current tab, and each item's open reports summarised (lib/moderation/report-view.ts). The kind's
// queue (lib/moderation/queue.ts for responses, lib/comments/queue.ts for comments) says where its rows are
// and what of them is shown.
import "server-only";
import type { ReportReason } from "@/lib/generated/prisma/enums";
import { openReportsSelect, reportViews, type ReportRow } from "./report-view";

/** The tabs every kind has, as conditions on its rows. */
export const ITEM_TABS = {
  new: { reviewedAt: null },
  reported: { reports: { some: { status: "OPEN" as const } } },
  hidden: { moderationState: "HIDDEN" as const },
};

/** What every kind's queue rows select: the moderation fields and the open reports. */
export const ITEM_QUEUE_SELECT = {
  id: true,
  moderationState: true,
  hiddenReason: true,
  reviewedAt: true,
  reports: openReportsSelect,
} as const;

export type QueueSource<T extends string, W, Row extends { reports: readonly ReportRow[] }> = {
  tabs: readonly T[];
  /** The rows of a tab (within the queue's scope: a call, a message set). */
  where: (tab: T) => W;
  count: (where: W) => Promise<number>;
  rows: (page: { where: W; skip: number; take: number }) => Promise<Row[]>;
};

export async function readQueue<T extends string, W, Row extends { reports: readonly ReportRow[] }>(
  source: QueueSource<T, W, Row>,
  { tab, page, size }: { tab: T; page: number; size: number },
) {
  const [counted, rows] = await Promise.all([
    Promise.all(source.tabs.map(async (t) => [t, await source.count(source.where(t))] as const)),
    source.rows({ where: source.where(tab), skip: (page - 1) * size, take: size }),
  ]);
  const counts = Object.fromEntries(counted) as Record<T, number>;
  const items = rows.map(({ reports, ...row }) => ({
    ...row,
    openReports: reports.length,
    countingReports: reports.filter((r) => r.countsTowardHide).length,
    reportReasons: countReasons(reports),
    reports: reportViews(reports),
  }));
  return { counts, items, page, pages: Math.max(1, Math.ceil(counts[tab] / size)) };
}

function countReasons(reports: readonly { reason: ReportReason }[]) {
  const counts = new Map<ReportReason, number>();
  for (const { reason } of reports) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count }));
}
