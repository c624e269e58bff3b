// What moderators do to one response: approve, hide (with a reason the author sees), restore, mark reviewed,
// dismiss or uphold its reports: the transitions of the moderation engine (lib/moderation/engine.ts), which
// holds the response row, refuses a transition from the wrong state (a Conflict, never a silent overwrite)
// and writes the audit entry.
import "server-only";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { moderationCommands, transitionMany } from "./engine";
import type { Moderator } from "./permissions";
import type { BulkModerationInput } from "./schemas";
import { responseKind } from "./response-kind";

export type ModerationResult = { id: string; callId: string; reference: string | null; moderationState: ModerationState };

const responseModeration = moderationCommands(responseKind, ({ item, updated, moderationState }): ModerationResult => ({
  id: item.id,
  callId: item.callId,
  reference: updated.reference,
  moderationState,
}));

export const { approve: approveResponse, hide: hideResponse, restore: restoreResponse } = responseModeration;
export const { review: markReviewed, dismiss: dismissReports, uphold: upholdReports } = responseModeration;

export type BulkOutcome = { done: string[]; skipped: { reference: string; code: string }[] };

/**
 * The queue's bulk action: approve, hide (one reason for all) or restore the ticked responses of one call, in
 * one transaction, audited per response (lib/moderation/engine.ts, transitionMany). A response of another call
 * is refused as unknown; one another moderator already moved is skipped and named. Gives back the receipt
 * numbers done and skipped.
 */
export async function moderateResponses(actor: Moderator, input: BulkModerationInput, now?: Date): Promise<BulkOutcome> {
  const others = await db.response.count({ where: { id: { in: input.responseIds }, callId: { not: input.callId } } });
  if (others > 0) throw NotFound(responseKind.errors.notFound);
  const reason = input.op === "hide" ? input.reason : "";
  const { done, skipped } = await transitionMany(responseKind, actor, input.op, { ids: input.responseIds, reason }, now);
  const references = new Map(
    (await db.response.findMany({ where: { id: { in: skipped.map((s) => s.id) } }, select: { id: true, reference: true } })).map(
      (row) => [row.id, row.reference ?? row.id],
    ),
  );
  return {
    done: done.map((result) => result.updated.reference ?? result.item.id),
    skipped: skipped.map((s) => ({ reference: references.get(s.id) ?? s.id, code: s.code })),
  };
}
