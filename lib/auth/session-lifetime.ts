// How long a sign-in lasts. Stakeholders: 30 days, extended (at most once a day) while used. Privileged
// people (administrators, and anyone appointed to a forum), whose sessions can read confidential responses,
// hide content or change roles: at most 12 hours after signing in, and 2 hours without use. The adapter enforces this where a session is read (lib/auth/adapter.ts).
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 3600;
export const PRIVILEGED_ABSOLUTE_MS = 12 * HOUR;
export const PRIVILEGED_IDLE_MS = 2 * HOUR;
/** lastSeenAt is written at most this often per session, not on every request. */
export const LAST_SEEN_EVERY_MS = 5 * MINUTE;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expires: Date };

/** Whether a session has ended at `now`; `privileged` as `isPrivileged` (lib/auth/permissions.ts) says. */
export function sessionEnded(privileged: boolean, { createdAt, lastSeenAt, expires }: SessionTimes, now = new Date()) {
  const at = now.getTime();
  if (expires.getTime() <= at) return true;
  if (!privileged) return false;
  return at - createdAt.getTime() >= PRIVILEGED_ABSOLUTE_MS || at - lastSeenAt.getTime() >= PRIVILEGED_IDLE_MS;
}

export function lastSeenIsStale(lastSeenAt: Date, now = new Date()) {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS;
}
