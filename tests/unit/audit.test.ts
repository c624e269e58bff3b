import { afterAll, describe, expect, it, vi } from "vitest";
import { changeRole } from "@/lib/accounts/accounts";
import { auditFilterChoices, listAuditEntries } from "@/lib/audit/log";
import { recordAudit } from "@/lib/audit/record";
import { createCall, publishCall, unpublishCall, updateCall } from "@/lib/calls/manage";
import { callInputSchema, type CallFormValues } from "@/lib/calls/schemas";
import { db, disconnectDb } from "@/lib/db";
import { auditQuerySchema } from "@/lib/moderation/schemas";
import type { SessionUser } from "@/lib/auth/session";
import { createAppointment, createCall as createCallRow, createForum, createUser, uniqueSuffix } from "@/prisma/factories";
import { createExcerpt, createTag } from "@/prisma/factories-coding";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import { createSourceResponse } from "@/prisma/factories-messages";
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
  referencePrefix: `A${uniqueSuffix()}`,
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

describe("naming the items of the audit log", () => {
  /** One object of every kind in one forum (A), a call in another forum (B), and an entry about each. */
  async function scene() {
    const { call, set, sectionId, version, paragraphIds } = await createCommentableSet(db, {
      title: `Draft messages on resilience ${uniqueSuffix()}`,
    });
    const forumA = await db.forum.findUniqueOrThrow({ where: { id: call.forumId }, select: { id: true, name: true } });
    const text = "Incident response teams need stable funding to train local responders every year.";
    const response = await createSourceResponse(db, { callId: call.id, text });
    const tag = await createTag(db, { callId: call.id, name: `funding ${uniqueSuffix()}` });
    const gone = await createTag(db, { callId: call.id });
    const excerpt = await createExcerpt(db, { responseId: response.id, questionId: response.questionId, quote: text });
    const comment = await createComment(db, { setId: set.id, versionId: version.id });
    const person = await createUser(db);
    const appointment = await createAppointment(db, { forumId: forumA.id, userId: person.id, role: "OBSERVER" });
    const callB = await createCallRow(db, { title: `Another forum's call ${uniqueSuffix()}` });
    const action = `test.names${uniqueSuffix()}`;
    const moderator = await actor("MODERATOR");
    const write = (itemType: string, itemId: string, where: { callId?: string; forumId?: string } = { callId: call.id }) =>
      recordAudit(db, { actor: moderator, action, itemType, itemId, ...where });
    await write("response", response.id);
    await write("call", call.id);
    await write("messageSet", set.id);
    await write("messageSetVersion", version.id);
    await write("messageSection", sectionId);
    await write("messageParagraph", paragraphIds[0]!);
    await write("comment", comment.id);
    await write("tag", tag.id);
    await write("tag", gone.id);
    await write("excerpt", excerpt.id);
    await write("forum", forumA.id, { forumId: forumA.id });
    await write("forumAppointment", appointment.id, { forumId: forumA.id });
    await write("emailJob", "42", { forumId: forumA.id });
    await write("user", person.id, {});
    // Entries in forum A's log about forum B's objects (as a forged or mistaken entry would be).
    await write("call", callB.id);
    await write("forum", callB.forumId, { forumId: forumA.id });
    await db.tag.delete({ where: { id: gone.id } });
    return { call, set, version, sectionId, forumA, response, tag, gone, excerpt, comment, person, appointment, callB, action };
  }

  type Scene = Awaited<ReturnType<typeof scene>>;
  const itemsOf = async (reader: SessionUser, { action }: Scene) =>
    new Map(
      (await listAuditEntries(reader, auditQuerySchema.parse({ action }))).entries.map((e) => [`${e.itemType}:${e.itemId}`, e]),
    );

  it("names each item with the page it is looked at on, and the actor by their name", async () => {
    const s = await scene();
    const admin = await actor("ADMIN");
    const items = await itemsOf(admin, s);
    const item = (type: string, id: string) => items.get(`${type}:${id}`)?.item;
    const setPage = `/moderation/messages/${s.set.id}`;
    expect(item("response", s.response.id)).toEqual({
      name: s.response.reference,
      href: `/moderation/responses/${s.response.id}`,
    });
    expect(item("call", s.call.id)).toEqual({ name: s.call.title, href: `/moderation/calls/${s.call.id}` });
    expect(item("messageSet", s.set.id)).toEqual({ name: s.set.title, href: setPage });
    expect(item("messageSetVersion", s.version.id)).toEqual({ name: s.set.title, number: 1, href: `${setPage}#version-1` });
    expect(item("messageSection", s.sectionId)).toEqual({ name: "Policy and Cooperation", within: s.set.title, href: setPage });
    expect(item("comment", s.comment.id)).toEqual({ name: s.set.title, href: `${setPage}/comments` });
    expect(item("tag", s.tag.id)).toEqual({ name: s.tag.name, href: `/moderation/calls/${s.call.id}/coding` });
    expect(item("excerpt", s.excerpt.id)).toEqual({
      name: "Incident response teams need stable funding to train local r…",
      href: `/moderation/responses/${s.response.id}`,
    });
    expect(item("forum", s.forumA.id)).toEqual({ name: s.forumA.name, href: `/moderation/forums/${s.forumA.id}` });
    expect(item("forumAppointment", s.appointment.id)).toEqual({
      name: s.person.profile!.displayName,
      within: s.forumA.name,
      href: `/moderation/forums/${s.forumA.id}`,
    });
    expect(item("user", s.person.id)).toEqual({
      name: s.person.profile!.displayName,
      href: `/admin/users?q=${encodeURIComponent(s.person.email)}`,
    });
    expect(item("call", s.callB.id)).toMatchObject({ name: s.callB.title });
    // Gone, or of no kind with a page: type and id only.
    expect(item("tag", s.gone.id)).toBeNull();
    expect(items.get(`tag:${s.gone.id}`)).toMatchObject({ itemType: "tag", itemId: s.gone.id });
    expect(item("emailJob", "42")).toBeNull();
    expect(items.get(`call:${s.call.id}`)?.actorName).toMatch(/^Amina Test /);
  });

  it("looks the names up once per item type for the whole page, not once per entry", async () => {
    const s = await scene();
    const admin = await actor("ADMIN");
    // More entries of the same types: still one query for each type.
    for (let i = 0; i < 5; i++)
      await recordAudit(db, { actor: admin, action: s.action, itemType: "call", itemId: s.call.id, callId: s.call.id });
    const client = (globalThis as unknown as { __igfDb: typeof db }).__igfDb;
    const spies = [
      vi.spyOn(client.call, "findMany"),
      vi.spyOn(client.tag, "findMany"),
      vi.spyOn(client.messageSet, "findMany"),
      vi.spyOn(client.user, "findMany"),
    ];
    try {
      const items = await itemsOf(admin, s);
      expect(items.get(`call:${s.call.id}`)?.item).toMatchObject({ name: s.call.title });
      // Calls: this call (six entries) and forum B's in one query; tags (two, one gone): one; accounts: the
      // actors, then the items.
      expect(spies.map((spy) => spy.mock.calls.length)).toEqual([1, 1, 1, 2]);
      expect(spies[0]!.mock.calls[0]![0]).toMatchObject({
        where: { id: { in: expect.arrayContaining([s.call.id, s.callB.id]) } },
      });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("gives a facilitator the names of their forum's objects only, and no account's", async () => {
    const s = await scene();
    const facilitator = await appointee(s.forumA.id, "FACILITATOR");
    const items = await itemsOf(facilitator, s);
    expect(items.get(`call:${s.call.id}`)?.item).toEqual({ name: s.call.title, href: `/moderation/calls/${s.call.id}` });
    expect(items.get(`tag:${s.tag.id}`)?.item).toMatchObject({ name: s.tag.name });
    expect(items.get(`forum:${s.forumA.id}`)?.item).toMatchObject({ name: s.forumA.name });
    // Forum B's call and forum, named in forum A's entries: their type and id, never their names.
    expect(items.get(`call:${s.callB.id}`)).toMatchObject({ itemId: s.callB.id, item: null });
    expect(items.get(`forum:${s.callB.forumId}`)).toMatchObject({ itemId: s.callB.forumId, item: null });
    expect(JSON.stringify([...items.values()])).not.toContain(s.callB.title);
    // The entry about an account is not theirs to read at all.
    expect(items.has(`user:${s.person.id}`)).toBe(false);
  });
});
