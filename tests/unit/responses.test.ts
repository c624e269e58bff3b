import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { drainEmailQueue } from "@/lib/notifications/worker";
import { db, disconnectDb } from "@/lib/db";
import {
  getOrCreateDraft,
  getOwnResponse,
  listOwnContributions,
  listOwnVersions,
  saveDraft,
  submitResponse,
  withdrawResponse,
} from "@/lib/responses/responses";
import { buildAnswersSchema, buildSubmissionSchema, RESPONSE_LIMITS, type QuestionDefinition } from "@/lib/responses/schemas";
import { fromZodIssue } from "@/lib/validation/issues";
import { createCall, createQuestion } from "@/prisma/factories";
import { actor } from "./helpers";
import { withTemporaryOutbox } from "./outbox";

const outbox = withTemporaryOutbox("receipts");
afterAll(disconnectDb);

const DAY = 24 * 3600 * 1000;
const q = (overrides: Partial<QuestionDefinition> & Pick<QuestionDefinition, "id" | "type">): QuestionDefinition => ({
  required: false,
  minLength: null,
  maxLength: null,
  options: [],
  maxChoices: null,
  ...overrides,
});

/** Each issue as the app's error (code and parameters), by its path. */
const errorsOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join(".") || "(form)", fromZodIssue(i)]));
};

describe("the answers schema built from question definitions", () => {
  const questions = [
    q({ id: "long", type: "LONG_TEXT", required: true, minLength: 10, maxLength: 50 }),
    q({ id: "short", type: "SHORT_TEXT" }),
    q({ id: "one", type: "SINGLE_CHOICE", required: true, options: ["Yes", "No"] }),
    q({ id: "many", type: "MULTIPLE_CHOICE", options: ["A", "B", "C"], maxChoices: 2 }),
  ];
  const schema = buildSubmissionSchema(questions);
  const valid = {
    q_long: "  Norms need civil society.  ",
    q_short: "",
    q_one: "Yes",
    q_many: ["A"],
    consent: "PRIVATE",
    submitKey: randomUUID(),
  };

  it("accepts a complete submission, trimming text and normalising line breaks", () => {
    expect(schema.parse({ ...valid, q_long: "Line one\r\nline two" })).toMatchObject({
      q_long: "Line one\nline two",
      q_many: ["A"],
    });
    expect(schema.parse(valid).q_long).toBe("Norms need civil society.");
  });

  it("refuses empty required answers, lengths outside the limits, and choices not offered", () => {
    expect(errorsOf(schema, { ...valid, q_long: "   ", q_one: "" })).toEqual({
      q_long: { code: "answerRequired" },
      q_one: { code: "chooseOne" },
    });
    expect(errorsOf(schema, { ...valid, q_long: "short" })).toEqual({ q_long: { code: "tooShort", params: { min: 10 } } });
    expect(errorsOf(schema, { ...valid, q_long: "x".repeat(51) })).toEqual({ q_long: { code: "tooLong", params: { max: 50 } } });
    expect(errorsOf(schema, { ...valid, q_short: "x".repeat(RESPONSE_LIMITS.shortTextMax + 1) })).toEqual({
      q_short: { code: "tooLong", params: { max: RESPONSE_LIMITS.shortTextMax } },
    });
    expect(errorsOf(schema, { ...valid, q_one: "Maybe" })).toEqual({ q_one: { code: "chooseOffered" } });
    expect(errorsOf(schema, { ...valid, q_many: ["A", "Z"] })).toEqual({ q_many: { code: "chooseOffered" } });
    expect(errorsOf(schema, { ...valid, q_many: ["A", "A"] })).toEqual({ q_many: { code: "chooseOffered" } });
    expect(errorsOf(schema, { ...valid, q_many: ["A", "B", "C"] })).toEqual({
      q_many: { code: "tooManyChoices", params: { max: 2 } },
    });
    expect(errorsOf(schema, { ...valid, consent: "PUBLISH_EVERYTHING", submitKey: "1" })).toEqual({
      consent: { code: "chooseConsent" },
      submitKey: { code: "invalidValue" },
    });
  });

  it("caps a long-text question without its own limit, and refuses unknown question ids", () => {
    const uncapped = buildAnswersSchema([q({ id: "x", type: "LONG_TEXT", maxLength: 10_000_000 })]);
    expect(errorsOf(uncapped, { q_x: "x".repeat(RESPONSE_LIMITS.longTextMax + 1) })).toEqual({
      q_x: { code: "tooLong", params: { max: RESPONSE_LIMITS.longTextMax } },
    });
    expect(errorsOf(schema, { ...valid, q_other: "from another call" })).toEqual({ "(form)": { code: "unknownQuestion" } });
  });

  it("lets a draft be incomplete but never oversized", () => {
    const draft = buildAnswersSchema(questions, { draft: true });
    expect(draft.safeParse({ q_long: "", q_one: "" }).success).toBe(true);
    expect(errorsOf(draft, { q_long: "x".repeat(51) })).toEqual({ q_long: { code: "tooLong", params: { max: 50 } } });
    expect(errorsOf(draft, { q_many: ["A", "B", "C"] })).toEqual({ q_many: { code: "tooManyChoices", params: { max: 2 } } });
    expect(errorsOf(draft, { q_unknown: "x" })).toEqual({ "(form)": { code: "unknownQuestion" } });
  });
});

