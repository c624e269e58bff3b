// The version of the public content (prisma/migrations/20261205090000_public_content_version) and the cache of public
// reads built on it (lib/cache/public.ts): a committed write to what the public sees moves the version on once per
// transaction, whoever writes; a rolled-back write, a draft's autosave and a write the public never sees leave it;
// a cached value is made again exactly when the version has moved.
import { afterAll, describe, expect, it } from "vitest";
import { cachedPublic, publicContentStamp } from "@/lib/cache/public";
import { db, disconnectDb } from "@/lib/db";
import { createCall, createQuestion, createResponse, createUser } from "@/prisma/factories";

afterAll(async () => {
  await disconnectDb();
});

async function moves(write: () => Promise<unknown>) {
  const before = await publicContentStamp();
  await write();
  return (await publicContentStamp()) !== before;
}

describe("the version of the public content", () => {
  it("moves on with a committed write to what the public sees, once per transaction", async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const author = await createUser(db);
    const response = await createResponse(db, {
      callId: call.id,
      authorId: author.id,
      status: "SUBMITTED",
      answers: [{ questionId: question.id, text: "First words." }],
    });

    expect(await moves(() => db.call.update({ where: { id: call.id }, data: { title: `${call.title}, revised` } }))).toBe(true);
    expect(await moves(() => db.response.update({ where: { id: response.id }, data: { moderationState: "HIDDEN" } }))).toBe(true);
    expect(await moves(() => db.answer.updateMany({ where: { responseId: response.id }, data: { text: "Other words." } }))).toBe(
      true,
    );
    expect(await moves(() => db.profile.update({ where: { userId: author.id }, data: { displayName: "Another Name" } }))).toBe(
      true,
    );

    const version = async () =>
      (await db.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "public_content_version"`)[0]!.version;
    const before = await version();
    await db.$transaction(async (tx) => {
      await tx.call.update({ where: { id: call.id }, data: { title: `${call.title}, again` } });
      await tx.response.update({ where: { id: response.id }, data: { moderationState: "PUBLISHED" } });
      await tx.answer.updateMany({ where: { responseId: response.id }, data: { text: "Third words." } });
    });
    expect((await version()) - before).toBe(1n);
  });

  it("stays with a rolled-back write, a draft's autosave and a write the public never sees", async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const author = await createUser(db);

    expect(
      await moves(() =>
        db
          .$transaction(async (tx) => {
            await tx.call.update({ where: { id: call.id }, data: { title: "Never seen" } });
            throw new Error("rolled back");
          })
          .catch(() => undefined),
      ),
    ).toBe(false);

    let draftId = "";
    expect(
      await moves(async () => {
        const draft = await createResponse(db, {
          callId: call.id,
          authorId: author.id,
          status: "DRAFT",
          answers: [{ questionId: question.id, text: "Half a thought" }],
        });
        draftId = draft.id;
      }),
    ).toBe(false);
    expect(
      await moves(() => db.answer.updateMany({ where: { responseId: draftId }, data: { text: "Half a thought, more" } })),
    ).toBe(false);
    expect(
      await moves(() => db.response.update({ where: { id: draftId }, data: { organisation: "A draft's organisation" } })),
    ).toBe(false);
    expect(
      await moves(() =>
        db.session.create({
          data: { sessionToken: `t-${draftId}`, userId: author.id, expires: new Date() },
          select: { id: true },
        }),
      ),
    ).toBe(false);

    // Its submission is public.
    expect(
      await moves(() => db.response.update({ where: { id: draftId }, data: { status: "SUBMITTED", submittedAt: new Date() } })),
    ).toBe(true);
  });
});

describe("the cache of public reads", () => {
  it("serves a value until the public content changes, then makes it again once however many ask", async () => {
    const call = await createCall(db);
    const key = `test:${call.id}`;
    let made = 0;
    const read = () =>
      cachedPublic(key, async () => {
        made += 1;
        const { title } = await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { title: true } });
        return { title, tags: ["a"] };
      });

    expect((await read()).title).toBe(call.title);
    expect((await read()).title).toBe(call.title);
    expect(made).toBe(1);

    await db.call.update({ where: { id: call.id }, data: { title: "A new title" } });
    const many = await Promise.all(Array.from({ length: 5 }, read));
    expect(many.map((value) => value.title)).toEqual(Array(5).fill("A new title"));
    expect(made).toBe(2);

    // The value is frozen: nobody changes what the next reader gets.
    const value = await read();
    expect(() => value.tags.push("b")).toThrow(TypeError);
    expect((await read()).tags).toEqual(["a"]);
  });

  it("does not keep a failure", async () => {
    let calls = 0;
    const read = () =>
      cachedPublic("test:failing", async () => {
        calls += 1;
        if (calls === 1) throw new Error("the database went away");
        return "made";
      });
    await expect(read()).rejects.toThrow("the database went away");
    expect(await read()).toBe("made");
  });
});
