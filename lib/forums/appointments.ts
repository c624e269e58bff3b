// Who runs a forum (issue 15): its people, as facilitator or observer, appointed by an administrator or, where
// an administrator allowed it, by the forum's own facilitators (canAppoint in lib/auth/permissions.ts).
//
// - The people of a forum are listed to whoever may read the forum ("forum.read", observers too); anyone
//   else is told the forum does not exist, exactly as for an unknown id.
// - Appointing an unknown address creates the account (never signed in: the appointment is pending) and
//   invites the person; a known person is told by email, in their language. A change of part and a removal
//   are emailed too (./appointment-mail.ts).
// - Nobody appoints themselves or changes their own appointment, except administrators.
// - The last facilitator who can act (who has signed in) of a forum with a call open for contributions is
//   not removed or made an observer: someone must be able to moderate the call until it closes.
// - Each change locks the forum's row first (FOR NO KEY UPDATE: calls and appointments may still point to
//   it), so changes in one forum happen one after another: two removals cannot both pass the
//   last-facilitator check, and a form sent twice finds its own appointment and changes nothing.
// - Each change is audited in its transaction ("forum.appoint", "forum.appointment.change",
//   "forum.appointment.remove"; the person by id, never by address).
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { can, canAppoint, type ForumRoles } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import type { ForumRole } from "@/lib/generated/prisma/enums";
import { queueAppointmentMail, type Appointee } from "./appointment-mail";
import type { AppointInput, AppointmentChangeInput, AppointmentRemoveInput } from "./schemas";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type LockedForum = { id: string; name: string; facilitatorsMayAppoint: boolean };

/** What a change did: "unchanged" when the appointment already was as asked (a form sent twice). */
export type AppointmentOutcome = {
  outcome: "appointed" | "changed" | "removed" | "unchanged";
  /** The person as the page names them: their name, else their address. */
  person: string;
  role: ForumRole;
  /** Never signed in: an invitation went out instead of a notice. */
  pending: boolean;
};

const personSelect = {
  id: true,
  email: true,
  emailVerified: true,
  locale: true,
  profile: { select: { displayName: true } },
} as const;
type PersonRow = {
  id: string;
  email: string;
  emailVerified: Date | null;
  locale: string | null;
  profile: { displayName: string } | null;
};

const appointee = (user: PersonRow): Appointee => ({
  id: user.id,
  email: user.email,
  locale: user.locale,
  name: user.profile?.displayName ?? null,
});
const outcomeOf = (outcome: AppointmentOutcome["outcome"], user: PersonRow, role: ForumRole): AppointmentOutcome => ({
  outcome,
  person: user.profile?.displayName ?? user.email,
  role,
  pending: user.emailVerified === null,
});
const actorOf = (actor: SessionUser) => ({ id: actor.id, role: actor.role });

/** The people of a forum, facilitators first: for anyone who may read the forum. */
export async function listForumPeople(actor: SessionUser, forumId: string) {
  if (!can(actor, "forum.read", forumId)) throw NotFound("forumNotFound");
  const forum = await db.forum.findUnique({
    where: { id: forumId },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      description: true,
      contactEmail: true,
      facilitatorsMayAppoint: true,
      appointments: {
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          role: true,
          createdAt: true,
          user: { select: { id: true, email: true, emailVerified: true, profile: { select: { displayName: true } } } },
          appointedBy: { select: { email: true, profile: { select: { displayName: true } } } },
        },
      },
    },
  });
  if (!forum) throw NotFound("forumNotFound");
  const { appointments, ...rest } = forum;
  const mayAppoint = canAppoint(actor, forum);
  return {
    forum: rest,
    mayAppoint,
    people: appointments.map(({ id, role, createdAt, user, appointedBy }) => ({
      id,
      role,
      since: createdAt,
      userId: user.id,
      /** Their name, else (no profile yet) their address. */
      name: user.profile?.displayName ?? user.email,
      /** The address too, for those who appoint (to tell two people of one name apart). */
      email: mayAppoint ? user.email : null,
      pending: user.emailVerified === null,
      appointedBy: appointedBy ? (appointedBy.profile?.displayName ?? appointedBy.email) : null,
      /** The reader's own appointment: no buttons on it unless they manage forums. */
      own: user.id === actor.id,
    })),
  };
}

/**
 * Locks the forum's row and checks, against the forum and the actor's part as they are now, that the actor
 * may appoint there. No part in the forum: "forumNotFound", as for an unknown id.
 */
async function lockForAppointing(tx: Tx, actor: SessionUser, forumId: string): Promise<LockedForum> {
  if (!can(actor, "forum.read", forumId)) throw NotFound("forumNotFound");
  const [forum] = await tx.$queryRaw<LockedForum[]>`
    SELECT id, name, "facilitatorsMayAppoint" FROM forums WHERE id = ${forumId} FOR NO KEY UPDATE`;
  if (!forum) throw NotFound("forumNotFound");
  const mine = await tx.forumAppointment.findUnique({
    where: { forumId_userId: { forumId, userId: actor.id } },
    select: { role: true },
  });
  const forums: ForumRoles = Object.fromEntries([
    ...Object.entries(actor.forums).filter(([id]) => id !== forumId),
    ...(mine ? [[forumId, mine.role] as const] : []),
  ]);
  if (!can({ role: actor.role, forums }, "forum.read", forumId)) throw NotFound("forumNotFound");
  if (!canAppoint({ role: actor.role, forums }, forum)) throw Forbidden();
  return forum;
}

