import type { Role } from "@/lib/generated/prisma/enums";

const rank: Record<Role, number> = { STAKEHOLDER: 0, MODERATOR: 1, ADMIN: 2 };

/** Roles are ordered: an administrator may do what a moderator may, a moderator what a stakeholder may. */
export function hasRole(role: Role, atLeast: Role) {
  return rank[role] >= rank[atLeast];
}

/**
 * The roles an administrator can give. Moderator, the global rank from before forums, can no longer be
 * given: rights to moderate are held in forums (facilitator, observer). An account that still has it keeps it
 * (facilitator of every forum) until an administrator changes it.
 */
export const GRANTABLE_ROLES = ["STAKEHOLDER", "ADMIN"] as const satisfies readonly Role[];
