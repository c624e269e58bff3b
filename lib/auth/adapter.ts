// The next-auth adapter: email sign-in with database sessions, on our Prisma client. Written here rather
// than taken from @next-auth/prisma-adapter because we keep no OAuth accounts, select only what next-auth
// needs, and carry the role, forum appointments and profile state into the session. Sessions end early for moderators and
// administrators (lib/auth/session-lifetime.ts): checked here, where every session is read.
import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { Db } from "@/lib/db";
import type { ForumRole, Role } from "@/lib/generated/prisma/enums";
import { isRecordNotFound } from "@/lib/errors";
import { isPrivileged, type ForumRoles } from "./permissions";
import { lastSeenIsStale, sessionEnded } from "./session-lifetime";

export type SessionUserRecord = AdapterUser & { role: Role; forums: ForumRoles; hasProfile: boolean };

const userSelect = {
  id: true,
  email: true,
  emailVerified: true,
  role: true,
  profile: { select: { displayName: true } },
  appointments: { select: { forumId: true, role: true } },
} as const;

type UserRow = {
  id: string;
  email: string;
  emailVerified: Date | null;
  role: Role;
  profile: { displayName: string } | null;
  appointments: { forumId: string; role: ForumRole }[];
};

function toAdapterUser(user: UserRow): SessionUserRecord {
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerified,
    name: user.profile?.displayName ?? null,
    role: user.role,
    forums: Object.fromEntries(user.appointments.map((appointment) => [appointment.forumId, appointment.role])),
    hasProfile: user.profile !== null,
  };
}

const sessionSelect = { sessionToken: true, userId: true, expires: true } as const;

/** `userAgent`: the coarse browser description of the request (lib/auth/user-agent.ts), kept with new sessions. */
export function prismaAdapter(db: Db, { userAgent = null }: { userAgent?: string | null } = {}): Adapter {
  return {
    async createUser({ email, emailVerified }: Omit<AdapterUser, "id">) {
      const user = await db.user.create({ data: { email, emailVerified }, select: userSelect });
      return toAdapterUser(user);
    },
    async getUser(id) {
      const user = await db.user.findUnique({ where: { id }, select: userSelect });
      return user && toAdapterUser(user);
    },
    async getUserByEmail(email) {
      const user = await db.user.findUnique({ where: { email }, select: userSelect });
      return user && toAdapterUser(user);
    },
    async updateUser({ id, emailVerified }) {
      const user = await db.user.update({
        where: { id },
        data: emailVerified === undefined ? {} : { emailVerified },
        select: userSelect,
      });
      return toAdapterUser(user);
    },
    async createSession(session) {
      return db.session.create({ data: { ...session, userAgent }, select: sessionSelect });
    },
    async getSessionAndUser(sessionToken) {
      const row = await db.session.findUnique({
        where: { sessionToken },
        select: { ...sessionSelect, createdAt: true, lastSeenAt: true, user: { select: userSelect } },
      });
      if (!row) return null;
      const { user, createdAt, lastSeenAt, ...session } = row;
      const now = new Date();
      const record = toAdapterUser(user);
      if (sessionEnded(isPrivileged(record), { createdAt, lastSeenAt, expires: session.expires }, now)) {
        await db.session.deleteMany({ where: { sessionToken } });
        return null;
      }
      if (lastSeenIsStale(lastSeenAt, now)) {
        await db.session.updateMany({ where: { sessionToken }, data: { lastSeenAt: now } });
      }
      return { session, user: record };
    },
    async updateSession({ sessionToken, expires }) {
      return db.session.update({
        where: { sessionToken },
        data: expires ? { expires } : {},
        select: sessionSelect,
      });
    },
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken } });
    },
    async createVerificationToken(token) {
      // Only the newest sign-in link of an address works: the older ones go as the new one is made. The
      // lock keeps two concurrent requests for one address from both surviving.
      return db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${token.identifier}, 11))`;
        await tx.verificationToken.deleteMany({ where: { identifier: token.identifier } });
        return tx.verificationToken.create({ data: token });
      });
    },
    async useVerificationToken({ identifier, token }) {
      // A single DELETE: of two concurrent clicks on one link, only one gets the token back.
      try {
        // Our links carry no address (lib/auth/options.ts): the token (256 bits, unique) is enough.
        const where = identifier ? { identifier_token: { identifier, token } } : { token };
        return await db.verificationToken.delete({ where });
      } catch (error) {
        if (isRecordNotFound(error)) return null;
        throw error;
      }
    },
  };
}