/** Administrators may appoint themselves and change their own part; nobody else may. */
function refuseOwn(actor: SessionUser, userId: string) {
  if (userId === actor.id && !can(actor, "forums.manage")) throw Forbidden("ownAppointment");
}

/**
 * Refuses to take away the last facilitator who can act (has signed in) from a forum with a call open for
 * contributions (published, opened, not closed: lib/calls/status.ts). A pending facilitator can always go.
 */
async function keepOneFacilitator(tx: Tx, forumId: string, appointment: { id: string; user: PersonRow }, now: Date) {
  if (appointment.user.emailVerified === null) return;
  const open = await tx.call.findFirst({
    where: { forumId, publishedAt: { not: null }, opensAt: { lte: now }, closesAt: { gt: now } },
    select: { id: true },
  });
  if (!open) return;
  const others = await tx.forumAppointment.count({
    where: { forumId, role: "FACILITATOR", id: { not: appointment.id }, user: { emailVerified: { not: null } } },
  });
  if (others === 0) throw Conflict("lastFacilitator");
}

/** Appoints a person by address, or changes their part when they are appointed already. */
export async function appoint(actor: SessionUser, input: AppointInput, now = new Date()): Promise<AppointmentOutcome> {
  return db.$transaction(async (tx) => {
    const forum = await lockForAppointing(tx, actor, input.forumId);
    const known = await tx.user.findUnique({ where: { email: input.email }, select: personSelect });
    if (known) refuseOwn(actor, known.id);
    // A new person: an account that has never signed in, in the language the invitation is written in.
    const user =
      known ??
      (await tx.user.upsert({
        where: { email: input.email },
        create: { email: input.email, emailVerified: null, locale: input.locale ?? null },
        update: {},
        select: personSelect,
      }));
    const existing = await tx.forumAppointment.findUnique({
      where: { forumId_userId: { forumId: forum.id, userId: user.id } },
      select: { id: true, role: true },
    });
    if (existing) return changePart(tx, actor, forum, { ...existing, user }, input.role, now);
    const appointment = await tx.forumAppointment.create({
      data: { forumId: forum.id, userId: user.id, role: input.role, appointedById: actor.id },
      select: { id: true, createdAt: true },
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "forum.appoint",
      itemType: "forumAppointment",
      itemId: appointment.id,
      forumId: forum.id,
      after: { userId: user.id, role: input.role, pending: user.emailVerified === null },
    });
    await queueAppointmentMail(tx, {
      person: appointee(user),
      forum,
      role: input.role,
      event: { kind: "appointed", invited: user.emailVerified === null },
      key: `${appointment.id}:${appointment.createdAt.getTime()}`,
    });
    return outcomeOf("appointed", user, input.role);
  });
}

type Held = { id: string; role: ForumRole; user: PersonRow };

/** An appointment of this forum, with its person: "appointmentNotFound" for any other id. */
async function heldAppointment(tx: Tx, forumId: string, appointmentId: string): Promise<Held> {
  const appointment = await tx.forumAppointment.findFirst({
    where: { id: appointmentId, forumId },
    select: { id: true, role: true, user: { select: personSelect } },
  });
  if (!appointment) throw NotFound("appointmentNotFound");
  return appointment;
}

async function changePart(tx: Tx, actor: SessionUser, forum: LockedForum, held: Held, role: ForumRole, now: Date) {
  refuseOwn(actor, held.user.id);
  if (held.role === role) return outcomeOf("unchanged", held.user, role);
  if (held.role === "FACILITATOR") await keepOneFacilitator(tx, forum.id, held, now);
  const updated = await tx.forumAppointment.update({ where: { id: held.id }, data: { role }, select: { updatedAt: true } });
  await recordAudit(tx, {
    actor: actorOf(actor),
    action: "forum.appointment.change",
    itemType: "forumAppointment",
    itemId: held.id,
    forumId: forum.id,
    before: { userId: held.user.id, role: held.role },
    after: { userId: held.user.id, role },
  });
  await queueAppointmentMail(tx, {
    person: appointee(held.user),
    forum,
    role,
    event: { kind: "changed", invited: held.user.emailVerified === null },
    key: `${held.id}:${updated.updatedAt.getTime()}`,
  });
  return outcomeOf("changed", held.user, role);
}

/** Makes an appointed person facilitator or observer of the forum. */
export async function changeAppointment(actor: SessionUser, input: AppointmentChangeInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const forum = await lockForAppointing(tx, actor, input.forumId);
    const held = await heldAppointment(tx, forum.id, input.appointmentId);
    return changePart(tx, actor, forum, held, input.role, now);
  });
}

/** Ends an appointment; the person is told by email. */
export async function removeAppointment(actor: SessionUser, input: AppointmentRemoveInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const forum = await lockForAppointing(tx, actor, input.forumId);
    const held = await heldAppointment(tx, forum.id, input.appointmentId);
    refuseOwn(actor, held.user.id);
    if (held.role === "FACILITATOR") await keepOneFacilitator(tx, forum.id, held, now);
    await tx.forumAppointment.delete({ where: { id: held.id }, select: { id: true } });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "forum.appointment.remove",
      itemType: "forumAppointment",
      itemId: held.id,
      forumId: forum.id,
      before: { userId: held.user.id, role: held.role },
    });
    await queueAppointmentMail(tx, {
      person: appointee(held.user),
      forum,
      role: held.role,
      event: { kind: "removed" },
      key: `${held.id}:${now.getTime()}`,
    });
    return outcomeOf("removed", held.user, held.role);
  });
}
