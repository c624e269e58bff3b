// No lost update: every object a moderator edits in a form (a call with its questions and glossary, a message
// set's title and introduction, a section's heading, a paragraph, a tag, an excerpt) has a `revision`, counted
// up by each save of it. Its form posts the revision it was opened at; the save, under the object's row lock,
// compares it with the stored one. A save from an older revision is refused with a Conflict that carries the
// stored values under the form's field names (`EditConflict`, lib/errors.ts), and who saved them when the
// audit log knows: the form shows their version beside the person's own, which it keeps, and posts the new
// revision with the next save, which then replaces theirs knowingly.
//
// A form that sends no revision (an old page, a script) is not checked: the save goes through as before.
import "server-only";
import type { DbClient } from "@/lib/db";
import { Conflict } from "@/lib/errors";

type Tx = Pick<DbClient, "auditEntry" | "user">;

/** Who saved the item last and when, from its latest audit entry (null when nobody is recorded). */
async function lastSave(tx: Tx, itemType: string, itemId: string, actions?: readonly string[]) {
  const entry = await tx.auditEntry.findFirst({
    where: { itemType, itemId, ...(actions && { action: { in: [...actions] } }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, actorId: true },
  });
  if (!entry) return null;
  const actor = entry.actorId
    ? await tx.user.findUnique({
        where: { id: entry.actorId },
        select: { email: true, profile: { select: { displayName: true } } },
      })
    : null;
  return { at: entry.createdAt, by: actor ? (actor.profile?.displayName ?? actor.email) : null };
}

/**
 * Throws a Conflict when the form was opened at an older revision than the stored one. `current` gives the
 * stored values as the form names them; it is only called on a conflict.
 */
export async function checkRevision(
  tx: Tx,
  /** The item as the audit log names it (`actions`: only these of its entries are its saves). */
  item: { type: string; id: string; revision: number; actions?: readonly string[] },
  expected: number | undefined,
  current: () => Record<string, string> | Promise<Record<string, string>>,
): Promise<void> {
  if (expected === undefined || expected === item.revision) return;
  const saved = await lastSave(tx, item.type, item.id, item.actions);
  const at = saved?.at ?? new Date();
  const error = saved?.by ? Conflict("editedMeanwhileBy", { by: saved.by, at }) : Conflict("editedMeanwhile", { at });
  error.conflict = { revision: item.revision, current: await current() };
  throw error;
}

/** The data of a save: the revision counted up. */
export const nextRevision = { revision: { increment: 1 } } as const;
