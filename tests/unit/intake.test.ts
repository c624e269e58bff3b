// Contributions received outside the form (lib/intake): recorded by a moderator of the call's forum on a
// person's behalf (their account, one made for them, or none) or as a session's summary with its speakers;
// each with a receipt, its channel and who recorded it (audited), counted in participation by channel,
// named publicly by the name as received when published with the name; several at once from a CSV file,
// all or nothing, with each row's errors named by line and column.
import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db";
import { countByChannel } from "@/lib/intake/channels";
import { checkImport, importContributions } from "@/lib/intake/csv";
import { recordContribution } from "@/lib/intake/intake";
import { getModeratorParticipation } from "@/lib/insights/participation";
import { getPublishedResponse, listContributors } from "@/lib/responses/public";
import { answerKey } from "@/lib/responses/schemas";
import { createCall, createQuestion, createResponse, createUser } from "@/prisma/factories";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

async function callWithQuestions() {
  const call = await createCall(db);
  const q1 = await createQuestion(db, { callId: call.id, prompt: "What norms apply?" });
  const q2 = await createQuestion(db, {
    callId: call.id,
    type: "MULTIPLE_CHOICE",
    options: ["Awareness", "Regulation", "Standards"],
  });
  return { call, q1, q2 };
}

const today = () => new Date().toISOString().slice(0, 10);

