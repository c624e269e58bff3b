import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/permissions";
import { endAllSessions } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { GRANTABLE_ROLES } from "@/lib/auth/roles";
import { Conflict, InvalidField, NotFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ChangeRoleInput } from "./schemas";

const PAGE_SIZE = 100;

/** Accounts with their roles, newest first, optionally matching an email or name: administrators only. */
export async function listAccounts(actor: SessionUser, { q }: { q?: string } = {}) {
  authorize(actor, "accounts.manage");
  return db.user.findMany({
    where: q
      ? {
          OR: [
            { email: { contains: q, mode: "insensitive" } },
            { profile: { displayName: { contains: q, mode: "insensitive" } } },
          ],
        }
      : undefined,
    orderBy: { createdAt: "desc" },
    take: PAGE_SIZE,
    select: { id: true, email: true, role: true, createdAt: true, profile: { select: { displayName: true } } },
  });
}

/**
 * Appoints or removes administrators (and moves a moderator from before forums to another role: the schema
 * refuses giving that role). The last administrator cannot step down. A changed
 * role ends all of the user's sessions: they sign in again, under the new role and its session lifetime.
 */
export async function changeRole(actor: SessionUser, { userId, role }: ChangeRoleInput) {
  authorize(actor, "accounts.manage");
  if (!(GRANTABLE_ROLES as readonly Role[]).includes(role)) throw InvalidField("role", "moderatorRoleRetired");
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!target) throw NotFound("userNotFound");
    if (target.role === "ADMIN" && role !== "ADMIN") {
      // Lock the administrators so two concurrent demotions cannot leave none.
      const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE role = 'ADMIN' FOR UPDATE`;
      if (admins.length <= 1) throw Conflict("lastAdmin");
    }
    const user = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, email: true, role: true } });
    if (target.role !== role) {
      await endAllSessions(tx, userId);
      await recordAudit(tx, {
        actor: { id: actor.id, role: actor.role },
        action: "user.role",
        itemType: "user",
        itemId: userId,
        before: { role: target.role },
        after: { role },
      });
    }
    return user;
  });
}
