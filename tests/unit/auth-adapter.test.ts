import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prismaAdapter } from "@/lib/auth/adapter";
import { db, disconnectDb } from "@/lib/db";
import { createAppointment, createForum, createUser } from "@/prisma/factories";

afterAll(disconnectDb);

const adapter = prismaAdapter(db);
const token = () => randomBytes(16).toString("hex");

describe("the sign-in adapter", () => {
  it("lets a sign-in link be used once, even when two requests race", async () => {
    const identifier = `race-${token()}@example.org`;
    const value = token();
    await adapter.createVerificationToken!({ identifier, token: value, expires: new Date(Date.now() + 60_000) });
    const results = await Promise.all([
      adapter.useVerificationToken!({ identifier, token: value }),
      adapter.useVerificationToken!({ identifier, token: value }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await adapter.useVerificationToken!({ identifier, token: value })).toBeNull();
  });

  it("creates a new user as a stakeholder without a profile", async () => {
    const email = `new-${token()}@example.org`;
    const user = await adapter.createUser!({ email, emailVerified: new Date() });
    expect(user).toMatchObject({ email, role: "STAKEHOLDER", hasProfile: false });
  });

  it("gives the session its user's role, forum parts and profile state, and ends it on sign-out", async () => {
    const user = await createUser(db, { role: "MODERATOR" });
    const [forumA, forumB] = await Promise.all([createForum(db), createForum(db)]);
    await createAppointment(db, { forumId: forumA.id, userId: user.id, role: "FACILITATOR" });
    await createAppointment(db, { forumId: forumB.id, userId: user.id, role: "OBSERVER" });
    const sessionToken = token();
    await adapter.createSession!({ sessionToken, userId: user.id, expires: new Date(Date.now() + 60_000) });
    const found = await adapter.getSessionAndUser!(sessionToken);
    expect(found?.user).toMatchObject({
      id: user.id,
      role: "MODERATOR",
      forums: { [forumA.id]: "FACILITATOR", [forumB.id]: "OBSERVER" },
      hasProfile: true,
    });
    expect(Object.keys(found!.user).sort()).toEqual(["email", "emailVerified", "forums", "hasProfile", "id", "name", "role"]);
    await adapter.deleteSession!(sessionToken);
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
  });

  it("does not return session tokens unless asked for by name", async () => {
    const user = await createUser(db);
    await adapter.createSession!({ sessionToken: token(), userId: user.id, expires: new Date(Date.now() + 60_000) });
    const [session] = await db.session.findMany({ where: { userId: user.id } });
    expect(session).toBeDefined();
    expect(session).not.toHaveProperty("sessionToken");
  });
});
