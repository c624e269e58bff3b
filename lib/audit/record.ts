// Writing to the audit log: every moderator and administrator action calls `recordAudit` inside the same
// transaction as the change it records, so an entry exists exactly when the change does. The table is
// append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); entries name their actor by id and role.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

type Client = Pick<Prisma.TransactionClient, "auditEntry">;

export type AuditActor = { id: string; role: Role } | null;

export type AuditInput = {
  /** Null for the system, e.g. an item hidden automatically after N reports. */
  actor: AuditActor;
  /** A dotted verb: "response.hide", "response.restore", "report.create", "tag.create", "call.update", … */
  action: string;
  itemType: string;
  itemId: string;
  callId?: string | null;
  /** The forum, for an item of a forum but of no call (the forum itself, an appointment). */
  forumId?: string | null;
  /** Plain JSON of the fields that changed, before and after (never secrets, never whole rows). */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

export async function recordAudit(client: Client, entry: AuditInput): Promise<void> {
  await client.auditEntry.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      itemType: entry.itemType,
      itemId: entry.itemId,
      callId: entry.callId ?? null,
      forumId: entry.forumId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}

/** The same, outside a transaction (for actions whose change is a single statement already done). */
export const recordAuditNow = (entry: AuditInput) => recordAudit(db, entry);
