// Who moderates: whoever holds "items.moderate" in the forum of the item (lib/auth/permissions.ts), checked
// by each function on the item's forum (authorizeIn); observers of the forum read its queues. Reporting
// needs only a signed-in user with a profile and is not forum-scoped.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";

/** The acting user as moderation functions need them: who (for the audit) and their parts in forums. */
export type Moderator = Pick<SessionUser, "id" | "role"> & Partial<Pick<SessionUser, "forums">>;
