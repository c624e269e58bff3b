// Each user's unsubscribe token lives on their NotificationPreference row, made on first need with every
// kind on: 32 random bytes, base64url. It never changes, so links in older emails keep working.
// No "server-only": imported by events.ts, which the browser tests use outside Next.js.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export const newUnsubscribeToken = () => randomBytes(32).toString("base64url");

/** The preference rows of these users, created (all kinds on) for those who have none yet. */
export async function ensurePreferences(tx: Tx, userIds: string[]) {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map<string, PreferenceRow>();
  await tx.notificationPreference.createMany({
    data: ids.map((userId) => ({ userId, unsubscribeToken: newUnsubscribeToken() })),
    skipDuplicates: true,
  });
  const rows = await tx.notificationPreference.findMany({ where: { userId: { in: ids } }, select: preferenceSelect });
  return new Map(rows.map((row) => [row.userId, row]));
}

export const preferenceSelect = {
  userId: true,
  draftOpened: true,
  commentActivity: true,
  finalPublished: true,
  unsubscribeToken: true,
} as const;

export type PreferenceRow = {
  userId: string;
  draftOpened: boolean;
  commentActivity: boolean;
  finalPublished: boolean;
  unsubscribeToken: string;
};
