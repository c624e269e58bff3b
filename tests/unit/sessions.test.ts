// Sessions: 256-bit tokens, the shorter lifetime of moderators' and administrators' sessions, "your
// sessions" and "sign out everywhere else", sessions ended on a role change and account deletion, and
// only the newest sign-in link of an address working. All on the real database.
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { changeRole } from "@/lib/accounts/accounts";
import { deleteAccount } from "@/lib/accounts/personal-data";
import { prismaAdapter } from "@/lib/auth/adapter";
import { authOptions } from "@/lib/auth/options";
import { endOtherSessions, listOwnSessions } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { outboxFileName } from "@/lib/mail/outbox";
import { sendMail } from "@/lib/mail/send";
import { createUser } from "@/prisma/factories";
import { actor } from "./helpers";
import { withTemporaryOutbox } from "./outbox";

const outbox = withTemporaryOutbox("sessions");
afterAll(disconnectDb);

const adapter = prismaAdapter(db);
const token = () => randomBytes(32).toString("base64url");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ago = (ms: number) => new Date(Date.now() - ms);

/** A session made `age` ago and last used `idle` ago, valid for next-auth (its expires) for 20 more days. */
async function sessionOf(userId: string, { age = 0, idle = 0, userAgent = null as string | null } = {}) {
  const sessionToken = token();
  const row = await db.session.create({
    data: {
      sessionToken,
      userId,
      createdAt: ago(age),
      lastSeenAt: ago(idle),
      userAgent,
      expires: new Date(Date.now() + 20 * 24 * HOUR),
    },
    select: { id: true },
  });
  return { sessionToken, id: row.id };
}

const live = async (sessionToken: string) => (await adapter.getSessionAndUser!(sessionToken)) !== null;
const stored = (id: string) => db.session.findUnique({ where: { id }, select: { lastSeenAt: true } });

describe("session tokens", () => {
  it("are 256 random bits", async () => {
    const make = authOptions.session!.generateSessionToken!;
    const tokens = await Promise.all(Array.from({ length: 50 }, () => make()));
    for (const value of tokens) expect(Buffer.from(value, "base64url")).toHaveLength(32);
    expect(new Set(tokens).size).toBe(50);
  });
});

describe("session lifetimes", () => {
  it("keeps a stakeholder's session for as long as next-auth's 30 days allow, used or not", async () => {
    const user = await createUser(db);
    const { sessionToken } = await sessionOf(user.id, { age: 29 * 24 * HOUR, idle: 5 * 24 * HOUR });
    expect(await live(sessionToken)).toBe(true);
  });

  it.each(["MODERATOR", "ADMIN"] as Role[])("ends a %s's session 12 hours after sign-in, even in use", async (role) => {
    const user = await createUser(db, { role });
    const young = await sessionOf(user.id, { age: 11 * HOUR, idle: MINUTE });
    const old = await sessionOf(user.id, { age: 12 * HOUR + MINUTE, idle: MINUTE });
    expect(await live(young.sessionToken)).toBe(true);
    expect(await live(old.sessionToken)).toBe(false);
    expect(await stored(old.id)).toBeNull(); // deleted, not only refused
  });

  it.each(["MODERATOR", "ADMIN"] as Role[])("ends a %s's session after 2 hours without use", async (role) => {
    const user = await createUser(db, { role });
    const used = await sessionOf(user.id, { age: 3 * HOUR, idle: HOUR + 50 * MINUTE });
    const idle = await sessionOf(user.id, { age: 3 * HOUR, idle: 2 * HOUR + MINUTE });
    expect(await live(used.sessionToken)).toBe(true);
    expect(await live(idle.sessionToken)).toBe(false);
    expect(await stored(idle.id)).toBeNull();
  });

  it("records use at most every 5 minutes, so a used session does not go idle", async () => {
    const user = await createUser(db, { role: "MODERATOR" });
    const recent = await sessionOf(user.id, { age: HOUR, idle: 2 * MINUTE });
    const before = (await stored(recent.id))!.lastSeenAt;
    expect(await live(recent.sessionToken)).toBe(true);
    expect((await stored(recent.id))!.lastSeenAt).toEqual(before); // no write for a read 2 minutes later

    const stale = await sessionOf(user.id, { age: HOUR, idle: 90 * MINUTE });
    expect(await live(stale.sessionToken)).toBe(true);
    expect(Date.now() - (await stored(stale.id))!.lastSeenAt.getTime()).toBeLessThan(MINUTE);
  });

  it("keeps a coarse description of the browser with a new session, not the User-Agent", async () => {
    const user = await createUser(db);
    const header = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    const sessionToken = token();
    await prismaAdapter(db, { userAgent: describeUserAgent(header) }).createSession!({
      sessionToken,
      userId: user.id,
      expires: new Date(Date.now() + HOUR),
    });
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken }, select: { userAgent: true } });
    expect(row.userAgent).toBe("Firefox/Linux");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari/iOS");
    expect(describeUserAgent(null)).toBeNull();
  });
});

