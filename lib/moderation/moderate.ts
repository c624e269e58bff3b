// What moderators do to one response: approve, hide (with a reason the author sees), restore, mark reviewed,
// dismiss or uphold its reports: the transitions of the moderation engine (lib/moderation/engine.ts), which
// holds the response row, refuses a transition from the wrong state (a Conflict, never a silent overwrite)
// and writes the audit entry.
import "server-only";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import { moderationCommands } from "./engine";
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
