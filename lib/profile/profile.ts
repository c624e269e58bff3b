import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/config";
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

/** The acting user's language (for emails, and the site after sign-in), or null while none is chosen. */
export async function getOwnLocale(actor: Pick<SessionUser, "id">): Promise<Locale | null> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { locale: true } });
  return isLocale(user?.locale ?? undefined) ? (user!.locale as Locale) : null;
}

/** The profile, and the language kept on the user (User.locale) when one is given, in one transaction. */
export async function saveOwnProfile(actor: Pick<SessionUser, "id">, { locale, ...input }: ProfileInput) {
  const [profile] = await db.$transaction([
    db.profile.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, ...input },
      update: input,
      select: profileSelect,
    }),
    ...(locale ? [db.user.update({ where: { id: actor.id }, data: { locale }, select: { id: true } })] : []),
  ]);
  return profile;
}

/** The language alone: the language switcher, used by a signed-in person. */
export async function saveOwnLocale(actor: Pick<SessionUser, "id">, locale: Locale) {
  await db.user.update({ where: { id: actor.id }, data: { locale }, select: { id: true } });
  return { locale };
}
