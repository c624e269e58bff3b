// Who may moderate: moderators and administrators. Reporting needs only a signed-in user with a profile.
import "server-only";
import { hasRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { Forbidden } from "@/lib/errors";

export type Moderator = Pick<SessionUser, "id" | "role">;

export function requireModerator(actor: Moderator) {
  if (!hasRole(actor.role, "MODERATOR")) throw Forbidden();
}

export function requireAdmin(actor: Moderator) {
  if (!hasRole(actor.role, "ADMIN")) throw Forbidden();
}
