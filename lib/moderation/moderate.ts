// What moderators do to one response: approve, hide (with a reason the author sees), restore, mark reviewed,
// dismiss or uphold its reports. Each runs in one transaction holding the response row, checks the state it
// finds (a transition from the wrong state is a Conflict, never a silent overwrite), and writes its audit
// entry with the moderation fields before and after.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { Conflict } from "@/lib/errors";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/db";
import { auditState, lockResponse, type LockedItem } from "./lock";
import { requireModerator, type Moderator } from "./permissions";
import type { HideInput } from "./schemas";

export type ModerationResult = { id: string; callId: string; reference: string | null; moderationState: ModerationState };

type Change = {
  action: string;
  check: (item: LockedItem, openReports: number, tx: DbClient) => Promise<void> | void;
  data: (
    item: LockedItem,
    now: Date,
  ) => { moderationState: ModerationState; hiddenReason: string | null; hiddenAt?: Date | null };
  /** What becomes of the item's open reports. */
  reports?: "UPHELD" | "DISMISSED";
};

async function moderate(actor: Moderator, responseId: string, change: Change, now: Date): Promise<ModerationResult> {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    const item = await lockResponse(tx, responseId);
    // Drafts and withdrawn responses are not public and not in the queue.
    if (item.status !== "SUBMITTED") throw Conflict("notModeratable");
    const openReports = await tx.report.count({ where: { responseId, status: "OPEN" } });
    await change.check(item, openReports, tx);
    const data = change.data(item, now);
    const updated = await tx.response.update({
      where: { id: responseId },
      data: { ...data, reviewedAt: now },
      select: { id: true, reference: true, moderationState: true, hiddenReason: true },
    });
    let resolved = 0;
    if (change.reports && openReports > 0) {
      resolved = (
        await tx.report.updateMany({
          where: { responseId, status: "OPEN" },
          data: { status: change.reports, resolvedAt: now, resolvedById: actor.id },
        })
      ).count;
    }
    await recordAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: change.action,
      itemType: "response",
      itemId: responseId,
      callId: item.callId,
      before: { ...auditState(item), reviewed: item.reviewedAt !== null, openReports },
      after: { ...auditState(updated), reviewed: true, openReports: openReports - resolved },
    });
    return { id: updated.id, callId: item.callId, reference: updated.reference, moderationState: updated.moderationState };
  });
}

const keep = (item: LockedItem) => ({ moderationState: item.moderationState, hiddenReason: item.hiddenReason });
const published = () => ({ moderationState: "PUBLISHED" as const, hiddenReason: null, hiddenAt: null });
const hidden = (reason: string, now: Date) => ({ moderationState: "HIDDEN" as const, hiddenReason: reason, hiddenAt: now });

/** A pre-moderated response becomes public. */
export function approveResponse(actor: Moderator, responseId: string, now = new Date()) {
  return moderate(
    actor,
    responseId,
    {
      action: "response.approve",
      check: (item) => {
        if (item.moderationState !== "PENDING") throw Conflict("notPending");
      },
      data: published,
      reports: "DISMISSED",
    },
    now,
  );
}

/** Hides a pending or published response; its open reports are upheld. */
export function hideResponse(actor: Moderator, { responseId, reason }: HideInput, now = new Date()) {
  return moderate(
    actor,
    responseId,
    {
      action: "response.hide",
      check: (item) => {
        if (item.moderationState === "HIDDEN") throw Conflict("alreadyHidden");
      },
      data: () => hidden(reason, now),
      reports: "UPHELD",
    },
    now,
  );
}

/** A hidden response is public again; the reports against it are dismissed (a moderator kept it). */
export function restoreResponse(actor: Moderator, responseId: string, now = new Date()) {
  return moderate(
    actor,
    responseId,
    {
      action: "response.restore",
      check: (item) => {
        if (item.moderationState !== "HIDDEN") throw Conflict("notHidden");
      },
      data: published,
      reports: "DISMISSED",
    },
    now,
  );
}

/** Takes a reviewed response out of the "new" tab without changing it. A pending one is approved instead. */
export function markReviewed(actor: Moderator, responseId: string, now = new Date()) {
  return moderate(
    actor,
    responseId,
    {
      action: "response.review",
      check: (item) => {
        if (item.moderationState === "PENDING") throw Conflict("approveFirst");
        if (item.reviewedAt !== null) throw Conflict("alreadyReviewed");
      },
      data: keep,
    },
    now,
  );
}

/** Was the response's last hiding the system's (after N reports) rather than a moderator's? */
async function hiddenAutomatically(tx: DbClient, responseId: string) {
  const last = await tx.auditEntry.findFirst({
    where: {
      itemType: "response",
      itemId: responseId,
      action: { in: ["response.hide", "response.autoHide", "response.uphold"] },
    },
    orderBy: { id: "desc" },
    select: { actorId: true },
  });
  return last !== null && last.actorId === null;
}

/**
 * The reports were unfounded: they are dismissed. A response the reports hid automatically is public again;
 * one a moderator hid stays hidden.
 */
export function dismissReports(actor: Moderator, responseId: string, now = new Date()) {
  let restore = false;
  return moderate(
    actor,
    responseId,
    {
      action: "reports.dismiss",
      check: async (item, openReports, tx) => {
        if (openReports === 0) throw Conflict("noOpenReports");
        restore = item.moderationState === "HIDDEN" && (await hiddenAutomatically(tx, responseId));
      },
      data: (item) => (restore ? published() : keep(item)),
      reports: "DISMISSED",
    },
    now,
  );
}

/** The reports were right: the response is (or stays) hidden, now with the moderator's reason. */
export function upholdReports(actor: Moderator, { responseId, reason }: HideInput, now = new Date()) {
  return moderate(
    actor,
    responseId,
    {
      action: "response.uphold",
      check: (_item, openReports) => {
        if (openReports === 0) throw Conflict("noOpenReports");
      },
      data: () => hidden(reason, now),
      reports: "UPHELD",
    },
    now,
  );
}
