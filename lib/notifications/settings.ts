// A person's email settings: the three kinds, the calls they follow, and the unsubscribe links (which need
// no sign-in: the token is the credential, and it only ever turns email off). Everything is scoped to the
// acting user's own id; there is no id to change.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound, Unauthenticated } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { KINDS, preferenceField } from "./kinds";
import { UNSUBSCRIBE_TOKEN, type NotificationSettingsInput } from "./schemas";
import { ensurePreferences, preferenceSelect } from "./tokens";

type Actor = Pick<SessionUser, "id"> | null;

function signedIn(actor: Actor): Pick<SessionUser, "id"> {
  if (!actor) throw Unauthenticated();
  return actor;
}

export async function getNotificationSettings(actor: Actor) {
  const { id } = signedIn(actor);
  const [preference, follows] = await Promise.all([
    db.notificationPreference.findUnique({
      where: { userId: id },
      select: { draftOpened: true, commentActivity: true, finalPublished: true },
    }),
    db.callFollow.findMany({
      where: { userId: id },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, call: { select: { id: true, slug: true, title: true } } },
    }),
  ]);
  return {
    // No row yet: every kind is on (the row is made with the first email or the first change).
    kinds: preference ?? { draftOpened: true, commentActivity: true, finalPublished: true },
    follows: follows.map((follow) => ({ ...follow.call, since: follow.createdAt })),
  };
}

export async function updateNotificationSettings(actor: Actor, input: NotificationSettingsInput) {
  const { id } = signedIn(actor);
  await db.$transaction(async (tx) => {
    await ensurePreferences(tx, [id]);
    await tx.notificationPreference.update({ where: { userId: id }, data: input, select: { userId: true } });
  });
}

export const turnOffAllEmails = (actor: Actor) =>
  updateNotificationSettings(actor, { draftOpened: false, commentActivity: false, finalPublished: false });

/** A published call, by id; NotFound otherwise (an unpublished call cannot be followed). */
async function publishedCall(callId: string) {
  const call = await db.call.findFirst({
    where: { id: callId, publishedAt: { lte: new Date() } },
    select: { id: true, slug: true, title: true },
  });
  if (!call) throw NotFound("callNotFound");
  return call;
}

/** Following twice is following once. */
export async function followCall(actor: Actor, callId: string) {
  const { id } = signedIn(actor);
  const call = await publishedCall(callId);
  await db.callFollow.upsert({
    where: { userId_callId: { userId: id, callId: call.id } },
    create: { userId: id, callId: call.id },
    update: {},
    select: { callId: true },
  });
  return call;
}

export async function unfollowCall(actor: Actor, callId: string) {
  const { id } = signedIn(actor);
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true, slug: true, title: true } });
  if (!call) throw NotFound("callNotFound");
  await db.callFollow.deleteMany({ where: { userId: id, callId } });
  return call;
}

export async function isFollowing(actor: Pick<SessionUser, "id">, callId: string) {
  return (await db.callFollow.count({ where: { userId: actor.id, callId } })) > 0;
}

/** The account behind an unsubscribe link and whether `kind` ("all": every kind) is already off. */
export async function findUnsubscribe(token: string, kind: NotificationKind | "all") {
  if (!UNSUBSCRIBE_TOKEN.test(token)) throw NotFound("unsubscribeTokenInvalid");
  const preference = await db.notificationPreference.findUnique({
    where: { unsubscribeToken: token },
    select: { ...preferenceSelect, user: { select: { email: true } } },
  });
  if (!preference) throw NotFound("unsubscribeTokenInvalid");
  const kinds = kind === "all" ? KINDS : [kind];
  return { email: preference.user.email, kind, off: kinds.every((k) => !preference[preferenceField[k]]) };
}

/** Turns `kind` (or every kind) off for the owner of the token. Pending jobs of it are cancelled at their turn. */
export async function unsubscribe(token: string, kind: NotificationKind | "all") {
  await findUnsubscribe(token, kind);
  const data: Prisma.NotificationPreferenceUpdateInput =
    kind === "all" ? { draftOpened: false, commentActivity: false, finalPublished: false } : { [preferenceField[kind]]: false };
  await db.notificationPreference.update({ where: { unsubscribeToken: token }, data, select: { userId: true } });
}