describe("your sessions", () => {
  it("lists the user's live sessions only, marking this device", async () => {
    const user = await actor("STAKEHOLDER");
    const here = await sessionOf(user.id, { userAgent: "Firefox/Linux" });
    const phone = await sessionOf(user.id, { age: 2 * 24 * HOUR, idle: HOUR, userAgent: "Safari/iOS" });
    const stranger = await actor("STAKEHOLDER");
    await sessionOf(stranger.id);
    const sessions = await listOwnSessions(user, here.sessionToken);
    expect(sessions.map((s) => [s.id, s.device, s.current])).toEqual([
      [here.id, "Firefox/Linux", true],
      [phone.id, "Safari/iOS", false],
    ]);
    expect(Object.keys(sessions[0]!).sort()).toEqual(["createdAt", "current", "device", "id", "lastSeenAt"]);
    // Another user's token does not make one of this user's sessions "this device".
    expect((await listOwnSessions(user, token())).some((s) => s.current)).toBe(false);
  });

  it("drops a moderator's ended sessions from the list", async () => {
    const moderator = await actor("MODERATOR");
    const here = await sessionOf(moderator.id);
    const ended = await sessionOf(moderator.id, { age: 13 * HOUR, idle: MINUTE });
    expect((await listOwnSessions(moderator, here.sessionToken)).map((s) => s.id)).toEqual([here.id]);
    expect(await stored(ended.id)).toBeNull();
  });

  it("signs out everywhere else: the user's other sessions end, this one and everybody else's stay", async () => {
    const user = await actor("STAKEHOLDER");
    const here = await sessionOf(user.id);
    const others = [await sessionOf(user.id), await sessionOf(user.id)];
    const stranger = await actor("STAKEHOLDER");
    const theirs = await sessionOf(stranger.id);
    expect(await endOtherSessions(user, here.sessionToken)).toBe(2);
    expect(await live(here.sessionToken)).toBe(true);
    for (const other of others) expect(await live(other.sessionToken)).toBe(false);
    expect(await live(theirs.sessionToken)).toBe(true);
    // Someone else's token names no session of this user: all of this user's end, the stranger's stays.
    await sessionOf(user.id);
    await endOtherSessions(user, theirs.sessionToken);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await live(theirs.sessionToken)).toBe(true);
  });
});

describe("sessions and account changes", () => {
  it("ends all of a user's sessions when their role changes, and only theirs", async () => {
    const admin = await actor("ADMIN");
    const adminSession = await sessionOf(admin.id);
    const person = await actor("STAKEHOLDER");
    const sessions = [await sessionOf(person.id), await sessionOf(person.id)];
    const bystander = await actor("STAKEHOLDER");
    const theirs = await sessionOf(bystander.id);

    await changeRole(admin, { userId: person.id, role: "STAKEHOLDER" }); // no change: sessions stay
    expect(await db.session.count({ where: { userId: person.id } })).toBe(2);
    await changeRole(admin, { userId: person.id, role: "ADMIN" });
    for (const session of sessions) expect(await live(session.sessionToken)).toBe(false);
    expect(await live(theirs.sessionToken)).toBe(true);
    expect(await live(adminSession.sessionToken)).toBe(true);
  });

  it("ends a user's sessions and removes their outbox mail, only theirs, when the account is deleted", async () => {
    const user = await actor("STAKEHOLDER");
    const other = await actor("STAKEHOLDER");
    const session = await sessionOf(user.id);
    const theirs = await sessionOf(other.id);
    await sendMail({ to: user.email, subject: "Sign in", text: "link", html: "<p>link</p>" });
    await sendMail({ to: user.email.toUpperCase(), subject: "Receipt", text: "receipt", html: "<p>receipt</p>" });
    await sendMail({ to: other.email, subject: "Sign in", text: "link", html: "<p>link</p>" });
    // A file of the older naming (the address itself) goes too.
    mkdirSync(outbox, { recursive: true });
    writeFileSync(join(outbox, `2026-01-01T00-00-00-000Z-${user.email}.eml`), "old");
    const before = readdirSync(outbox);
    const otherFile = outboxFileName(other.email).slice(-21);
    expect(before.filter((name) => name.endsWith(otherFile))).toHaveLength(1);

    await deleteAccount(user, { responses: "anonymise", confirmEmail: user.email });
    expect(await live(session.sessionToken)).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await live(theirs.sessionToken)).toBe(true);
    const after = readdirSync(outbox);
    expect(before.length - after.length).toBe(3);
    expect(after.filter((name) => name.endsWith(otherFile))).toHaveLength(1);
  });
});

describe("sign-in links", () => {
  const link = (identifier: string) => ({ identifier, token: token(), expires: new Date(Date.now() + 30 * MINUTE) });

  it("keeps only the newest link of an address working", async () => {
    const identifier = `newest-${randomBytes(4).toString("hex")}@example.org`;
    const bystander = link(`bystander-${randomBytes(4).toString("hex")}@example.org`);
    await adapter.createVerificationToken!(bystander);
    const first = link(identifier);
    const second = link(identifier);
    await adapter.createVerificationToken!(first);
    await adapter.createVerificationToken!(second);
    expect(await adapter.useVerificationToken!({ identifier, token: first.token })).toBeNull();
    expect(await adapter.useVerificationToken!({ identifier, token: second.token })).not.toBeNull();
    expect(await adapter.useVerificationToken!({ identifier: bystander.identifier, token: bystander.token })).not.toBeNull();
  });

  it("leaves exactly one link when several are made at once", async () => {
    const identifier = `burst-${randomBytes(4).toString("hex")}@example.org`;
    await Promise.all(Array.from({ length: 6 }, () => adapter.createVerificationToken!(link(identifier))));
    expect(await db.verificationToken.count({ where: { identifier } })).toBe(1);
  });
});
