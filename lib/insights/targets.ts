// The facilitators of a call's forum set its participation targets: the smallest share each stakeholder group should reach,
// and whether every UN region should be represented. Audited with the values before and after.
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorize, authorizeIn } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { TargetsInput } from "./schemas";

export async function setTargets(actor: SessionUser, input: TargetsInput) {
  authorize(actor, "calls.manage");
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "calls.manage", await forumOf(tx, "call", input.callId), "callNotFound");
    const rows = await tx.$queryRaw<{ targetMinGroupShare: number | null; targetAllRegions: boolean }[]>`
      SELECT "targetMinGroupShare", "targetAllRegions" FROM calls WHERE id = ${input.callId} FOR UPDATE`;
    const before = rows[0];
    if (!before) throw NotFound("callNotFound");
    const after = { targetMinGroupShare: input.minGroupShare, targetAllRegions: input.allRegions };
    await tx.call.update({ where: { id: input.callId }, data: after, select: { id: true } });
    await recordAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: "call.targets",
      itemType: "call",
      itemId: input.callId,
      callId: input.callId,
      before: { targetMinGroupShare: before.targetMinGroupShare, targetAllRegions: before.targetAllRegions },
      after,
    });
    return after;
  });
}