describe("recording a contribution received outside the form", () => {
  it("records an email on a person's behalf with a receipt, its channel and who recorded it, counted and named publicly", async () => {
    const { call, q1, q2 } = await callWithQuestions();
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const values = {
      channel: "EMAIL",
      receivedOn: "2026-11-20",
      contributorName: "Amina Diallo",
      email: "Amina.Diallo@example.org",
      organisation: "Dakar Internet Society",
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "AFRICA",
      country: "SN",
      consent: "PUBLISH_NAMED",
      language: "fr",
      [answerKey(q1.id)]: "Les normes de cybersécurité doivent être discutées avec la société civile.",
      [answerKey(q2.id)]: "Awareness",
    };
    const submitKey = randomUUID();

    for (const who of [
      await actor("STAKEHOLDER"),
      await appointee(call.forumId, "OBSERVER"),
      await appointee((await createCall(db)).forumId, "FACILITATOR"),
    ])
      await expect(recordContribution(who, { callId: call.id, submitKey, values })).rejects.toBeDefined();
    expect(await db.response.count({ where: { callId: call.id } })).toBe(0);

    const recorded = await recordContribution(facilitator, { callId: call.id, submitKey, values });
    expect(recorded.replayed).toBe(false);
    expect(recorded.reference).toMatch(/-0001$/);
    // The same form again (a double click): the same contribution, no second one.
    expect(await recordContribution(facilitator, { callId: call.id, submitKey, values })).toEqual({
      ...recorded,
      replayed: true,
    });

    const row = await db.response.findUniqueOrThrow({
      where: { id: recorded.id },
      select: {
        status: true,
        channel: true,
        contributorName: true,
        enteredById: true,
        moderationState: true,
        submittedAt: true,
        version: true,
        author: { select: { email: true, emailVerified: true } },
        answers: { select: { questionId: true, text: true, choices: true } },
      },
    });
    expect(row).toMatchObject({
      status: "SUBMITTED",
      channel: "EMAIL",
      contributorName: "Amina Diallo",
      enteredById: facilitator.id,
      moderationState: "PUBLISHED",
      version: 1,
      author: { email: "amina.diallo@example.org", emailVerified: null },
    });
    expect(row.submittedAt!.toISOString()).toBe("2026-11-20T12:00:00.000Z"); // midday on the call's clocks (UTC)
    expect(row.answers.find((a) => a.questionId === q2.id)?.choices).toEqual(["Awareness"]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { itemId: recorded.id, action: "response.intake" } });
    expect(audit).toMatchObject({
      actorId: facilitator.id,
      callId: call.id,
      after: { reference: recorded.reference, channel: "EMAIL", account: true },
    });

    // Public: labelled with its channel, named by the name as received.
    const published = await getPublishedResponse(recorded.reference);
    expect(published).toMatchObject({
      channel: "EMAIL",
      attribution: { kind: "named", name: "Amina Diallo", organisation: "Dakar Internet Society" },
    });
    expect((await listContributors(call.id))!.named.map((n) => n.name)).toEqual(["Amina Diallo"]);
    // Counted in participation, with its channel.
    const participation = await getModeratorParticipation(facilitator, call.id);
    expect(participation.counts.cells.CIVIL_SOCIETY.AFRICA).toBe(1);
    expect(participation.channels.byChannel).toMatchObject({ FORM: 0, EMAIL: 1 });

    // The same person again: one person, one response per call.
    await expect(
      recordContribution(facilitator, { callId: call.id, submitKey: randomUUID(), values: { ...values, receivedOn: today() } }),
    ).rejects.toMatchObject({ fieldErrors: { email: [{ code: "alreadyResponded" }] } });
  });

  it("records a session's summary with its speakers, and refuses what a person or a session must not lack", async () => {
    const { call, q1 } = await callWithQuestions();
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const session = {
      channel: "SESSION",
      receivedOn: today(),
      contributorName: "BPF Cybersecurity open session, IGF 2026",
      consent: "PUBLISH_NAMED",
      language: "en",
      speakers_GOVERNMENT: "2",
      speakers_CIVIL_SOCIETY: "3",
      speakers_ACADEMIA: "",
      [answerKey(q1.id)]: "Speakers agreed that norms need capacity building to be implemented.",
    };
    const recorded = await recordContribution(facilitator, { callId: call.id, submitKey: randomUUID(), values: session });
    const speakers = await db.sessionSpeakers.findMany({
      where: { responseId: recorded.id },
      orderBy: { stakeholderGroup: "asc" },
    });
    expect(speakers.map((s) => [s.stakeholderGroup, s.count])).toEqual([
      ["GOVERNMENT", 2],
      ["CIVIL_SOCIETY", 3],
    ]);
    expect((await db.response.findUniqueOrThrow({ where: { id: recorded.id } })).authorId).toBeNull();
    expect(await countByChannel(call.id)).toMatchObject({
      byChannel: { SESSION: 1 },
      speakers: { GOVERNMENT: 2, CIVIL_SOCIETY: 3, ACADEMIA: 0 },
    });

    const refused = (values: Record<string, unknown>) =>
      recordContribution(facilitator, { callId: call.id, submitKey: randomUUID(), values });
    await expect(refused({ ...session, speakers_GOVERNMENT: "", speakers_CIVIL_SOCIETY: "0" })).rejects.toMatchObject({
      fieldErrors: { speakers_GOVERNMENT: [{ code: "countSpeakers" }] },
    });
    await expect(refused({ ...session, email: "someone@example.org" })).rejects.toMatchObject({
      fieldErrors: { email: [{ code: "sessionNoEmail" }] },
    });
    await expect(refused({ ...session, [answerKey(q1.id)]: "  " })).rejects.toMatchObject({
      fieldErrors: { [answerKey(q1.id)]: [{ code: "answerSomething" }] },
    });
    const letter = { ...session, channel: "LETTER", speakers_GOVERNMENT: "", speakers_CIVIL_SOCIETY: "" };
    await expect(refused(letter)).rejects.toMatchObject({
      fieldErrors: { stakeholderGroup: [{ code: "contributorGroup" }], region: [{ code: "contributorRegion" }] },
    });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await expect(
      refused({ ...letter, stakeholderGroup: "GOVERNMENT", region: "AFRICA", receivedOn: tomorrow }),
    ).rejects.toMatchObject({
      fieldErrors: { receivedOn: [{ code: "receivedOn" }] },
    });
    await expect(
      refused({ ...letter, stakeholderGroup: "GOVERNMENT", region: "AFRICA", contributorName: "x".repeat(201) }),
    ).rejects.toMatchObject({
      fieldErrors: { contributorName: [{ code: "tooLong" }] },
    });
    const draft = await createCall(db, { publishedAt: null });
    await expect(
      recordContribution(facilitator.role === "ADMIN" ? facilitator : await actor("ADMIN"), {
        callId: draft.id,
        submitKey: randomUUID(),
        values: letter,
      }),
    ).rejects.toMatchObject({ code: "intakeUnpublished" });
    expect(await db.response.count({ where: { callId: call.id } })).toBe(1);
  });
});

describe("the day a contribution was received", () => {
  it("is midday of that day on the call's clocks, so it counts on that day in the figures", async () => {
    const call = await createCall(db, { timeZone: "Pacific/Kiritimati" }); // UTC+14
    const q1 = await createQuestion(db, { callId: call.id });
    const recorded = await recordContribution(await appointee(call.forumId, "FACILITATOR"), {
      callId: call.id,
      submitKey: randomUUID(),
      values: {
        channel: "LETTER",
        receivedOn: "2026-11-20",
        contributorName: "Ministry of Communications",
        stakeholderGroup: "GOVERNMENT",
        region: "ASIA_PACIFIC",
        consent: "PRIVATE",
        language: "en",
        [answerKey(q1.id)]: "Our letter on norms.",
      },
    });
    const { submittedAt } = await db.response.findUniqueOrThrow({ where: { id: recorded.id } });
    expect(submittedAt!.toISOString()).toBe("2026-11-19T22:00:00.000Z");
  });
});

