// A signed-in user with a profile reports a published comment, never their own, once: the engine's report
// (lib/moderation/engine.ts), weighed and hiding at the call's threshold as for responses.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { Invalid, Unauthenticated } from "@/lib/errors";
import { report } from "@/lib/moderation/engine";
import { fieldErrorsOf } from "@/lib/validation/issues";
import { commentKind } from "./kind";
import { commentReportSchema } from "./schemas";

export async function reportComment(actor: Pick<SessionUser, "id"> | null, values: Record<string, unknown>, now = new Date()) {
  if (!actor) throw Unauthenticated();
  const parsed = commentReportSchema.safeParse(values);
  if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
  const { commentId, reason, details } = parsed.data;
  return report(commentKind, actor, { id: commentId, reason, details }, now);
}
