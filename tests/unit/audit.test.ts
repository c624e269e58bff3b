import { afterAll, describe, expect, it } from "vitest";
import { changeRole } from "@/lib/accounts/accounts";
import { auditFilterChoices, listAuditEntries } from "@/lib/audit/log";
import { recordAudit } from "@/lib/audit/record";
import { createCall, publishCall, unpublishCall, updateCall } from "@/lib/calls/manage";
import { callInputSchema, type CallFormValues } from "@/lib/calls/schemas";
import { db, disconnectDb } from "@/lib/db";
import { auditQuerySchema } from "@/lib/moderation/schemas";
import type { SessionUser } from "@/lib/auth/session";
import { createCall as createCallRow, createForum, createUser, uniqueSuffix } from "@/prisma/factories";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

const entriesOf = (itemId: string) =>
  db.auditEntry.findMany({
    where: { itemId },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, actorRole: true, itemType: true, callId: true, before: true, after: true },
  });

const form = (forumId: string, overrides: Partial<CallFormValues> = {}): CallFormValues => ({
  forumId,
  title: "Audit trail call",
  slug: `audit-${uniqueSuffix()}`,
  referencePrefix: `A${uniqueSuffix().slice(0, 6)}`,
  thematicTrack: "",
  introduction: "",
  timeZone: "UTC",
  opensAt: "2030-03-01T09:00",
  closesAt: "2030-04-30T17:00",
  questions: [{ prompt: "What works?", type: "LONG_TEXT" }],
  glossary: [],
  ...overrides,
});

