// The one permission authority: who may do what, and in which forums. Every server-side check of a right
// goes through here; no other module compares roles (tests/unit/permissions.test.ts holds it to that).
//
// Rights are held in forums (ForumAppointment): a facilitator does everything a moderator does within the
// forum, an observer reads everything in it and changes nothing. A platform administrator holds every right
// everywhere. The global MODERATOR role predates forums and still counts as facilitator of every forum.
//
// - `can(actor, permission)`: does the actor hold it in some forum (menus, a page's first gate).
// - `can(actor, permission, forumId)`: in this forum.
// - `authorize(actor, permission)`: the same as `can` without a forum, throwing.
// - `authorizeIn(actor, permission, forumId, notFound)`: the check before acting on one forum's object.
//   An actor who may read the forum but not do this is Forbidden; one with no part in it is told the object
//   does not exist, exactly as for an unknown id, so a forged id reveals nothing.
// - `forumScope(actor, permission)`: the forums a list is narrowed to ("all" for an administrator).
import type { ForumRole, Role } from "@/lib/generated/prisma/enums";
import { Forbidden, NotFound, Unauthenticated, type PlainCode } from "@/lib/errors";
import { hasRole } from "./roles";

/** The least part in a forum that holds a forum permission. */
const FORUM_PERMISSIONS = {
  /** See the forum on the moderation pages: its calls with their counts, queues, coding, drafts. */
  "forum.read": "OBSERVER",
  /** Read a response's original files and every detail of it, whatever its consent. */
  "responses.readAll": "OBSERVER",
  /** Exact participation, targets and outreach. */
  "insights.read": "OBSERVER",
  /** Create, edit, publish and translate calls. */
  "calls.manage": "FACILITATOR",
  /** The moderation queues of responses and comments: approve, hide, restore, review reports. */
  "items.moderate": "FACILITATOR",
  /**
   * Record contributions received outside the form (an email, a mailing list post, a letter, a session's
   * summary), one by one or from a CSV file.
   */
  "responses.intake": "FACILITATOR",
  /** Tags, excerpts, campaigns (near-duplicate clusters). */
  "responses.curate": "FACILITATOR",
  /** Draft messages: sets, versions, citations, comment periods, answers to comments, translations. */
  "messages.edit": "FACILITATOR",
  /** Exports with personal data. */
  "exports.download": "FACILITATOR",
  /** The audit log of the forum's calls and of the forum itself (an administrator's covers everything). */
  "audit.read": "FACILITATOR",
  /**
   * The forum's outgoing emails (receipts, notifications, appointments) and its failed background jobs: their
   * state, failures and "retry now". The queues as a whole are the platform's (operations.manage).
   */
  "emails.manage": "FACILITATOR",
} as const satisfies Record<string, ForumRole>;

/** Rights of the platform, held by role alone. */
const PLATFORM_PERMISSIONS = {
  /** Create and edit forums. */
  "forums.manage": "ADMIN",
  /** Accounts and their roles. */
  "accounts.manage": "ADMIN",
  /** The email outbox and the job queues as a whole, the platform's own emails and jobs included. */
  "operations.manage": "ADMIN",
} as const satisfies Record<string, Role>;

export const PERMISSIONS = { ...FORUM_PERMISSIONS, ...PLATFORM_PERMISSIONS };

export type ForumPermission = keyof typeof FORUM_PERMISSIONS;
export type Permission = keyof typeof PERMISSIONS;

/** A person's part in each forum they are appointed to, by forum id. */
export type ForumRoles = Readonly<Record<string, ForumRole>>;
export type Actor = { role: Role; forums?: ForumRoles };

const rank: Record<ForumRole, number> = { OBSERVER: 0, FACILITATOR: 1 };

const isForumPermission = (permission: Permission): permission is ForumPermission => permission in FORUM_PERMISSIONS;

/** Whether a part in a forum holds the permission. */
function partHolds(part: ForumRole | undefined, permission: ForumPermission) {
  return part !== undefined && rank[part] >= rank[FORUM_PERMISSIONS[permission]];
}

/** The actor's part in a forum, counting the global moderator as facilitator of every forum. */
function partIn(actor: Actor, forumId: string): ForumRole | undefined {
  if (hasRole(actor.role, "MODERATOR")) return "FACILITATOR";
  return actor.forums?.[forumId];
}

export function can(actor: Actor | null | undefined, permission: Permission, forumId?: string): boolean {
  if (!actor) return false;
  if (actor.role === "ADMIN") return true;
  if (!isForumPermission(permission)) return hasRole(actor.role, PLATFORM_PERMISSIONS[permission]);
  if (forumId !== undefined) return partHolds(partIn(actor, forumId), permission);
  if (hasRole(actor.role, "MODERATOR")) return partHolds("FACILITATOR", permission);
  return Object.values(actor.forums ?? {}).some((part) => partHolds(part, permission));
}

/** Throws Unauthenticated without an actor and Forbidden without the permission in any forum; returns the actor. */
export function authorize<A extends Actor>(actor: A | null | undefined, permission: Permission): A {
  if (!actor) throw Unauthenticated();
  if (!can(actor, permission)) throw Forbidden();
  return actor;
}

/**
 * The check before acting on an object of one forum. `forumId` is the object's forum, or null when there is
 * no such object; `notFound` is the code an unknown id gets, and so does an object of a forum the actor has
 * no part in.
 */
export function authorizeIn<A extends Actor>(
  actor: A | null | undefined,
  permission: ForumPermission,
  forumId: string | null | undefined,
  notFound: PlainCode,
): A {
  authorize(actor, permission);
  if (!forumId || !can(actor, "forum.read", forumId)) throw NotFound(notFound);
  if (!can(actor, permission, forumId)) throw Forbidden();
  return actor!;
}

/** How the actor takes part in a forum, as the moderation pages say it: administrator of the platform,
 *  facilitator or observer, or not at all. */
export function partInForum(actor: Actor, forumId: string): ForumRole | "ADMIN" | null {
  if (actor.role === "ADMIN") return "ADMIN";
  return partIn(actor, forumId) ?? null;
}

/** Whether the actor holds any right beyond a stakeholder's (their sessions are short: lib/auth/session-lifetime.ts). */
export function isPrivileged(actor: Actor) {
  return actor.role !== "STAKEHOLDER" || Object.keys(actor.forums ?? {}).length > 0;
}

/**
 * Appointing and removing a forum's facilitators and observers: administrators, and the forum's own
 * facilitators when an administrator allowed it for that forum.
 */
export function canAppoint(actor: Actor | null | undefined, forum: { id: string; facilitatorsMayAppoint: boolean }) {
  if (!actor) return false;
  if (actor.role === "ADMIN") return true;
  return forum.facilitatorsMayAppoint && partIn(actor, forum.id) === "FACILITATOR";
}

/** The forums in which the actor holds the permission: "all" for an administrator (and a global moderator). */
export function forumScope(actor: Actor | null | undefined, permission: ForumPermission): "all" | string[] {
  if (!actor) return [];
  if (actor.role === "ADMIN") return "all";
  if (hasRole(actor.role, "MODERATOR")) return partHolds("FACILITATOR", permission) ? "all" : [];
  return Object.entries(actor.forums ?? {})
    .filter(([, part]) => partHolds(part, permission))
    .map(([forumId]) => forumId);
}

/** A Prisma filter on `forumId` narrowing a list to the actor's forums (no filter for "all"). */
export function forumFilter(actor: Actor | null | undefined, permission: ForumPermission) {
  const scope = forumScope(actor, permission);
  return scope === "all" ? {} : { forumId: { in: scope } };
}
