// A signed-in user reports a response the public can see: the engine's report (lib/moderation/engine.ts),
// weighed by the rule of lib/moderation/threshold.ts, with the automatic hide at the call's threshold.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { report, type ReportResult } from "./engine";
import { responseKind } from "./response-kind";
import type { ReportInput } from "./schemas";

export { autoHideReason } from "./threshold";
export type { ReportResult } from "./engine";

export function reportResponse(actor: Pick<SessionUser, "id">, input: ReportInput, now = new Date()): Promise<ReportResult> {
  return report(responseKind, actor, { id: input.responseId, reason: input.reason, details: input.details }, now);
}