describe("the audit log table", () => {
  it("is append-only: the database refuses UPDATE and DELETE", async () => {
    const admin = await actor("ADMIN");
    const itemId = `item-${uniqueSuffix()}`;
    await recordAudit(db, { actor: admin, action: "test.append", itemType: "test", itemId, after: { ok: true } });
    await expect(db.$executeRaw`UPDATE audit_entries SET action = 'test.forged' WHERE "itemId" = ${itemId}`).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM audit_entries WHERE "itemId" = ${itemId}`).rejects.toThrow();
    await expect(db.auditEntry.deleteMany({ where: { itemId } })).rejects.toThrow();
    expect(await entriesOf(itemId)).toMatchObject([{ action: "test.append", after: { ok: true } }]);
  });
});

describe("calls and roles write audit entries", () => {
  it("create, update (changed fields only), publish and unpublish a call", async () => {
    const moderator = await actor("MODERATOR");
    const forum = await createForum(db);
    const values = form(forum.id);
    const call = await createCall(moderator, callInputSchema.parse(values));
    const [question] = await db.question.findMany({ where: { callId: call.id }, select: { id: true } });
    const questions = [{ ...values.questions![0]!, questionId: question!.id }];
    await updateCall(
      moderator,
      call.id,
      callInputSchema.parse({
        ...values,
        questions,
        moderationMode: "PRE",
        reportThreshold: "5",
        title: "Audit trail call (revised)",
      }),
    );
    await publishCall(moderator, call.id, new Date("2030-01-01T00:00:00Z"));
    await unpublishCall(moderator, call.id);
    const entries = await entriesOf(call.id);
    expect(entries.map((e) => [e.action, e.actorId, e.actorRole, e.itemType, e.callId])).toEqual([
      ["call.create", moderator.id, "MODERATOR", "call", call.id],
      ["call.update", moderator.id, "MODERATOR", "call", call.id],
      ["call.publish", moderator.id, "MODERATOR", "call", call.id],
      ["call.unpublish", moderator.id, "MODERATOR", "call", call.id],
    ]);
    expect(entries[0]!.after).toMatchObject({
      title: "Audit trail call",
      moderationMode: "POST",
      reportThreshold: 3,
      questions: 1,
    });
    expect(entries[1]!.before).toEqual({ title: "Audit trail call", moderationMode: "POST", reportThreshold: 3 });
    expect(entries[1]!.after).toEqual({ title: "Audit trail call (revised)", moderationMode: "PRE", reportThreshold: 5 });
    expect(entries[2]).toMatchObject({ before: { publishedAt: null }, after: { publishedAt: "2030-01-01T00:00:00.000Z" } });
    // A question replaced (no id: a new one) is said to have changed.
    await updateCall(
      moderator,
      call.id,
      callInputSchema.parse({ ...values, moderationMode: "PRE", reportThreshold: "5", title: "Audit trail call (revised)" }),
    );
    expect((await entriesOf(call.id)).at(-1)).toMatchObject({
      before: { questionsEdited: false },
      after: { questionsEdited: true },
    });
    expect(entries[3]).toMatchObject({ before: { publishedAt: "2030-01-01T00:00:00.000Z" }, after: { publishedAt: null } });
    expect(
      await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { moderationMode: true, reportThreshold: true } }),
    ).toEqual({ moderationMode: "PRE", reportThreshold: 5 });
  });

  it("refuses a report threshold outside 1..100 and an unknown moderation mode", () => {
    const bad = (overrides: Partial<CallFormValues>) => !callInputSchema.safeParse(form("f", overrides)).success;
    expect(bad({ reportThreshold: "0" })).toBe(true);
    expect(bad({ reportThreshold: "101" })).toBe(true);
    expect(bad({ reportThreshold: "2.5" })).toBe(true);
    expect(bad({ moderationMode: "LATER" as never })).toBe(true);
    expect(bad({ reportThreshold: "100", moderationMode: "PRE" })).toBe(false);
  });

  it("a role change by an administrator, and none when a refused or unchanged request", async () => {
    const admin = await actor("ADMIN");
    const person = await createUser(db);
    await changeRole(admin, { userId: person.id, role: "ADMIN" });
    await changeRole(admin, { userId: person.id, role: "ADMIN" });
    await expect(changeRole(await actor("MODERATOR"), { userId: person.id, role: "STAKEHOLDER" })).rejects.toMatchObject({
      kind: "forbidden",
    });
    expect(await entriesOf(person.id)).toEqual([
      {
        action: "user.role",
        actorId: admin.id,
        actorRole: "ADMIN",
        itemType: "user",
        callId: null,
        before: { role: "STAKEHOLDER" },
        after: { role: "ADMIN" },
      },
    ]);
    await changeRole(admin, { userId: person.id, role: "STAKEHOLDER" });
  });
});

describe("reading the audit log", () => {
  it("administrators only, newest first, filtered by action, item type, actor, call and dates, a page at a time", async () => {
    const admin = await actor("ADMIN");
    const moderator = await actor("MODERATOR");
    const callId = `call-${uniqueSuffix()}`;
    const action = `test.read${uniqueSuffix()}`;
    for (let i = 0; i < 3; i++)
      await recordAudit(db, { actor: moderator, action, itemType: "response", itemId: `r${i}`, callId, after: { i } });
    await recordAudit(db, { actor: null, action, itemType: "response", itemId: "auto", callId });
    const read = (filters: Record<string, string>) => listAuditEntries(admin, auditQuerySchema.parse({ action, ...filters }));

    const all = await read({});
    expect(all.entries.map((e) => e.itemId)).toEqual(["auto", "r2", "r1", "r0"]);
    expect(all.entries[1]).toMatchObject({ actorName: expect.stringContaining("Amina Test"), actorRole: "MODERATOR" });
    expect((await read({ actor: "system" })).entries.map((e) => e.itemId)).toEqual(["auto"]);
    expect((await read({ actor: moderator.email })).entries).toHaveLength(3);
    expect((await read({ call: callId, itemType: "call" })).entries).toHaveLength(0);
    expect((await read({ call: callId, itemType: "response" })).entries).toHaveLength(4);
    const today = new Date().toISOString().slice(0, 10);
    expect((await read({ from: today, to: today })).entries).toHaveLength(4);
    expect((await read({ to: "2000-01-01" })).entries).toHaveLength(0);
    expect((await read({ before: all.entries[1]!.id })).entries.map((e) => e.itemId)).toEqual(["r1", "r0"]);

    await db.user.delete({ where: { id: moderator.id } });
    expect((await read({})).entries[1]).toMatchObject({ actorId: moderator.id, actorName: null });
    await expect(listAuditEntries(await actor("STAKEHOLDER"), auditQuerySchema.parse({}))).rejects.toMatchObject({
      kind: "forbidden",
    });
  });

  it("a facilitator reads the entries of their forum's calls and of the forum, never another forum's or the accounts'", async () => {
    const [forumA, forumB] = await Promise.all([createForum(db), createForum(db)]);
    const [callA, callB] = await Promise.all([
      createCallRow(db, { forumId: forumA.id }),
      createCallRow(db, { forumId: forumB.id }),
    ]);
    const action = `test.scope${uniqueSuffix()}`;
    const write = (itemId: string, where: { callId?: string; forumId?: string }) =>
      recordAudit(db, { actor: null, action, itemType: "response", itemId, ...where });
    await write("in-call-a", { callId: callA.id });
    await write("in-forum-a", { forumId: forumA.id });
    await write("in-call-b", { callId: callB.id });
    await write("in-forum-b", { forumId: forumB.id });
    await write("account", {});
    const ids = async (reader: SessionUser) =>
      (await listAuditEntries(reader, auditQuerySchema.parse({ action }))).entries.map((e) => e.itemId).sort();

    expect(await ids(await appointee(forumA.id, "FACILITATOR"))).toEqual(["in-call-a", "in-forum-a"]);
    expect(await ids(await actor("ADMIN"))).toEqual(["account", "in-call-a", "in-call-b", "in-forum-a", "in-forum-b"]);
    expect(await ids(await actor("MODERATOR"))).toEqual(["in-call-a", "in-call-b", "in-forum-a", "in-forum-b"]);
    await expect(ids(await appointee(forumA.id, "OBSERVER"))).rejects.toMatchObject({ kind: "forbidden" });
    const choices = await auditFilterChoices(await appointee(forumA.id, "FACILITATOR"));
    expect(choices.calls.map((call) => call.id)).toEqual([callA.id]);
  });
});
