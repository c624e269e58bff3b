// A person's own sign-in sessions: the "your sessions" list and "sign out everywhere else". Scoped to the
// acting user by id; tokens are compared in the database and never returned.
import "server-only";
import { db, type Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isPrivileged } from "./permissions";
import { sessionEnded } from "./session-lifetime";
import type { SessionUser } from "./session";

type Actor = Pick<SessionUser, "id" | "role"> & { forums?: SessionUser["forums"] };

export type OwnSession = { id: string; createdAt: Date; lastSeenAt: Date; device: string | null; current: boolean };

/** The actor's live sessions, newest use first, the one of `currentToken` marked; ended ones are removed. */
export async function listOwnSessions(actor: Actor, currentToken: string | null, now = new Date()): Promise<OwnSession[]> {
  const [rows, current] = await Promise.all([
    db.session.findMany({
      where: { userId: actor.id },
      orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
      select: { id: true, createdAt: true, lastSeenAt: true, expires: true, userAgent: true },
    }),
    currentToken ? db.session.findFirst({ where: { sessionToken: currentToken, userId: actor.id }, select: { id: true } }) : null,
  ]);
  const ended = rows.filter((row) => sessionEnded(isPrivileged(actor), row, now)).map((row) => row.id);
  if (ended.length) await db.session.deleteMany({ where: { id: { in: ended }, userId: actor.id } });
  return rows
    .filter((row) => !ended.includes(row.id))
    .map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      device: row.userAgent,
      current: row.id === current?.id,
    }));
}

/** Ends every session of the actor except the one of `currentToken`; returns how many ended. */
export async function endOtherSessions(actor: Pick<SessionUser, "id">, currentToken: string | null) {
  const { count } = await db.session.deleteMany({
    where: { userId: actor.id, ...(currentToken ? { NOT: { sessionToken: currentToken } } : {}) },
  });
  return count;
}

/** Ends all of a user's sessions (a changed role is taken up at the next sign-in). */
export async function endAllSessions(client: Db | Prisma.TransactionClient, userId: string) {
  await client.session.deleteMany({ where: { userId } });
}
