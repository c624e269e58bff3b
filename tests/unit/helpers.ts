// Actors for domain tests: real users in the test database, shaped as the session gives them.
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser } from "@/prisma/factories";

export async function actor(role: Role = "STAKEHOLDER"): Promise<SessionUser> {
  const user = await createUser(db, { role });
  return { id: user.id, email: user.email, name: null, role, hasProfile: true };
}

/**
 * A stakeholder whose reports count toward the automatic hide (lib/moderation/threshold.ts): an account
 * 30 days old with a published response.
 */
export async function establishedActor(): Promise<SessionUser> {
  const { createEstablishedUser } = await import("@/prisma/factories-moderation");
  const user = await createEstablishedUser(db);
  return { id: user.id, email: user.email, name: null, role: "STAKEHOLDER", hasProfile: true };
}
