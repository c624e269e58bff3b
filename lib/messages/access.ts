// What every message-editing function starts with: a moderator, and the set's row locked for the rest of
// the transaction, so positions and version numbers are decided one change at a time.
import "server-only";
import { recordAudit, type AuditInput } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { Conflict, NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

export function requireModerator(actor: SessionUser) {
  authorize(actor, "messages.edit");
}

/** Locks the set row (FOR UPDATE) and returns its call and status; NotFound when there is no such set. */
export async function lockSet(tx: Tx, setId: string) {
  const [row] = await tx.$queryRaw<{ id: string; callId: string; status: string }[]>`
    SELECT id, "callId", status::text AS status FROM message_sets WHERE id = ${setId} FOR UPDATE`;
  if (!row) throw NotFound("messageSetNotFound");
  return row;
}

/** Locks the set for a change of its working copy: refused once a version is final (the text is settled). */
export async function lockWorkingCopy(tx: Tx, setId: string) {
  const row = await lockSet(tx, setId);
  if (row.status === "FINAL") throw Conflict("setFinal");
  return row;
}

export async function lockSetOfSection(tx: Tx, sectionId: string) {
  const section = await tx.messageSection.findUnique({ where: { id: sectionId }, select: { setId: true } });
  if (!section) throw NotFound("sectionNotFound");
  return lockWorkingCopy(tx, section.setId);
}

export async function lockSetOfParagraph(tx: Tx, paragraphId: string) {
  const paragraph = await tx.messageParagraph.findUnique({ where: { id: paragraphId }, select: { setId: true } });
  if (!paragraph) throw NotFound("paragraphNotFound");
  return lockWorkingCopy(tx, paragraph.setId);
}

/** An audit entry in the transaction of the change, naming the acting moderator. */
export function audit(tx: Tx, actor: SessionUser, entry: Omit<AuditInput, "actor">) {
  return recordAudit(tx, { actor: { id: actor.id, role: actor.role }, ...entry });
}
