// Reading the audit log: an administrator reads every entry, a facilitator those of their forums' calls and
// of the forums themselves (entries about accounts are the administrators' alone); newest first, filtered by action, item type, actor, call and
// date range (days in UTC, both ends included), a page at a time by id (keyset: stable while entries arrive).
// Each entry names its actor (while the account exists) and its item (lib/audit/items.ts: by name, with the
// page to look at it on, where it still exists and is of the reader's forums), both looked up for the whole
// page at once.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, can, forumScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { MODERATION_LIMITS, type AuditQuery } from "@/lib/moderation/schemas";
import { resolveAuditItems } from "./items";

const DAY = 24 * 60 * 60 * 1000;

function whereOf(query: AuditQuery): Prisma.AuditEntryWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (query.from) createdAt.gte = new Date(`${query.from}T00:00:00Z`);
  if (query.to) createdAt.lt = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY);
  return {
    ...(query.action && { action: query.action }),
    ...(query.itemType && { itemType: query.itemType }),
    ...(query.actor && { actorId: query.actor === "system" ? null : query.actor }),
    ...(query.call && { callId: query.call }),
    ...((query.from || query.to) && { createdAt }),
    ...(query.before && { id: { lt: BigInt(query.before) } }),
  };
}

type Reader = Pick<SessionUser, "id" | "role" | "forums">;

/** The entries the actor may read: all for an administrator, else those of the calls and forums in scope
 *  (a global moderator's scope is every forum, still not the entries about accounts). */
async function readable(actor: Reader): Promise<Prisma.AuditEntryWhereInput> {
  if (can(actor, "accounts.manage")) return {};
  const scope = forumScope(actor, "audit.read");
  if (scope === "all") return { OR: [{ callId: { not: null } }, { forumId: { not: null } }] };
  const calls = await db.call.findMany({ where: { forumId: { in: scope } }, select: { id: true } });
  return { OR: [{ callId: { in: calls.map((call) => call.id) } }, { forumId: { in: scope } }] };
}

export async function listAuditEntries(actor: Reader, query: AuditQuery) {
  authorize(actor, "audit.read");
  const size = MODERATION_LIMITS.auditPageSize;
  // The actor filter takes an account's email, its id, or "system".
  if (query.actor?.includes("@")) {
    const user = await db.user.findUnique({ where: { email: query.actor.toLowerCase() }, select: { id: true } });
    query = { ...query, actor: user?.id ?? "-" };
  }
  const rows = await db.auditEntry.findMany({
    where: { AND: [await readable(actor), whereOf(query)] },
    orderBy: { id: "desc" },
    take: size + 1,
    select: {
      id: true,
      actorId: true,
      actorRole: true,
      action: true,
      itemType: true,
      itemId: true,
      callId: true,
      before: true,
      after: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, size);
  const actorIds = [...new Set(page.map((row) => row.actorId).filter((id): id is string => id !== null))];
  // Entries outlive accounts: a name is shown only while the account still exists.
  const [people, items] = await Promise.all([
    db.user.findMany({
      where: { id: { in: actorIds } },
      select: { id: true, email: true, profile: { select: { displayName: true } } },
    }),
    resolveAuditItems(actor, page),
  ]);
  const names = new Map(people.map((p) => [p.id, p.profile?.displayName ?? p.email]));
  return {
    entries: page.map((row) => ({
      ...row,
      id: row.id.toString(),
      actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
      item: items.get(`${row.itemType}:${row.itemId}`) ?? null,
    })),
    nextBefore: rows.length > size ? page[page.length - 1]!.id.toString() : null,
  };
}

/** The choices of the filter form: actions and item types that occur, and the calls. */
export async function auditFilterChoices(actor: Reader) {
  authorize(actor, "audit.read");
  const where = await readable(actor);
  const scope = forumScope(actor, "audit.read");
  const [actions, itemTypes, calls] = await Promise.all([
    db.auditEntry.findMany({ where, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditEntry.findMany({ where, distinct: ["itemType"], select: { itemType: true }, orderBy: { itemType: "asc" } }),
    db.call.findMany({
      where: scope === "all" ? {} : { forumId: { in: scope } },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
  ]);
  return { actions: actions.map((a) => a.action), itemTypes: itemTypes.map((i) => i.itemType), calls };
}
