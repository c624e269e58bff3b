// Who may moderate: moderators and administrators. Reporting needs only a signed-in user with a profile.
import "server-only";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

export type Moderator = Pick<SessionUser, "id" | "role">;

export function requireModerator(actor: Moderator) {
  authorize(actor, "items.moderate");
}
