// What moderators see of an item's open reports, for responses and comments alike: who reported (name, or
// the email when there is no profile, and stakeholder group), why, when, and whether the report counted
// toward the automatic hide (lib/moderation/threshold.ts). Never shown outside the moderators' views.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportReason, StakeholderGroup } from "@/lib/generated/prisma/enums";

/** The `reports` relation to select on a response or comment: its open reports, oldest first. */
export const openReportsSelect = {
  where: { status: "OPEN" },
  orderBy: [{ createdAt: "asc" }, { id: "asc" }] as Prisma.ReportOrderByWithRelationInput[],
  select: {
    id: true,
    reason: true,
    details: true,
    createdAt: true,
    countsTowardHide: true,
    reporter: { select: { email: true, profile: { select: { displayName: true, stakeholderGroup: true } } } },
  },
} as const;

export type ReportRow = {
  id: string;
  reason: ReportReason;
  details: string;
  createdAt: Date;
  countsTowardHide: boolean;
  reporter: { email: string; profile: { displayName: string; stakeholderGroup: StakeholderGroup } | null };
};

export type ReportView = {
  id: string;
  reason: ReportReason;
  details: string;
  createdAt: Date;
  counted: boolean;
  reporterName: string;
  reporterGroup: StakeholderGroup | null;
};

export function reportViews(rows: readonly ReportRow[]): ReportView[] {
  return rows.map(({ reporter, countsTowardHide, ...report }) => ({
    ...report,
    counted: countsTowardHide,
    reporterName: reporter.profile?.displayName || reporter.email,
    reporterGroup: reporter.profile?.stakeholderGroup ?? null,
  }));
}
