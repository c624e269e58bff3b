// Actors for domain tests: real users in the test database, shaped as the session gives them.
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { ForumRole, Role } from "@/lib/generated/prisma/enums";
import { createAppointment, createUser } from "@/prisma/factories";

export async function actor(role: Role = "STAKEHOLDER"): Promise<SessionUser> {
  const user = await createUser(db, { role });
  return { id: user.id, email: user.email, name: null, role, forums: {}, hasProfile: true };
}

/** A stakeholder appointed to one forum as facilitator or observer, as the session gives them. */
export async function appointee(forumId: string, part: ForumRole): Promise<SessionUser> {
  const user = await createUser(db, { role: "STAKEHOLDER" });
  await createAppointment(db, { forumId, userId: user.id, role: part });
  return { id: user.id, email: user.email, name: null, role: "STAKEHOLDER", forums: { [forumId]: part }, hasProfile: true };
}

/**
 * A stakeholder whose reports count toward the automatic hide (lib/moderation/threshold.ts): an account
 * 30 days old with a published response.
 */
export async function establishedActor(): Promise<SessionUser> {
  const { createEstablishedUser } = await import("@/prisma/factories-moderation");
  const user = await createEstablishedUser(db);
  return { id: user.id, email: user.email, name: null, role: "STAKEHOLDER", forums: {}, hasProfile: true };
}
