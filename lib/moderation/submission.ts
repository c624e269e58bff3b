// What a submission does to moderation. Pre-moderated call: every submitted version waits for approval
// (an edit is approved again). Post-moderated call: public at once, and back in the review queue. A hidden
// response stays hidden when edited (the author cannot unhide it by editing) but returns to the queue.
// No "server-only": a pure rule, tested directly.
import type { ModerationMode, ModerationState } from "@/lib/generated/prisma/enums";

export function moderationOnSubmit(mode: ModerationMode, current: ModerationState) {
  const moderationState: ModerationState = current === "HIDDEN" ? "HIDDEN" : mode === "PRE" ? "PENDING" : "PUBLISHED";
  return { moderationState, reviewedAt: null };
}
