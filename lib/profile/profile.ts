import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { ProfileInput } from "./schemas";

const profileSelect = {
  displayName: true,
  stakeholderGroup: true,
  region: true,
  country: true,
  organisation: true,
  onBehalfOf: true,
} as const;

/** The acting user's own profile; nobody reads another person's profile through this. */
export async function getOwnProfile(actor: Pick<SessionUser, "id">) {
  return db.profile.findUnique({ where: { userId: actor.id }, select: profileSelect });
}

export async function saveOwnProfile(actor: Pick<SessionUser, "id">, input: ProfileInput) {
  return db.profile.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, ...input },
    update: input,
    select: profileSelect,
  });
}
