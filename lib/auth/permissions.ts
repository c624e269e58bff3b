// The one permission authority: which role each action needs. Every server-side check of a role goes through
// `can` (a yes/no, e.g. for what a viewer may see) or `authorize` (throws Forbidden); no other module compares
// roles (tests/unit/permissions.test.ts holds it to that). Pages refuse early with requireRole
// (lib/auth/session.ts), and the domain function behind them checks again here.
//
// Roles are global today (lib/auth/roles.ts orders them). The actions are named so that scoping them to a
// forum (a facilitator or observer of one forum) changes this module and its callers' scope argument, not
// the list of checks.
import type { Role } from "@/lib/generated/prisma/enums";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import { hasRole } from "./roles";

export const PERMISSIONS = {
  /** Create, edit, publish and translate calls; list every call with its counts. */
  "calls.manage": "MODERATOR",
  /** The moderation queues of responses and comments: approve, hide, restore, review reports. */
  "items.moderate": "MODERATOR",
  /** Tags, excerpts, campaigns (near-duplicate clusters). */
  "responses.curate": "MODERATOR",
  /** Read a response's original files and every detail of it, whatever its consent. */
  "responses.readAll": "MODERATOR",
  /** Draft messages: sets, versions, citations, comment periods, answers to comments, translations. */
  "messages.edit": "MODERATOR",
  /** Exports with personal data. */
  "exports.download": "MODERATOR",
  /** Exact participation, targets and outreach. */
  "insights.read": "MODERATOR",
  /** Accounts and their roles. */
  "accounts.manage": "ADMIN",
  /** The audit log. */
  "audit.read": "ADMIN",
  /** The email outbox and the job queue. */
  "operations.manage": "ADMIN",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

type Actor = { role: Role } | null | undefined;

export function can(actor: Actor, permission: Permission): boolean {
  return Boolean(actor && hasRole(actor.role, PERMISSIONS[permission]));
}

/** Throws Unauthenticated without an actor and Forbidden without the permission; returns the actor. */
export function authorize<A extends { role: Role }>(actor: A | null | undefined, permission: Permission): A {
  if (!actor) throw Unauthenticated();
  if (!can(actor, permission)) throw Forbidden();
  return actor;
}
