// Forums and their people (issue 15), on the real database: administrators create and edit forums (nobody
// else, and a refusal changes nothing); administrators, and facilitators where allowed, appoint, change and
// remove people; an unknown address is invited; every change is audited and emailed in the person's
// language; the last facilitator of a forum with an open call stays; a forged forum id reads as unknown.
import { afterAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db, disconnectDb } from "@/lib/db";
import { appoint, changeAppointment, listForumPeople, removeAppointment } from "@/lib/forums/appointments";
import { createForum, getForumForEditing, listForums, updateForum } from "@/lib/forums/forums";
import { appointInputSchema, FORUM_LIMITS, forumInputSchema, type ForumInput } from "@/lib/forums/schemas";
import type { ForumRole } from "@/lib/generated/prisma/enums";
import type { Mail } from "@/lib/mail/send";
import { sendEmailRow } from "@/lib/notifications/worker";
import { fieldErrorsOf } from "@/lib/validation/issues";
import { createCall, createForum as makeForum, createUser, uniqueSuffix } from "@/prisma/factories";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

const DAY = 24 * 60 * 60 * 1000;

const forumInput = (overrides: Partial<ForumInput> = {}): ForumInput => ({
  name: `BPF Cybersecurity ${uniqueSuffix()}`,
  slug: `bpf-${uniqueSuffix()}`,
  kind: "BEST_PRACTICE_FORUM",
  description: "Norms and values in cybersecurity.\nSecond line.",
  contactEmail: "bpf@example.org",
  facilitatorsMayAppoint: false,
  publicationAbout: "",
  publicationContact: "",
  ...overrides,
});

/** The error codes of each field a form would show, from the shared schema. */
function refusals(input: Record<string, unknown>) {
  const parsed = forumInputSchema.safeParse({ ...forumInput(), ...input });
  if (parsed.success) return {};
  return Object.fromEntries(
    Object.entries(fieldErrorsOf(parsed.error)).map(([field, errors]) => [field, errors!.map((e) => e.code)]),
  );
}

const forumRow = (id: string) =>
  db.forum.findUniqueOrThrow({
    where: { id },
    select: {
      slug: true,
      name: true,
      kind: true,
      description: true,
      contactEmail: true,
      facilitatorsMayAppoint: true,
      publicationAbout: true,
      publicationContact: true,
    },
  });
const auditOf = (forumId: string, action?: string) =>
  db.auditEntry.findMany({
    where: { forumId, ...(action && { action }) },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, itemType: true, itemId: true, before: true, after: true },
  });
const jobsTo = (email: string) =>
  db.emailJob.findMany({
    where: { to: email },
    orderBy: { id: "asc" },
    select: { dedupeKey: true, kind: true, subject: true, text: true, template: true, userId: true },
  });
const appointmentOf = (forumId: string, userId: string) =>
  db.forumAppointment.findUnique({
    where: { forumId_userId: { forumId, userId } },
    select: { id: true, role: true, appointedById: true },
  });

/** A forum whose facilitators may (or may not) appoint people. */
async function forumWith(facilitatorsMayAppoint: boolean) {
  const forum = await makeForum(db);
  await db.forum.update({ where: { id: forum.id }, data: { facilitatorsMayAppoint } });
  return { ...forum, facilitatorsMayAppoint };
}

/** A person with an account (signed in once) in a language. */
async function person(locale: string | null = null) {
  const user = await createUser(db);
  if (locale) await db.user.update({ where: { id: user.id }, data: { locale } });
  return user;
}

const appointBy = (who: SessionUser, forumId: string, email: string, role: ForumRole = "FACILITATOR", now?: Date) =>
  appoint(who, appointInputSchema.parse({ forumId, email, role }), now);

