// What moderators do to one response: approve, hide (with a reason the author sees), restore, mark reviewed,
// dismiss or uphold its reports: the transitions of the moderation engine (lib/moderation/engine.ts), which
// holds the response row, refuses a transition from the wrong state (a Conflict, never a silent overwrite)
// and writes the audit entry.
import "server-only";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import { transition, type Verb } from "./engine";
import type { Moderator } from "./permissions";
import { responseKind } from "./response-kind";
import type { HideInput } from "./schemas";

export type ModerationResult = { id: string; callId: string; reference: string | null; moderationState: ModerationState };

/** One moderator action on one response; `reason` for hide and uphold. */
export async function moderateResponse(
  actor: Moderator,
  verb: Verb,
  { responseId, reason }: { responseId: string; reason?: string },
  now = new Date(),
): Promise<ModerationResult> {
  const { item, updated, moderationState } = await transition(responseKind, actor, verb, { id: responseId, reason }, now);
  return { id: item.id, callId: item.callId, reference: updated.reference, moderationState };
}

/** A pre-moderated response becomes public. */
export const approveResponse = (actor: Moderator, responseId: string, now?: Date) =>
  moderateResponse(actor, "approve", { responseId }, now);
/** Hides a pending or published response; its open reports are upheld. */
export const hideResponse = (actor: Moderator, input: HideInput, now?: Date) => moderateResponse(actor, "hide", input, now);
/** A hidden response is public again; the reports against it are dismissed. */
export const restoreResponse = (actor: Moderator, responseId: string, now?: Date) =>
  moderateResponse(actor, "restore", { responseId }, now);
/** Takes a reviewed response out of the "new" tab without changing it. A pending one is approved instead. */
export const markReviewed = (actor: Moderator, responseId: string, now?: Date) =>
  moderateResponse(actor, "review", { responseId }, now);
/** Unfounded reports: dismissed; a response they hid automatically is public again. */
export const dismissReports = (actor: Moderator, responseId: string, now?: Date) =>
  moderateResponse(actor, "dismiss", { responseId }, now);
/** The reports were right: the response is (or stays) hidden, now with the moderator's reason. */
export const upholdReports = (actor: Moderator, input: HideInput, now?: Date) => moderateResponse(actor, "uphold", input, now);
