// The response row under moderation, locked until the transaction ends: two moderators (or a moderator and
// the report that crosses the threshold) act one after the other, each on the state the other left.
import "server-only";
import type { ModerationState, ResponseStatus } from "@/lib/generated/prisma/enums";
import { NotFound } from "@/lib/errors";
import type { DbClient } from "@/lib/db";

export type LockedItem = {
  id: string;
  callId: string;
  authorId: string | null;
  status: ResponseStatus;
  moderationState: ModerationState;
  hiddenReason: string | null;
  reviewedAt: Date | null;
};

export async function lockResponse(tx: DbClient, responseId: string): Promise<LockedItem> {
  const [row] = await tx.$queryRaw<LockedItem[]>`
    SELECT id, "callId", "authorId", status::text AS status, "moderationState"::text AS "moderationState",
      "hiddenReason", "reviewedAt"
    FROM responses WHERE id = ${responseId} FOR UPDATE`;
  if (!row) throw NotFound();
  return row;
}

/** The audited fields of a response, for an entry's before and after. */
export const auditState = (item: Pick<LockedItem, "moderationState" | "hiddenReason">) => ({
  moderationState: item.moderationState,
  hiddenReason: item.hiddenReason,
});
