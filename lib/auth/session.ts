// Who is asking. Every protected page, action and route handler calls one of these itself; the proxy
// does no authorization.
import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { authOptions } from "./options";
import { can, type ForumRoles, type Permission } from "./permissions";
import { hasRole } from "./roles";

/** `forums`: the person's part in each forum they are appointed to (lib/auth/permissions.ts). */
export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  forums: ForumRoles;
  hasProfile: boolean;
};

/** The signed-in user of this request, or null. Sessions are looked up in the database on every call. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
});

/** For pages: sends a visitor to sign in, and (unless `profile: false`) a new user to the profile form. */
export async function requireUser({ returnTo = "/", profile = true } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (profile && !user.hasProfile) redirect(`/profile?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: as requireUser, then answers 403 to a user below `role`. */
export async function requireRole(role: Role, options?: { returnTo?: string }): Promise<SessionUser> {
  const user = await requireUser({ returnTo: options?.returnTo, profile: false });
  if (!hasRole(user.role, role)) forbidden();
  return user;
}

/**
 * For pages: as requireUser, then answers 403 to a user who holds `permission` in no forum. The domain
 * function behind the page then checks the forum of what it shows (lib/auth/permissions.ts).
 */
export async function requirePermission(permission: Permission, options?: { returnTo?: string }): Promise<SessionUser> {
  const user = await requireUser({ returnTo: options?.returnTo, profile: false });
  if (!can(user, permission)) forbidden();
  return user;
}

/** For server actions and route handlers: throws a typed error instead of redirecting. */
export async function authorize(role: Role = "STAKEHOLDER"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw Unauthenticated();
  if (!hasRole(user.role, role)) throw Forbidden();
  return user;
}
