// The upgrade to forums (prisma/migrations/20261202171000_moderators_facilitate_every_forum): run again on
// data as a running installation has it, every moderator becomes a facilitator of every forum, once, and
// nobody else gets anything.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { createAppointment, createForum, createUser } from "@/prisma/factories";

afterAll(disconnectDb);

const MIGRATION = readFileSync("prisma/migrations/20261202171000_moderators_facilitate_every_forum/migration.sql", "utf8");

describe("the upgrade of moderators to facilitators", () => {
  it("appoints every moderator to every forum as facilitator, keeps existing parts, and is idempotent", async () => {
    const [moderator, stakeholder, admin] = await Promise.all([
      createUser(db, { role: "MODERATOR" }),
      createUser(db, { role: "STAKEHOLDER" }),
      createUser(db, { role: "ADMIN" }),
    ]);
    const [forumA, forumB] = await Promise.all([createForum(db), createForum(db)]);
    // Already an observer of B: the upgrade does not change a part an administrator chose.
    await createAppointment(db, { forumId: forumB.id, userId: moderator.id, role: "OBSERVER" });

    // Inside a transaction that is rolled back: other test files share this database, and their forums must
    // not gain facilitators from it.
    const rollback = new Error("rollback");
    const seen = await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(MIGRATION);
        await tx.$executeRawUnsafe(MIGRATION);
        const rows = await tx.forumAppointment.findMany({
          where: { userId: { in: [moderator.id, stakeholder.id, admin.id] }, forumId: { in: [forumA.id, forumB.id] } },
          select: { forumId: true, userId: true, role: true },
        });
        throw Object.assign(rollback, { rows });
      })
      .catch((error: Error & { rows?: { forumId: string; userId: string; role: string }[] }) => {
        if (error !== rollback) throw error;
        return error.rows!;
      });
    const parts = (userId: string) =>
      seen
        .filter((row) => row.userId === userId)
        .map((row) => `${row.forumId === forumA.id ? "A" : "B"}:${row.role}`)
        .sort();
    expect(parts(moderator.id)).toEqual(["A:FACILITATOR", "B:OBSERVER"]);
    expect(parts(stakeholder.id)).toEqual([]);
    expect(parts(admin.id)).toEqual([]);
  });
});