async function openCallWithQuestions(overrides: Parameters<typeof createCall>[1] = {}) {
  const call = await createCall(db, overrides);
  const text = await createQuestion(db, { callId: call.id, type: "LONG_TEXT", required: true, maxLength: 200 });
  const choice = await createQuestion(db, { callId: call.id, type: "SINGLE_CHOICE", options: ["Yes", "No"] });
  return { call, text, choice };
}

async function startDraft(me: SessionUser, slug: string) {
  const { response } = await getOrCreateDraft(me, slug);
  return response!;
}

const submission = (responseId: string, answers: Record<string, unknown>, submitKey = randomUUID()) => ({
  responseId,
  answers,
  consent: "PUBLISH_ANONYMOUS",
  submitKey,
});

/** A mail file's text with its quoted-printable encoding undone (soft line breaks, =XX bytes). */
const decoded = (mail: string) =>
  Buffer.from(
    mail.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");

describe("drafts", () => {
  it("creates one draft per person and call, saves it and gives it back", async () => {
    const me = await actor();
    const { call, text } = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    expect((await startDraft(me, call.slug)).id).toBe(draft.id);
    const { savedAt } = await saveDraft(me, {
      responseId: draft.id,
      answers: { [`q_${text.id}`]: "Half a thought" },
      consent: "PRIVATE",
    });
    expect(savedAt).toBeInstanceOf(Date);
    const again = await getOwnResponse(me, draft.id);
    expect(again).toMatchObject({
      status: "DRAFT",
      consent: "PRIVATE",
      answers: [{ questionId: text.id, text: "Half a thought" }],
    });
  });

  it("refuses oversized drafts and answers to another call's questions, keeping what was saved", async () => {
    const me = await actor();
    const { call, text } = await openCallWithQuestions();
    const other = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    await saveDraft(me, { responseId: draft.id, answers: { [`q_${text.id}`]: "Kept" } });
    await expect(saveDraft(me, { responseId: draft.id, answers: { [`q_${text.id}`]: "x".repeat(201) } })).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { [`q_${text.id}`]: [{ code: "tooLong", params: { max: 200 } }] },
    });
    await expect(saveDraft(me, { responseId: draft.id, answers: { [`q_${other.text.id}`]: "Elsewhere" } })).rejects.toMatchObject(
      {
        kind: "invalid",
        message: "unknownQuestion",
      },
    );
    expect((await getOwnResponse(me, draft.id)).answers).toEqual([{ questionId: text.id, text: "Kept", choices: [] }]);
  });

  it("gives no draft for a scheduled call, and none at all for an unpublished one", async () => {
    const me = await actor();
    const scheduled = await createCall(db, { opensAt: new Date(Date.now() + DAY) });
    expect(await getOrCreateDraft(me, scheduled.slug)).toMatchObject({ call: { status: "SCHEDULED" }, response: null });
    const unpublished = await createCall(db, { publishedAt: null });
    await expect(getOrCreateDraft(me, unpublished.slug)).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("submitting", () => {
  it("gives a receipt number, a version and a copy of the profile, and emails the receipt", async () => {
    const me = await actor();
    const prefix = `R${randomUUID().slice(0, 6).toUpperCase()}`; // never a demo prefix such as CYB26
    const { call, text, choice } = await openCallWithQuestions({ referencePrefix: prefix });
    const draft = await startDraft(me, call.slug);
    const receipt = await submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "Norms", [`q_${choice.id}`]: "Yes" }));
    expect(receipt).toMatchObject({ reference: `${prefix}-0001`, version: 1, replayed: false });
    const profile = await db.profile.findUniqueOrThrow({ where: { userId: me.id } });
    expect(await getOwnResponse(me, draft.id)).toMatchObject({
      status: "SUBMITTED",
      consent: "PUBLISH_ANONYMOUS",
      reference: `${prefix}-0001`,
      answers: expect.arrayContaining([{ questionId: choice.id, text: "", choices: ["Yes"] }]),
    });
    expect(
      await db.response.findUniqueOrThrow({
        where: { id: draft.id },
        select: { stakeholderGroup: true, region: true, country: true },
      }),
    ).toEqual({ stakeholderGroup: profile.stakeholderGroup, region: profile.region, country: profile.country });
    // The receipt is queued in the submitting transaction; the worker sends it (here: drains of the queue, a
    // batch of DRAIN_BATCH at a time, until it is sent: other tests of this worker's database may have queued
    // mail before it).
    const sent = () =>
      readdirSync(outbox)
        .map((file) => decoded(readFileSync(join(outbox, file), "utf8")))
        .find((m) => m.includes(`${prefix}-0001`));
    while (!sent() && (await drainEmailQueue()).claimed > 0);
    const mail = sent();
    expect(mail).toContain(`/my/responses/${draft.id}`);
    // The receipt states the consent chosen and the identity the response is filed under (issue 16, items 2, 4).
    expect(mail).toContain("Publication: Publish without my name.");
    expect(mail).toContain("Filed under: stakeholder group Civil Society; region Africa;");
  });

  it("starts a draft with no consent chosen, and refuses a submission without one", async () => {
    const me = await actor();
    const { call, text } = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    expect(draft.consent).toBeNull();
    await expect(
      submitResponse(me, { ...submission(draft.id, { [`q_${text.id}`]: "Norms" }), consent: "" }),
    ).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { consent: [{ code: "chooseConsent" }] },
    });
    expect(await getOwnResponse(me, draft.id)).toMatchObject({ status: "DRAFT", consent: null });
  });

  it("refuses an empty required answer with a clear message and keeps the draft", async () => {
    const me = await actor();
    const { call, text } = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    await saveDraft(me, { responseId: draft.id, answers: { [`q_${text.id}`]: "  " } });
    await expect(submitResponse(me, submission(draft.id, { [`q_${text.id}`]: " " }))).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { [`q_${text.id}`]: [{ code: "answerRequired" }] },
    });
    expect(await getOwnResponse(me, draft.id)).toMatchObject({ status: "DRAFT", version: 0, reference: null });
  });

  it("makes one submission of five concurrent requests with the same key", async () => {
    const me = await actor();
    const { call, text } = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "Once" }, key))),
    );
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await listOwnVersions(me, draft.id)).toHaveLength(1);
    expect((await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { lastReference: true } })).lastReference).toBe(1);
  });

  it("keeps each edit as a new version under the same reference, with the profile of the moment", async () => {
    const me = await actor();
    const { call, text } = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    const first = await submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "First thought" }));
    await db.profile.update({ where: { userId: me.id }, data: { stakeholderGroup: "ACADEMIA", region: "ASIA_PACIFIC" } });
    // The profile changed: the edit must say which identity to file under, never re-stamp silently.
    await expect(submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "Second thought" }))).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { identity: [{ code: "chooseIdentity" }] },
    });
    const second = await submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "Second thought", identity: "profile" }));
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second.reference).toBe(first.reference);
    const versions = await listOwnVersions(me, draft.id);
    expect(versions.map((v) => [v.version, v.answers[0]?.text])).toEqual([
      [2, "Second thought"],
      [1, "First thought"],
    ]);
    expect(
      await db.response.findUniqueOrThrow({ where: { id: draft.id }, select: { stakeholderGroup: true, region: true } }),
    ).toEqual({ stakeholderGroup: "ACADEMIA", region: "ASIA_PACIFIC" });
    await expect(saveDraft(me, { responseId: draft.id, answers: {} })).rejects.toMatchObject({
      kind: "conflict",
      message: "alreadySubmitted",
    });
  });

  it("keeps the identity as filed when the author chooses so, and asks nothing when the profile is unchanged", async () => {
    const me = await actor();
    const { call, text } = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    await submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "First" }));
    await submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "Unchanged profile" }));
    await db.profile.update({
      where: { userId: me.id },
      data: { stakeholderGroup: "GOVERNMENT", region: "WESTERN_EUROPE_OTHERS", country: "FR" },
    });
    await submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "Third", identity: "asFiled" }));
    expect(
      await db.response.findUniqueOrThrow({
        where: { id: draft.id },
        select: { stakeholderGroup: true, region: true, country: true, version: true },
      }),
    ).toEqual({ stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA", country: "KE", version: 3 });
  });

  it("follows the server's clock: a closed call refuses submit, edit and draft saves; the draft stays readable", async () => {
    const me = await actor();
    const { call, text } = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    await saveDraft(me, { responseId: draft.id, answers: { [`q_${text.id}`]: "Almost done" } });
    await db.call.update({ where: { id: call.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    await expect(submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "Done" }))).rejects.toMatchObject({
      kind: "closed",
      message: "callClosed",
    });
    await expect(saveDraft(me, { responseId: draft.id, answers: {} })).rejects.toMatchObject({ kind: "closed" });
    expect(await getOrCreateDraft(me, call.slug)).toMatchObject({
      call: { status: "CLOSED" },
      response: { id: draft.id, answers: [{ text: "Almost done" }] },
    });
  });

  it("refuses a scheduled or unpublished call", async () => {
    const me = await actor();
    const { call, text } = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    await db.call.update({ where: { id: call.id }, data: { opensAt: new Date(Date.now() + DAY) } });
    await expect(submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "x" }))).rejects.toMatchObject({
      kind: "closed",
      message: "callNotOpen",
    });
    await db.call.update({ where: { id: call.id }, data: { opensAt: new Date(Date.now() - DAY), publishedAt: null } });
    await expect(submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "x" }))).rejects.toMatchObject({
      kind: "closed",
      message: "callNotOpen",
    });
    expect(await getOwnResponse(me, draft.id)).toMatchObject({ status: "DRAFT", version: 0 });
  });
});

