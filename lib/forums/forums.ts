// Forums, the unit of responsibility (issue 15): administrators ("forums.manage") list, create and edit them.
// Who runs a forum is ./appointments.ts. Every change is audited in its own transaction, with the forum's id.
import "server-only";
import { checkRevision, nextRevision } from "@/lib/edits/revision";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, isUniqueViolation, NotFound, onField } from "@/lib/errors";
import type { ForumRole } from "@/lib/generated/prisma/enums";
import type { ForumInput, ForumUpdateInput } from "./schemas";

const forumSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  description: true,
  contactEmail: true,
  facilitatorsMayAppoint: true,
  publicationAbout: true,
  publicationContact: true,
  logoType: true,
  logoUpdatedAt: true,
  revision: true,
} as const;

/** The fields of a forum as the audit log and the editor keep them. */
const EDITABLE = [
  "slug",
  "name",
  "kind",
  "description",
  "contactEmail",
  "facilitatorsMayAppoint",
  "publicationAbout",
  "publicationContact",
] as const;

const actorOf = (actor: SessionUser) => ({ id: actor.id, role: actor.role });

/** Every forum with its number of calls, facilitators and observers, by name: administrators only. */
export async function listForums(actor: SessionUser) {
  authorize(actor, "forums.manage");
  const [forums, parts] = await Promise.all([
    db.forum.findMany({
      orderBy: { name: "asc" },
      select: { id: true, slug: true, name: true, kind: true, _count: { select: { calls: true } } },
    }),
    db.forumAppointment.groupBy({ by: ["forumId", "role"], _count: { _all: true } }),
  ]);
  const count = (forumId: string, role: ForumRole) =>
    parts.find((part) => part.forumId === forumId && part.role === role)?._count._all ?? 0;
  return forums.map(({ _count, ...forum }) => ({
    ...forum,
    calls: _count.calls,
    facilitators: count(forum.id, "FACILITATOR"),
    observers: count(forum.id, "OBSERVER"),
  }));
}

/** One forum as its editor shows it: administrators only; an unknown id is "forumNotFound". */
export async function getForumForEditing(actor: SessionUser, forumId: string) {
  authorize(actor, "forums.manage");
  const forum = await db.forum.findUnique({ where: { id: forumId }, select: forumSelect });
  if (!forum) throw NotFound("forumNotFound");
  return forum;
}

/** A duplicate address becomes a message on the slug field; everything else passes through. */
async function slugConflictAware<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw onField(Conflict("forumSlugTaken"), "slug");
    throw error;
  }
}

export async function createForum(actor: SessionUser, input: ForumInput) {
  authorize(actor, "forums.manage");
  return slugConflictAware(() =>
    db.$transaction(async (tx) => {
      const forum = await tx.forum.create({ data: input, select: forumSelect });
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "forum.create",
        itemType: "forum",
        itemId: forum.id,
        forumId: forum.id,
        after: pick(forum),
      });
      return forum;
    }),
  );
}

/**
 * Saves the forum's fields; the audit entry holds the fields that changed (none: no entry). `revision`: the
 * one the form was opened at; a save from an older one is refused with the stored fields (lib/edits/revision.ts).
 */
export async function updateForum(actor: SessionUser, { forumId, revision, ...input }: ForumUpdateInput) {
  authorize(actor, "forums.manage");
  return slugConflictAware(() =>
    db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM forums WHERE id = ${forumId} FOR NO KEY UPDATE`;
      if (!locked) throw NotFound("forumNotFound");
      const before = await tx.forum.findUniqueOrThrow({ where: { id: forumId }, select: forumSelect });
      await checkRevision(tx, { type: "forum", id: forumId, revision: before.revision }, revision, () => ({
        ...Object.fromEntries(EDITABLE.map((field) => [field, String(before[field])])),
        facilitatorsMayAppoint: before.facilitatorsMayAppoint ? "true" : "",
      }));
      const forum = await tx.forum.update({ where: { id: forumId }, data: { ...input, ...nextRevision }, select: forumSelect });
      const changed = EDITABLE.filter((field) => before[field] !== forum[field]);
      if (changed.length)
        await recordAudit(tx, {
          actor: actorOf(actor),
          action: "forum.update",
          itemType: "forum",
          itemId: forumId,
          forumId,
          before: pick(before, changed),
          after: pick(forum, changed),
        });
      return forum;
    }),
  );
}

type ForumFields = Pick<ForumInput, (typeof EDITABLE)[number]>;

function pick(forum: ForumFields, fields: readonly (typeof EDITABLE)[number][] = EDITABLE) {
  return Object.fromEntries(fields.map((field) => [field, forum[field]]));
}
