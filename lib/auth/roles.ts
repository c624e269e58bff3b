import type { Role } from "@/lib/generated/prisma/enums";

const rank: Record<Role, number> = { STAKEHOLDER: 0, MODERATOR: 1, ADMIN: 2 };

/** Roles are ordered: an administrator may do what a moderator may, a moderator what a stakeholder may. */
export function hasRole(role: Role, atLeast: Role) {
  return rank[role] >= rank[atLeast];
}

export const ROLES: readonly Role[] = ["STAKEHOLDER", "MODERATOR", "ADMIN"];
