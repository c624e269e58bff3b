import { afterAll, describe, expect, it } from "vitest";
import { changeRole, listAccounts } from "@/lib/accounts/accounts";
import { changeRoleSchema } from "@/lib/accounts/schemas";
import { db, disconnectDb } from "@/lib/db";
import { actor } from "./helpers";

afterAll(disconnectDb);

const roleOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;

describe("changing roles", () => {
  it("lets an administrator appoint an administrator", async () => {
    const admin = await actor("ADMIN");
    const person = await actor("STAKEHOLDER");
    const updated = await changeRole(admin, { userId: person.id, role: "ADMIN" });
    expect(updated).toEqual({ id: person.id, email: person.email, role: "ADMIN" });
    expect(await roleOf(person.id)).toBe("ADMIN");
    await changeRole(admin, { userId: person.id, role: "STAKEHOLDER" });
  });

  it("no longer gives the moderator role of before forums, but moves a moderator who has it", async () => {
    const admin = await actor("ADMIN");
    const person = await actor("STAKEHOLDER");
    await expect(changeRole(admin, { userId: person.id, role: "MODERATOR" })).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { role: [{ code: "moderatorRoleRetired" }] },
    });
    expect(changeRoleSchema.safeParse({ userId: person.id, role: "MODERATOR" }).error?.issues[0]?.message).toBe(
      "moderatorRoleRetired",
    );
    expect(await roleOf(person.id)).toBe("STAKEHOLDER");
    const moderator = await actor("MODERATOR");
    await changeRole(admin, { userId: moderator.id, role: "STAKEHOLDER" });
    expect(await roleOf(moderator.id)).toBe("STAKEHOLDER");
  });

  it.each(["STAKEHOLDER", "MODERATOR"] as const)("refuses a %s and changes nothing", async (role) => {
    const lower = await actor(role);
    const person = await actor("STAKEHOLDER");
    await expect(changeRole(lower, { userId: person.id, role: "ADMIN" })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(changeRole(lower, { userId: lower.id, role: "ADMIN" })).rejects.toMatchObject({ kind: "forbidden" });
    expect(await roleOf(person.id)).toBe("STAKEHOLDER");
    expect(await roleOf(lower.id)).toBe(role);
  });

  it("answers not found for an unknown account", async () => {
    const admin = await actor("ADMIN");
    await expect(changeRole(admin, { userId: "no-such-user", role: "ADMIN" })).rejects.toMatchObject({
      kind: "not_found",
    });
  });

  it("never leaves the platform without an administrator, even under concurrent demotions", async () => {
    // Make these two the only administrators for the duration of the test.
    const others = await db.user.findMany({ where: { role: "ADMIN" }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: "MODERATOR" } });
    try {
      const first = await actor("ADMIN");
      const second = await actor("ADMIN");
      const results = await Promise.allSettled([
        changeRole(first, { userId: second.id, role: "STAKEHOLDER" }),
        changeRole(second, { userId: first.id, role: "STAKEHOLDER" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { kind: "conflict" } });
      expect(await db.user.count({ where: { id: { in: [first.id, second.id] }, role: "ADMIN" } })).toBe(1);
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: "ADMIN" } });
    }
  });
});

describe("listing accounts", () => {
  it("finds an account by email for an administrator, with no session data", async () => {
    const admin = await actor("ADMIN");
    const person = await actor("STAKEHOLDER");
    const found = await listAccounts(admin, { q: person.email.toUpperCase() });
    expect(found.map((a) => a.id)).toEqual([person.id]);
    expect(Object.keys(found[0]!).sort()).toEqual(["createdAt", "email", "id", "profile", "role"]);
  });

  it.each(["STAKEHOLDER", "MODERATOR"] as const)("refuses a %s", async (role) => {
    await expect(listAccounts(await actor(role))).rejects.toMatchObject({ kind: "forbidden" });
  });
});
