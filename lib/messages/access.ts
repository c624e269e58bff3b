// What every message function starts with: the actor's right in the forum of the object (lib/auth), and for
// a change the set's row locked for the rest of the transaction, so positions and version numbers are
// decided one change at a time. The forum is checked before anything else about the object (its status,
// its periods): an object of a forum the actor has no part in is refused exactly as an unknown id.
import "server-only";
import { recordAudit, type AuditInput } from "@/lib/audit/record";
import { forumOf } from "@/lib/auth/forum-of";
import { authorize, authorizeIn } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { DbClient } from "@/lib/db";
import { Conflict, NotFound, type PlainCode } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

/** Reading drafts (observers may), or changing them (facilitators). */
export type MessagePermission = "forum.read" | "messages.edit";

type Kind = Parameters<typeof forumOf>[1];

/**
 * The first line of every message function: the permission in some forum, checked before any query, so a
 * stakeholder is refused at once (no transaction is opened for them). The object's own forum is checked next,
 * by authorizeOn or a lock below.
 */
export function requireRight(actor: SessionUser, permission: MessagePermission) {
  authorize(actor, permission);
}

/**
 * The check before reading or changing one object: Forbidden without the permission in the object's forum
 * (when the actor may read it), NotFound(`notFound`) when there is no such object or the actor has no part
 * in its forum. Returns the forum's id.
 */
export async function authorizeOn(
  client: DbClient,
  actor: SessionUser,
  permission: MessagePermission,
  kind: Kind,
  id: string,
  notFound: PlainCode,
) {
  const forumId = await forumOf(client, kind, id);
  authorizeIn(actor, permission, forumId, notFound);
  return forumId!;
}

type SetRow = { id: string; callId: string; status: string };

/** Locks the set row (FOR UPDATE); NotFound when it is gone. No permission check: callers have made it. */
async function lockRow(tx: Tx, setId: string) {
  const [row] = await tx.$queryRaw<SetRow[]>`
    SELECT id, "callId", status::text AS status FROM message_sets WHERE id = ${setId} FOR UPDATE`;
  if (!row) throw NotFound("messageSetNotFound");
  return row;
}

function refuseFinal(row: SetRow) {
  if (row.status === "FINAL") throw Conflict("setFinal");
  return row;
}

/**
 * Checks the actor may edit messages in the set's forum, then locks the set row and returns its call and
 * status; NotFound when there is no such set (or it is of a forum the actor has no part in).
 */
export async function lockSet(tx: Tx, actor: SessionUser, setId: string) {
  await authorizeOn(tx, actor, "messages.edit", "messageSet", setId, "messageSetNotFound");
  return lockRow(tx, setId);
}

/** Locks the set for a change of its working copy: refused once a version is final (the text is settled). */
export async function lockWorkingCopy(tx: Tx, actor: SessionUser, setId: string) {
  return refuseFinal(await lockSet(tx, actor, setId));
}

export async function lockSetOfSection(tx: Tx, actor: SessionUser, sectionId: string) {
  await authorizeOn(tx, actor, "messages.edit", "section", sectionId, "sectionNotFound");
  const section = await tx.messageSection.findUnique({ where: { id: sectionId }, select: { setId: true } });
  if (!section) throw NotFound("sectionNotFound");
  return refuseFinal(await lockRow(tx, section.setId));
}

/** `notFound`: the code for an unknown id of what led to the paragraph (a citation's is "citationNotFound"). */
export async function lockSetOfParagraph(
  tx: Tx,
  actor: SessionUser,
  paragraphId: string,
  notFound: PlainCode = "paragraphNotFound",
) {
  await authorizeOn(tx, actor, "messages.edit", "paragraph", paragraphId, notFound);
  const paragraph = await tx.messageParagraph.findUnique({ where: { id: paragraphId }, select: { setId: true } });
  if (!paragraph) throw NotFound(notFound);
  return refuseFinal(await lockRow(tx, paragraph.setId));
}

/** Checks the actor may edit messages in the version's forum, then locks its set; NotFound as for an unknown id. */
export async function lockSetOfVersion(tx: Tx, actor: SessionUser, versionId: string) {
  await authorizeOn(tx, actor, "messages.edit", "version", versionId, "versionNotFound");
  const version = await tx.messageSetVersion.findUnique({ where: { id: versionId }, select: { setId: true } });
  if (!version) throw NotFound("versionNotFound");
  return lockRow(tx, version.setId);
}

/** An audit entry in the transaction of the change, naming the acting facilitator. */
export function audit(tx: Tx, actor: SessionUser, entry: Omit<AuditInput, "actor">) {
  return recordAudit(tx, { actor: { id: actor.id, role: actor.role }, ...entry });
}