function csvOf(rows: string[][]) {
  return rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\r\n");
}

describe("importing contributions from a CSV file", () => {
  const header = ["channel", "received_on", "name", "email", "stakeholder_group", "region", "country", "consent", "q1", "q2"];
  const row = (n: number) => [
    n % 2 ? "email" : "Mailing list",
    "2026-11-0" + ((n % 9) + 1),
    `Contributor ${n}`,
    `contributor${n}@example.org`,
    "TECHNICAL_COMMUNITY",
    "ASIA_PACIFIC",
    "",
    "PUBLISH_ANONYMOUS",
    `Answer number ${n}, with a comma, and "quotes".`,
    "Awareness | Standards",
  ];

  it("imports 20 rows at once, each with its receipt, and a second click imports nothing more", async () => {
    const { call, q2 } = await callWithQuestions();
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const csv = "\uFEFF" + csvOf([header, ...Array.from({ length: 20 }, (_, i) => row(i + 1))]);
    const check = await checkImport(facilitator, { callId: call.id, csv });
    expect(check.errors).toEqual([]);
    expect(check.rows).toHaveLength(20);
    expect(check.rows[0]).toMatchObject({ line: 2, name: "Contributor 1", channel: "EMAIL", answered: 2 });
    expect(await db.response.count({ where: { callId: call.id } })).toBe(0);

    const importKey = randomUUID();
    const outcome = await importContributions(facilitator, { callId: call.id, csv, importKey });
    expect(outcome.imported).toBe(20);
    expect(outcome.references[19]).toMatch(/-0020$/);
    expect((await importContributions(facilitator, { callId: call.id, csv, importKey })).replayed).toBe(true);
    expect(await db.response.count({ where: { callId: call.id, channel: { in: ["EMAIL", "MAILING_LIST"] } } })).toBe(20);
    const second = await db.response.findFirstOrThrow({
      where: { callId: call.id, contributorName: "Contributor 2" },
      select: { channel: true, answers: { where: { questionId: q2.id }, select: { choices: true } } },
    });
    expect(second).toEqual({ channel: "MAILING_LIST", answers: [{ choices: ["Awareness", "Standards"] }] });
    expect(await db.auditEntry.count({ where: { callId: call.id, action: "response.intake" } })).toBe(20);
  });

  it("saves nothing when one row has an error, and names its line and column", async () => {
    const { call } = await callWithQuestions();
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const taken = await createUser(db, { email: "taken@example.org" });
    await createResponse(db, { callId: call.id, authorId: taken.id, status: "SUBMITTED" });
    const rows = Array.from({ length: 20 }, (_, i) => row(i + 1));
    rows[6]![4] = "JOURNALISTS"; // line 8: no such group
    rows[11]![3] = "taken@example.org"; // line 13: already responded
    rows[14]![3] = "contributor1@example.org"; // line 16: the address of line 2
    const csv = csvOf([header, ...rows]);
    const check = await checkImport(facilitator, { callId: call.id, csv });
    expect(check.errors.map((e) => [e.line, e.column, e.error.code])).toEqual([
      [8, "stakeholder_group", "contributorGroup"],
      [13, "email", "alreadyResponded"],
      [16, "email", "csvDuplicateEmail"],
    ]);
    await expect(importContributions(facilitator, { callId: call.id, csv, importKey: randomUUID() })).rejects.toMatchObject({
      code: "csvHasErrors",
    });
    expect(await db.response.count({ where: { callId: call.id } })).toBe(1);

    const columns = await checkImport(facilitator, {
      callId: call.id,
      csv: csvOf([
        ["channel", "name", "q9"],
        ["EMAIL", "A", "x"],
      ]),
    });
    expect(columns.errors.map((e) => [e.line, e.column, e.error.code])).toEqual([
      [1, "q9", "csvUnknownColumn"],
      [1, "received_on", "csvMissingColumn"],
      [1, "consent", "csvMissingColumn"],
    ]);
    await expect(checkImport(facilitator, { callId: call.id, csv: "" })).rejects.toMatchObject({ code: "csvEmpty" });
    await expect(checkImport(facilitator, { callId: call.id, csv: 'channel,name\n"EMAIL,A\n' })).rejects.toMatchObject({
      code: "csvUnreadable",
    });
    await expect(checkImport(await appointee(call.forumId, "OBSERVER"), { callId: call.id, csv })).rejects.toMatchObject({
      kind: "forbidden",
    });
  });
});