describe("withdrawal and other people's responses", () => {
  it("withdraws a submitted response; it can then be neither edited nor submitted again", async () => {
    const me = await actor();
    const { call, text } = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    await submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "Mine" }));
    expect(await withdrawResponse(me, draft.id)).toMatchObject({ status: "WITHDRAWN", withdrawnAt: expect.any(Date) });
    await expect(submitResponse(me, submission(draft.id, { [`q_${text.id}`]: "Changed" }))).rejects.toMatchObject({
      kind: "conflict",
      message: "withdrawn",
    });
    await expect(saveDraft(me, { responseId: draft.id, answers: {} })).rejects.toMatchObject({ message: "withdrawn" });
    await expect(withdrawResponse(me, draft.id)).rejects.toMatchObject({ message: "withdrawn" });
    expect((await listOwnVersions(me, draft.id)).map((v) => v.answers[0]?.text)).toEqual(["Mine"]);
  });

  it("answers 'not found' to another user's response id and changes nothing", async () => {
    const [me, intruder] = [await actor(), await actor()];
    const { call, text } = await openCallWithQuestions();
    const draft = await startDraft(me, call.slug);
    await saveDraft(me, { responseId: draft.id, answers: { [`q_${text.id}`]: "Private draft" } });
    const notFound = { kind: "not_found" };
    await expect(getOwnResponse(intruder, draft.id)).rejects.toMatchObject(notFound);
    await expect(listOwnVersions(intruder, draft.id)).rejects.toMatchObject(notFound);
    await expect(
      saveDraft(intruder, { responseId: draft.id, answers: { [`q_${text.id}`]: "Overwritten" } }),
    ).rejects.toMatchObject(notFound);
    await expect(submitResponse(intruder, submission(draft.id, { [`q_${text.id}`]: "Overwritten" }))).rejects.toMatchObject(
      notFound,
    );
    await expect(withdrawResponse(intruder, draft.id)).rejects.toMatchObject(notFound);
    expect(await getOwnResponse(me, draft.id)).toMatchObject({ status: "DRAFT", answers: [{ text: "Private draft" }] });
    expect(await listOwnContributions(intruder)).toEqual([]);
  });

  it("lists one's own drafts and submissions with call, status, reference and version count", async () => {
    const me = await actor();
    const a = await openCallWithQuestions();
    const b = await openCallWithQuestions();
    const draft = await startDraft(me, a.call.slug);
    const sent = await startDraft(me, b.call.slug);
    const receipt = await submitResponse(me, submission(sent.id, { [`q_${b.text.id}`]: "Sent" }));
    const list = await listOwnContributions(me);
    expect(list).toHaveLength(2);
    expect(list.find((row) => row.id === draft.id)).toMatchObject({
      status: "DRAFT",
      reference: null,
      versionCount: 0,
      call: { slug: a.call.slug, status: "OPEN" },
    });
    expect(list.find((row) => row.id === sent.id)).toMatchObject({
      status: "SUBMITTED",
      reference: receipt.reference,
      versionCount: 1,
    });
  });
});