describe("forums, for administrators", () => {
  it("creates a forum, audited with its id", async () => {
    const admin = await actor("ADMIN");
    const input = forumInput({ facilitatorsMayAppoint: true });
    const forum = await createForum(admin, forumInputSchema.parse(input));
    expect(await forumRow(forum.id)).toEqual({ ...input });
    const [entry] = await auditOf(forum.id);
    expect(entry).toMatchObject({ action: "forum.create", actorId: admin.id, itemType: "forum", itemId: forum.id });
    expect(entry!.after).toMatchObject({ slug: input.slug, name: input.name, kind: "BEST_PRACTICE_FORUM" });
    const listed = (await listForums(admin)).find((row) => row.id === forum.id);
    expect(listed).toMatchObject({ calls: 0, facilitators: 0, observers: 0 });
  });

  it("refuses a duplicate web address on the slug field, and saves nothing", async () => {
    const admin = await actor("ADMIN");
    const first = await createForum(admin, forumInput());
    const duplicate = createForum(admin, forumInput({ slug: first.slug }));
    await expect(duplicate).rejects.toMatchObject({ kind: "conflict", code: "forumSlugTaken" });
    await expect(duplicate.catch((error) => error.fieldErrors)).resolves.toEqual({ slug: [{ code: "forumSlugTaken" }] });
    expect(await db.forum.count({ where: { slug: first.slug } })).toBe(1);

    const other = await createForum(admin, forumInput());
    await expect(updateForum(admin, { forumId: other.id, ...forumInput({ slug: first.slug }) })).rejects.toMatchObject({
      fieldErrors: { slug: [{ code: "forumSlugTaken" }] },
    });
    expect((await forumRow(other.id)).slug).toBe(other.slug);
  });

  it("edits a forum; the audit entry holds only what changed", async () => {
    const admin = await actor("ADMIN");
    const input = forumInput();
    const forum = await createForum(admin, input);
    await updateForum(admin, { forumId: forum.id, ...input, kind: "DYNAMIC_COALITION", contactEmail: "" });
    expect(await forumRow(forum.id)).toMatchObject({ kind: "DYNAMIC_COALITION", contactEmail: "" });
    const updates = await auditOf(forum.id, "forum.update");
    expect(updates).toEqual([
      expect.objectContaining({
        before: { kind: "BEST_PRACTICE_FORUM", contactEmail: "bpf@example.org" },
        after: { kind: "DYNAMIC_COALITION", contactEmail: "" },
      }),
    ]);
    // The same values again: nothing to record.
    await updateForum(admin, { forumId: forum.id, ...input, kind: "DYNAMIC_COALITION", contactEmail: "" });
    expect(await auditOf(forum.id, "forum.update")).toHaveLength(1);
    await expect(updateForum(admin, { forumId: "no-such-forum", ...input })).rejects.toMatchObject({
      kind: "not_found",
      code: "forumNotFound",
    });
    await expect(getForumForEditing(admin, "no-such-forum")).rejects.toMatchObject({ code: "forumNotFound" });
  });

  it("refuses a bad contact address, control characters and oversized text with field errors", () => {
    expect(refusals({ contactEmail: "not-an-email" })).toEqual({ contactEmail: ["invalidEmail"] });
    expect(refusals({ contactEmail: "a@b@example.org" })).toEqual({ contactEmail: ["invalidEmail"] });
    expect(refusals({ contactEmail: "" })).toEqual({});
    expect(forumInputSchema.parse({ ...forumInput(), contactEmail: " BPF@Example.org " }).contactEmail).toBe("bpf@example.org");
    expect(refusals({ name: "BPF\u0007Cyber" })).toEqual({ name: ["controlCharacters"] });
    expect(refusals({ name: "BPF\tCyber" })).toEqual({ name: ["controlCharacters"] });
    expect(refusals({ description: "Bell \u0007 here" })).toEqual({ description: ["controlCharacters"] });
    expect(refusals({ description: "Two\r\nlines\twith a tab" })).toEqual({});
    expect(refusals({ name: "NUL\u0000" })).toEqual({ name: ["invalidCharacters"] });
    expect(refusals({ name: "x".repeat(FORUM_LIMITS.name + 1) })).toEqual({ name: ["tooLong"] });
    expect(refusals({ description: "x".repeat(FORUM_LIMITS.description + 1) })).toEqual({ description: ["tooLong"] });
    expect(refusals({ name: "   " })).toEqual({ name: ["required"] });
    expect(refusals({ slug: "Bad Slug" })).toEqual({ slug: ["slugFormat"] });
    expect(refusals({ slug: "x".repeat(FORUM_LIMITS.slug + 1) })).toEqual({ slug: ["tooLong"] });
    expect(refusals({ kind: "CLUB" })).toEqual({ kind: ["chooseForumKind"] });
    // Bidi overrides are removed from names, not refused.
    expect(forumInputSchema.parse({ ...forumInput(), name: "BPF \u202eCyber" }).name).toBe("BPF Cyber");
  });

  it("refuses a stakeholder, a moderator, an observer and a facilitator, and changes nothing", async () => {
    const admin = await actor("ADMIN");
    const input = forumInput();
    const forum = await createForum(admin, input);
    const before = await forumRow(forum.id);
    const others = [
      await actor("STAKEHOLDER"),
      await actor("MODERATOR"),
      await appointee(forum.id, "OBSERVER"),
      await appointee(forum.id, "FACILITATOR"),
    ];
    for (const other of others) {
      await expect(updateForum(other, { forumId: forum.id, ...input, name: "Taken over" })).rejects.toMatchObject({
        kind: "forbidden",
      });
      await expect(createForum(other, forumInput())).rejects.toMatchObject({ kind: "forbidden" });
      await expect(listForums(other)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(getForumForEditing(other, forum.id)).rejects.toMatchObject({ kind: "forbidden" });
    }
    expect(await forumRow(forum.id)).toEqual(before);
    expect(await auditOf(forum.id)).toHaveLength(1); // the creation only
  });
});

describe("appointing people", () => {
  it("lets an administrator appoint a known person, audited by id (never the address) and emailed", async () => {
    const admin = await actor("ADMIN");
    const forum = await forumWith(false);
    const someone = await person();
    const outcome = await appointBy(admin, forum.id, someone.email.toUpperCase(), "OBSERVER");
    expect(outcome).toMatchObject({ outcome: "appointed", role: "OBSERVER", pending: false });
    const appointment = await appointmentOf(forum.id, someone.id);
    expect(appointment).toMatchObject({ role: "OBSERVER", appointedById: admin.id });
    const [entry] = await auditOf(forum.id, "forum.appoint");
    expect(entry).toMatchObject({ actorId: admin.id, itemType: "forumAppointment", itemId: appointment!.id });
    expect(entry!.after).toEqual({ userId: someone.id, role: "OBSERVER", pending: false });
    expect(JSON.stringify(entry)).not.toContain(someone.email);
    const jobs = await jobsTo(someone.email);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: null, userId: someone.id, template: { template: "forum-appointed" } });
    expect(jobs[0]!.subject).toBe(`You were appointed observer of “${forum.name}”`);
    expect(jobs[0]!.text).toContain("/moderation");
    const counted = (await listForums(admin)).find((row) => row.id === forum.id);
    expect(counted).toMatchObject({ facilitators: 0, observers: 1 });
  });

  it("writes the email in the person's own language", async () => {
    const admin = await actor("ADMIN");
    const forum = await forumWith(false);
    const french = await person("fr");
    await appointBy(admin, forum.id, french.email, "FACILITATOR");
    const [job] = await jobsTo(french.email);
    expect(job!.subject).toBe(`Votre nomination comme facilitateur de « ${forum.name} »`);
    expect(job!.text).toContain("http://localhost:3000/fr/moderation");
    const russian = await person("ru");
    await appointBy(admin, forum.id, russian.email, "OBSERVER");
    expect((await jobsTo(russian.email))[0]!.subject).toBe(`Вы назначены наблюдателем форума «${forum.name}»`);
  });

  it("is written again when sent, in the language the person has by then", async () => {
    const admin = await actor("ADMIN");
    const forum = await forumWith(false);
    const someone = await person("fr");
    await appointBy(admin, forum.id, someone.email, "OBSERVER");
    await db.user.update({ where: { id: someone.id }, data: { locale: "zh" } });
    const [row] = await db.emailJob.findMany({ where: { to: someone.email }, select: { id: true } });
    const sent: Mail[] = [];
    expect(await sendEmailRow(row!.id, { send: async (mail) => void sent.push(mail) })).toBe("sent");
    expect(sent[0]!.subject).toBe(`您已被任命为“${forum.name}”的观察员`);
    expect(sent[0]!.html).toContain('lang="zh"');
    expect(sent[0]!.headers).toBeUndefined(); // a service email: nothing to unsubscribe from
  });

  it("invites an unknown address: a new account that has never signed in, a pending appointment, an invitation", async () => {
    const admin = await actor("ADMIN");
    const forum = await forumWith(false);
    const email = `new-facilitator-${uniqueSuffix()}@example.org`;
    const outcome = await appoint(
      admin,
      appointInputSchema.parse({ forumId: forum.id, email, role: "FACILITATOR", locale: "es" }),
    );
    expect(outcome).toMatchObject({ outcome: "appointed", pending: true, person: email });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerified: true, locale: true } });
    expect(user).toMatchObject({ emailVerified: null, locale: "es" });
    expect(await appointmentOf(forum.id, user.id)).toMatchObject({ role: "FACILITATOR" });
    const { people } = await listForumPeople(admin, forum.id);
    expect(people).toEqual([expect.objectContaining({ userId: user.id, name: email, pending: true, role: "FACILITATOR" })]);
    const [job] = await jobsTo(email);
    expect(job!.template).toMatchObject({ template: "forum-appointed", item: { invited: true, changed: false } });
    expect(job!.subject).toBe(`Su nombramiento como facilitador de «${forum.name}»`);
    expect(job!.text).toContain("http://localhost:3000/es/signin?callbackUrl=%2Fmoderation");
    // Appointed elsewhere as well: the same account, still pending.
    const other = await forumWith(false);
    await appointBy(admin, other.id, email, "OBSERVER");
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("treats the same appointment sent twice as one: one row, one audit entry, one email", async () => {
    const admin = await actor("ADMIN");
    const forum = await forumWith(false);
    const someone = await person();
    const [first, second] = await Promise.all([
      appointBy(admin, forum.id, someone.email),
      appointBy(admin, forum.id, someone.email),
    ]);
    expect([first.outcome, second.outcome].sort()).toEqual(["appointed", "unchanged"]);
    expect(await db.forumAppointment.count({ where: { forumId: forum.id } })).toBe(1);
    expect(await auditOf(forum.id, "forum.appoint")).toHaveLength(1);
    expect(await jobsTo(someone.email)).toHaveLength(1);
  });

  it("lets a facilitator appoint where an administrator allowed it", async () => {
    const forum = await forumWith(true);
    const facilitator = await appointee(forum.id, "FACILITATOR");
    const someone = await person();
    await appointBy(facilitator, forum.id, someone.email, "OBSERVER");
    expect(await appointmentOf(forum.id, someone.id)).toMatchObject({ role: "OBSERVER", appointedById: facilitator.id });
    expect((await listForumPeople(facilitator, forum.id)).mayAppoint).toBe(true);
  });

  it("refuses a facilitator where it is not allowed, an observer, and anyone outside the forum; nothing changes", async () => {
    const forum = await forumWith(false);
    const allowed = await forumWith(true);
    const someone = await person();
    const facilitator = await appointee(forum.id, "FACILITATOR");
    const observer = await appointee(allowed.id, "OBSERVER");
    const existing = await appointee(forum.id, "OBSERVER");
    const existingRow = (await appointmentOf(forum.id, existing.id))!;
    await expect(appointBy(facilitator, forum.id, someone.email)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(
      changeAppointment(facilitator, { forumId: forum.id, appointmentId: existingRow.id, role: "FACILITATOR" }),
    ).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(removeAppointment(facilitator, { forumId: forum.id, appointmentId: existingRow.id })).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(appointBy(observer, allowed.id, someone.email)).rejects.toMatchObject({ kind: "forbidden" });
    for (const outsider of [await actor("STAKEHOLDER"), await appointee(allowed.id, "FACILITATOR")]) {
      await expect(appointBy(outsider, forum.id, someone.email)).rejects.toMatchObject({
        kind: "not_found",
        code: "forumNotFound",
      });
    }
    expect(await appointmentOf(forum.id, someone.id)).toBeNull();
    expect(await appointmentOf(allowed.id, someone.id)).toBeNull();
    expect(await appointmentOf(forum.id, existing.id)).toMatchObject({ role: "OBSERVER" });
    expect(await jobsTo(someone.email)).toEqual([]);
    expect(await auditOf(forum.id)).toEqual([]);
    expect(await auditOf(allowed.id)).toEqual([]);
  });

  it("refuses appointing oneself or changing one's own appointment, except to an administrator", async () => {
    const forum = await forumWith(true);
    const facilitator = await appointee(forum.id, "FACILITATOR");
    const own = (await appointmentOf(forum.id, facilitator.id))!;
    await expect(appointBy(facilitator, forum.id, facilitator.email, "OBSERVER")).rejects.toMatchObject({
      kind: "forbidden",
      code: "ownAppointment",
    });
    await expect(
      changeAppointment(facilitator, { forumId: forum.id, appointmentId: own.id, role: "OBSERVER" }),
    ).rejects.toMatchObject({
      code: "ownAppointment",
    });
    await expect(removeAppointment(facilitator, { forumId: forum.id, appointmentId: own.id })).rejects.toMatchObject({
      code: "ownAppointment",
    });
    expect(await appointmentOf(forum.id, facilitator.id)).toMatchObject({ role: "FACILITATOR" });
    const admin = await actor("ADMIN");
    await appointBy(admin, forum.id, admin.email, "OBSERVER");
    expect(await appointmentOf(forum.id, admin.id)).toMatchObject({ role: "OBSERVER" });
  });

  it("refuses a forged forum id exactly as an unknown one, and an appointment of another forum", async () => {
    const admin = await actor("ADMIN");
    const mine = await forumWith(true);
    const theirs = await forumWith(true);
    const facilitator = await appointee(mine.id, "FACILITATOR");
    const theirObserver = await appointee(theirs.id, "OBSERVER");
    const theirAppointment = (await appointmentOf(theirs.id, theirObserver.id))!;
    const someone = await person();
    const unknown = await appointBy(facilitator, "no-such-forum", someone.email).catch((error) => error);
    const forged = await appointBy(facilitator, theirs.id, someone.email).catch((error) => error);
    expect(unknown).toMatchObject({ kind: "not_found", code: "forumNotFound" });
    expect({ kind: forged.kind, code: forged.code, params: forged.params }).toEqual({
      kind: unknown.kind,
      code: unknown.code,
      params: unknown.params,
    });
    await expect(listForumPeople(facilitator, theirs.id)).rejects.toMatchObject({ code: "forumNotFound" });
    await expect(listForumPeople(admin, "no-such-forum")).rejects.toMatchObject({ code: "forumNotFound" });
    await expect(
      removeAppointment(facilitator, { forumId: theirs.id, appointmentId: theirAppointment.id }),
    ).rejects.toMatchObject({ code: "forumNotFound" });
    // Their appointment named under my forum: not an appointment of mine.
    await expect(removeAppointment(facilitator, { forumId: mine.id, appointmentId: theirAppointment.id })).rejects.toMatchObject({
      kind: "not_found",
      code: "appointmentNotFound",
    });
    expect(await appointmentOf(theirs.id, theirObserver.id)).not.toBeNull();
  });

  it("shows the people to an observer without addresses or buttons", async () => {
    const admin = await actor("ADMIN");
    const forum = await forumWith(true);
    const observer = await appointee(forum.id, "OBSERVER");
    await appointBy(admin, forum.id, (await person()).email, "FACILITATOR");
    const view = await listForumPeople(observer, forum.id);
    expect(view.mayAppoint).toBe(false);
    expect(view.people.map((p) => p.role)).toEqual(["FACILITATOR", "OBSERVER"]);
    expect(view.people.every((p) => p.email === null)).toBe(true);
    expect(view.people.find((p) => p.userId === observer.id)).toMatchObject({ own: true, appointedBy: null });
    await expect(listForumPeople(await actor("STAKEHOLDER"), forum.id)).rejects.toMatchObject({ code: "forumNotFound" });
  });
});

describe("changing and removing appointments", () => {
  it("changes a part and removes an appointment, each audited and emailed", async () => {
    const admin = await actor("ADMIN");
    const forum = await forumWith(false);
    const someone = await person();
    await appointBy(admin, forum.id, someone.email, "FACILITATOR");
    const appointment = (await appointmentOf(forum.id, someone.id))!;
    const changed = await changeAppointment(admin, { forumId: forum.id, appointmentId: appointment.id, role: "OBSERVER" });
    expect(changed).toMatchObject({ outcome: "changed", role: "OBSERVER" });
    const again = await changeAppointment(admin, { forumId: forum.id, appointmentId: appointment.id, role: "OBSERVER" });
    expect(again.outcome).toBe("unchanged");
    const removed = await removeAppointment(admin, { forumId: forum.id, appointmentId: appointment.id });
    expect(removed).toMatchObject({ outcome: "removed", role: "OBSERVER" });
    expect(await appointmentOf(forum.id, someone.id)).toBeNull();
    await expect(removeAppointment(admin, { forumId: forum.id, appointmentId: appointment.id })).rejects.toMatchObject({
      code: "appointmentNotFound",
    });
    const entries = await auditOf(forum.id);
    expect(entries.map((e) => [e.action, e.itemType, e.itemId, e.before, e.after])).toEqual([
      ["forum.appoint", "forumAppointment", appointment.id, null, { userId: someone.id, role: "FACILITATOR", pending: false }],
      [
        "forum.appointment.change",
        "forumAppointment",
        appointment.id,
        { userId: someone.id, role: "FACILITATOR" },
        { userId: someone.id, role: "OBSERVER" },
      ],
      ["forum.appointment.remove", "forumAppointment", appointment.id, { userId: someone.id, role: "OBSERVER" }, null],
    ]);
    const jobs = await jobsTo(someone.email);
    expect(jobs.map((job) => (job.template as { template: string }).template)).toEqual([
      "forum-appointed",
      "forum-appointed",
      "forum-removed",
    ]);
    expect(jobs[1]!.subject).toBe(`You are now observer of “${forum.name}”`);
    expect(jobs[2]!.subject).toBe(`You are no longer observer of “${forum.name}”`);
  });

  it("keeps the last facilitator of a forum with an open call, with a sentence saying why", async () => {
    const admin = await actor("ADMIN");
    const forum = await forumWith(false);
    await createCall(db, { forumId: forum.id }); // open: opened yesterday, closes in 30 days
    const last = await appointee(forum.id, "FACILITATOR");
    const appointment = (await appointmentOf(forum.id, last.id))!;
    // A pending facilitator (never signed in) cannot moderate: they do not count.
    await appointBy(admin, forum.id, `pending-${uniqueSuffix()}@example.org`, "FACILITATOR");
    const refusal = { kind: "conflict", code: "lastFacilitator" };
    await expect(removeAppointment(admin, { forumId: forum.id, appointmentId: appointment.id })).rejects.toMatchObject(refusal);
    await expect(
      changeAppointment(admin, { forumId: forum.id, appointmentId: appointment.id, role: "OBSERVER" }),
    ).rejects.toMatchObject(refusal);
    await expect(appointBy(admin, forum.id, last.email, "OBSERVER")).rejects.toMatchObject(refusal);
    expect(await appointmentOf(forum.id, last.id)).toMatchObject({ role: "FACILITATOR" });
    expect(await auditOf(forum.id, "forum.appointment.remove")).toEqual([]);
    expect(await jobsTo(last.email)).toEqual([]);
    // After the call closes it can go.
    const later = new Date(Date.now() + 31 * DAY);
    await expect(removeAppointment(admin, { forumId: forum.id, appointmentId: appointment.id }, later)).resolves.toMatchObject({
      outcome: "removed",
    });
  });

  it("lets the last facilitator go when no call is open, and one of two when a call is", async () => {
    const admin = await actor("ADMIN");
    const quiet = await forumWith(false);
    await createCall(db, { forumId: quiet.id, publishedAt: null }); // a draft is not open
    await createCall(db, { forumId: quiet.id, opensAt: new Date(Date.now() - 60 * DAY), closesAt: new Date(Date.now() - DAY) });
    const only = await appointee(quiet.id, "FACILITATOR");
    const onlyRow = (await appointmentOf(quiet.id, only.id))!;
    await expect(removeAppointment(admin, { forumId: quiet.id, appointmentId: onlyRow.id })).resolves.toMatchObject({
      outcome: "removed",
    });

    const busy = await forumWith(false);
    await createCall(db, { forumId: busy.id });
    const first = await appointee(busy.id, "FACILITATOR");
    await appointee(busy.id, "FACILITATOR");
    const firstRow = (await appointmentOf(busy.id, first.id))!;
    await expect(
      changeAppointment(admin, { forumId: busy.id, appointmentId: firstRow.id, role: "OBSERVER" }),
    ).resolves.toMatchObject({
      outcome: "changed",
    });
  });

  it("lets only one of two concurrent removals pass the last-facilitator check", async () => {
    const admin = await actor("ADMIN");
    const forum = await forumWith(false);
    await createCall(db, { forumId: forum.id });
    const one = await appointee(forum.id, "FACILITATOR");
    const two = await appointee(forum.id, "FACILITATOR");
    const rows = [(await appointmentOf(forum.id, one.id))!, (await appointmentOf(forum.id, two.id))!];
    const results = await Promise.allSettled(
      rows.map((row) => removeAppointment(admin, { forumId: forum.id, appointmentId: row.id })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "lastFacilitator" } });
    expect(await db.forumAppointment.count({ where: { forumId: forum.id, role: "FACILITATOR" } })).toBe(1);
    expect(await auditOf(forum.id, "forum.appointment.remove")).toHaveLength(1);
  });
});
