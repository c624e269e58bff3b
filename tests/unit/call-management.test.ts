import { afterAll, describe, expect, it } from "vitest";
import { nestValues } from "@/lib/calls/form-data";
import { callFormValues } from "@/lib/calls/form-values";
import { createCall, getCallForEditing, listForums, publishCall, unpublishCall, updateCall } from "@/lib/calls/manage";
import { callInputSchema, type CallFormValues, type CallInput } from "@/lib/calls/schemas";
import { fromLocalDateTime, isTimeZone, toLocalDateTime } from "@/lib/calls/time";
import { db, disconnectDb } from "@/lib/db";
import { fieldErrorsOf } from "@/lib/validation/issues";
import {
  createCall as createFactoryCall,
  createForum,
  createQuestion,
  createResponse,
  createUser,
  uniqueSuffix,
} from "@/prisma/factories";
import { actor } from "./helpers";
import { issueList } from "./zod-issues";

afterAll(disconnectDb);

function form(forumId: string, overrides: Partial<CallFormValues> = {}): CallFormValues {
  return {
    forumId,
    title: "Norms in practice",
    slug: `norms-${uniqueSuffix()}`,
    referencePrefix: `t${uniqueSuffix()}`,
    thematicTrack: "Security, Safety, Stability and Resilience",
    introduction: "Tell us **how** norms work in your community.",
    timeZone: "Europe/Zurich",
    opensAt: "2030-03-01T09:00",
    closesAt: "2030-04-30T17:00",
    questions: [
      { prompt: "What norms does your community follow?", type: "LONG_TEXT", required: true, helpText: "A few examples." },
      { prompt: "Your sector", type: "SHORT_TEXT" },
      { prompt: "Has a norm failed?", type: "SINGLE_CHOICE", options: "Yes\nNo\n Not sure \n" },
    ],
    glossary: [{ term: "Norm", definition: "An expectation of appropriate behaviour." }],
    ...overrides,
  };
}

const parse = (values: CallFormValues): CallInput => callInputSchema.parse(values);
const issues = (values: unknown) => issueList(callInputSchema, values);

describe("time zones", () => {
  it("converts local times in the call's zone to UTC, across daylight saving time", () => {
    expect(fromLocalDateTime("2026-01-15T09:00", "Europe/Zurich")?.toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(fromLocalDateTime("2026-07-15T09:00", "Europe/Zurich")?.toISOString()).toBe("2026-07-15T07:00:00.000Z");
    // Clocks go forward at 02:00 on 29 March 2026 in Geneva: 02:30 never happens, 03:30 is summer time.
    expect(fromLocalDateTime("2026-03-29T02:30", "Europe/Zurich")).toBeNull();
    expect(fromLocalDateTime("2026-03-29T03:30", "Europe/Zurich")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // Clocks go back at 03:00 on 25 October 2026: 02:30 happens twice; the earlier one is taken.
    expect(fromLocalDateTime("2026-10-25T02:30", "Europe/Zurich")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(fromLocalDateTime("2026-11-01T12:00", "America/Sao_Paulo")?.toISOString()).toBe("2026-11-01T15:00:00.000Z");
    expect(fromLocalDateTime("2026-05-01T12:00", "Asia/Kathmandu")?.toISOString()).toBe("2026-05-01T06:15:00.000Z");
    expect(fromLocalDateTime("2026-05-01T12:00", "UTC")?.toISOString()).toBe("2026-05-01T12:00:00.000Z");
    expect(toLocalDateTime(new Date("2026-03-29T01:30:00Z"), "Europe/Zurich")).toBe("2026-03-29T03:30");
    expect(fromLocalDateTime("2026-02-30T10:00", "UTC")).toBeNull();
  });

  it("knows the IANA zones and UTC only", () => {
    expect(isTimeZone("Africa/Nairobi")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("the call schema", () => {
  it("trims, converts and fills in defaults", () => {
    const input = parse(form("forum"));
    expect(input.referencePrefix).toMatch(/^T[0-9A-F]{8}$/);
    expect(input.opensAt.toISOString()).toBe("2030-03-01T08:00:00.000Z");
    expect(input.closesAt.toISOString()).toBe("2030-04-30T15:00:00.000Z");
    expect(input.questions.map((q) => [q.type, q.maxLength, q.options, q.required])).toEqual([
      ["LONG_TEXT", 5000, [], true],
      ["SHORT_TEXT", 300, [], false],
      ["SINGLE_CHOICE", null, ["Yes", "No", "Not sure"], false],
    ]);
  });

  it("reads a posted form with dotted names, as the browser sends it without JavaScript", () => {
    const input = callInputSchema.parse(
      nestValues({
        forumId: "f",
        title: "T",
        slug: "t",
        referencePrefix: "AB",
        timeZone: "UTC",
        opensAt: "2030-01-01T00:00",
        closesAt: "2030-01-02T00:00",
        "questions.1.prompt": "Second",
        "questions.1.type": "SHORT_TEXT",
        "questions.0.prompt": "First",
        "questions.0.type": "LONG_TEXT",
        "questions.0.required": "true",
        "glossary.0.term": "CfC",
        "glossary.0.definition": "Call for contributions",
      }),
    );
    expect(input.questions.map((q) => [q.prompt, q.required])).toEqual([
      ["First", true],
      ["Second", false],
    ]);
    expect(input.glossary).toEqual([{ term: "CfC", definition: "Call for contributions" }]);
  });

  it("answers a refused post under the same dotted names, so the editor places each message by its field", () => {
    const result = callInputSchema.safeParse(
      nestValues({
        forumId: "f",
        title: "T",
        slug: "t",
        referencePrefix: "AB",
        timeZone: "UTC",
        opensAt: "2030-01-01T00:00",
        closesAt: "2030-01-02T00:00",
        "questions.0.prompt": "Fine",
        "questions.0.type": "LONG_TEXT",
        "questions.1.prompt": "x".repeat(1_001),
        "questions.1.type": "LONG_TEXT",
        "glossary.0.term": "",
        "glossary.0.definition": "d",
      }),
    );
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!, { nested: true })).toEqual({
      "questions.1.prompt": [{ code: "tooLong", params: { max: 1_000 } }],
      "glossary.0.term": [{ code: "required", params: { min: 1 } }],
    });
    // Without `nested`, the same issues name only the top-level field.
    expect(Object.keys(fieldErrorsOf(result.error!))).toEqual(["questions", "glossary"]);
  });

  it("refuses a list it cannot read and two questions with one id", () => {
    const base = form("forum");
    expect(issues({ ...base, questions: "not a list" })).toEqual(["questions:listUnreadable"]);
    const twice = { prompt: "Q", type: "LONG_TEXT", questionId: "same-id" };
    expect(issues({ ...base, questions: [twice, twice] })).toEqual(["questions:listUnreadable"]);
  });

  it("refuses empty, oversized and ill-typed input with a message per field", () => {
    expect(issues({})).toEqual(expect.arrayContaining(["title:text", "forumId:chooseForum", "opensAt:dateTime"]));
    const base = form("forum");
    expect(issues({ ...base, title: " ", slug: "Not a slug!", referencePrefix: "c-1" })).toEqual([
      "title:required",
      "slug:slugFormat",
      "referencePrefix:prefixFormat",
    ]);
    expect(issues({ ...base, title: "x".repeat(201), introduction: "x".repeat(20_001) })).toEqual([
      'title:tooLong {"max":200}',
      'introduction:tooLong {"max":20000}',
    ]);
    expect(issues({ ...base, questions: Array.from({ length: 31 }, () => ({ prompt: "Q", type: "LONG_TEXT" })) })).toEqual([
      'questions:tooManyQuestions {"max":30}',
    ]);
    expect(
      issues({
        ...base,
        questions: [
          { prompt: "Q", type: "ESSAY" },
          { prompt: "Q", type: "SINGLE_CHOICE", options: "Only one" },
          { prompt: "Q", type: "LONG_TEXT", maxLength: "lots" },
          { prompt: "Q", type: "LONG_TEXT", maxLength: "20001", minLength: "3" },
          { prompt: "Q", type: "LONG_TEXT", maxLength: "10", minLength: "30" },
          { prompt: "Q", type: "MULTIPLE_CHOICE", options: "a\nb", maxChoices: "3" },
          { prompt: "Q", type: "SINGLE_CHOICE", options: `a\n${"b".repeat(201)}` },
        ],
      }),
    ).toEqual([
      "questions.0.type:chooseType",
      "questions.1.options:twoOptions",
      "questions.2.maxLength:wholeNumber",
      'questions.3.maxLength:tooLarge {"max":20000}',
      "questions.4.minLength:minAboveMax",
      "questions.5.maxChoices:maxChoicesRange",
      'questions.6.options:optionTooLong {"max":200}',
    ]);
    expect(issues({ ...base, glossary: [{ term: "", definition: "x" }] })).toEqual(["glossary.0.term:required"]);
  });

  it("refuses an unknown time zone, a time that does not exist, and closing before opening", () => {
    const base = form("forum");
    expect(issues({ ...base, timeZone: "Europe/Atlantis" })).toEqual(["timeZone:chooseTimeZone"]);
    expect(issues({ ...base, opensAt: "2030-03-31T02:30" })).toEqual(["opensAt:noSuchTime"]);
    expect(issues({ ...base, closesAt: "2030-03-01T09:00" })).toEqual(["closesAt:closesBeforeOpens"]);
    expect(issues({ ...base, closesAt: "next week" })).toEqual(["closesAt:dateTime"]);
  });
});

describe("managing calls", () => {
  it("creates a draft call, edits it (reordering, removing, adding questions) and publishes it", async () => {
    const moderator = await actor("MODERATOR");
    const forum = await createForum(db);
    expect((await listForums(moderator)).some((f) => f.id === forum.id)).toBe(true);
    const created = await createCall(moderator, parse(form(forum.id)));
    const call = await getCallForEditing(moderator, created.id);
    expect(call).toMatchObject({ status: "DRAFT", publishedAt: null, questionsLocked: false });
    expect(call.questions.map((q) => [q.position, q.type])).toEqual([
      [1, "LONG_TEXT"],
      [2, "SHORT_TEXT"],
      [3, "SINGLE_CHOICE"],
    ]);
    expect(call.glossary.map((g) => g.term)).toEqual(["Norm"]);

    const values = callFormValues(call);
    const [first, second, third] = values.questions!;
    await updateCall(
      moderator,
      call.id,
      parse({
        ...values,
        questions: [third!, { ...first!, prompt: "Which norms matter most?" }, { prompt: "Anything else?", type: "LONG_TEXT" }],
        glossary: [{ term: "CfC", definition: "Call for contributions" }, ...values.glossary!],
      }),
    );
    const edited = await getCallForEditing(moderator, call.id);
    expect(edited.questions.map((q) => [q.position, q.prompt])).toEqual([
      [1, "Has a norm failed?"],
      [2, "Which norms matter most?"],
      [3, "Anything else?"],
    ]);
    expect(edited.questions[0]!.id).toBe(third!.questionId);
    expect(edited.questions[1]!.id).toBe(first!.questionId);
    expect(await db.question.count({ where: { id: second!.questionId! } })).toBe(0);
    expect(edited.glossary.map((g) => g.term)).toEqual(["CfC", "Norm"]);

    const published = await publishCall(moderator, call.id, new Date("2030-02-01T00:00:00Z"));
    expect(published.publishedAt).toEqual(new Date("2030-02-01T00:00:00Z"));
    expect((await getCallForEditing(moderator, call.id, new Date("2030-02-01T00:00:00Z"))).status).toBe("SCHEDULED");
    await unpublishCall(moderator, call.id);
    expect((await getCallForEditing(moderator, call.id)).status).toBe("DRAFT");
  });

  it("answers conflict for a duplicate slug and not found for an unknown call or question", async () => {
    const moderator = await actor("ADMIN");
    const forum = await createForum(db);
    const values = form(forum.id);
    await createCall(moderator, parse(values));
    await expect(
      createCall(moderator, parse({ ...values, title: "Another", referencePrefix: `u${uniqueSuffix()}` })),
    ).rejects.toMatchObject({
      kind: "conflict",
      code: "slugTaken",
      fieldErrors: { slug: [{ code: "slugTaken" }] },
    });
    await expect(createCall(moderator, parse({ ...values, slug: `other-${uniqueSuffix()}` }))).rejects.toMatchObject({
      kind: "conflict",
      code: "prefixTaken",
      fieldErrors: { referencePrefix: [{ code: "prefixTaken" }] },
    });
    await expect(updateCall(moderator, "no-such-call", parse(form(forum.id)))).rejects.toMatchObject({ kind: "not_found" });
    await expect(getCallForEditing(moderator, "no-such-call")).rejects.toMatchObject({ kind: "not_found" });
    await expect(publishCall(moderator, "no-such-call")).rejects.toMatchObject({ kind: "not_found" });
    const other = await createCall(moderator, parse(form(forum.id)));
    const foreign = { prompt: "Q", type: "LONG_TEXT" as const, questionId: "someone-elses-question" };
    await expect(updateCall(moderator, other.id, parse(form(forum.id, { questions: [foreign] })))).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { questions: [{ code: "questionsChanged" }] },
    });
    await expect(createCall(moderator, parse(form("no-such-forum")))).rejects.toMatchObject({
      kind: "not_found",
      fieldErrors: { forumId: [{ code: "forumNotFound" }] },
    });
  });

  it("refuses to publish a call without questions", async () => {
    const moderator = await actor("MODERATOR");
    const forum = await createForum(db);
    const call = await createCall(moderator, parse(form(forum.id, { questions: [] })));
    await expect(publishCall(moderator, call.id)).rejects.toMatchObject({ kind: "conflict", code: "noQuestions" });
  });

  it("freezes the questions once a response is submitted, while the glossary, intro, help and deadline still change", async () => {
    const moderator = await actor("MODERATOR");
    const forum = await createForum(db);
    const created = await createCall(moderator, parse(form(forum.id, { opensAt: "2026-01-01T09:00" })));
    await publishCall(moderator, created.id, new Date("2026-01-01T00:00:00Z"));
    const author = await createUser(db);
    await createResponse(db, { callId: created.id, authorId: author.id, status: "SUBMITTED" });

    const call = await getCallForEditing(moderator, created.id);
    expect(call.questionsLocked).toBe(true);
    const values = callFormValues(call);
    const questions = values.questions!;
    const refusedChanges: CallFormValues["questions"][] = [
      [{ ...questions[0]!, prompt: "A different question" }, ...questions.slice(1)],
      [{ ...questions[0]!, required: false }, ...questions.slice(1)],
      [...questions.slice(0, 2), { ...questions[2]!, options: "Yes\nNo" }],
      [questions[1]!, questions[0]!, questions[2]!],
      questions.slice(0, 2),
      [...questions, { prompt: "New", type: "LONG_TEXT" }],
    ];
    for (const changed of refusedChanges) {
      await expect(updateCall(moderator, call.id, parse({ ...values, questions: changed }))).rejects.toMatchObject({
        kind: "conflict",
        code: "questionsLocked",
      });
    }
    await expect(updateCall(moderator, call.id, parse({ ...values, closesAt: "2030-04-01T17:00" }))).rejects.toMatchObject({
      kind: "conflict",
      fieldErrors: { closesAt: [{ code: "closesOnlyLater" }] },
    });
    await expect(updateCall(moderator, call.id, parse({ ...values, slug: `moved-${uniqueSuffix()}` }))).rejects.toMatchObject({
      kind: "conflict",
      fieldErrors: { slug: [{ code: "slugLocked" }] },
    });
    await expect(unpublishCall(moderator, call.id)).rejects.toMatchObject({ kind: "conflict", code: "hasResponses" });

    await updateCall(
      moderator,
      call.id,
      parse({
        ...values,
        title: "Norms in practice (extended)",
        introduction: "Extended by two weeks.",
        closesAt: "2030-05-14T17:00",
        questions: [{ ...questions[0]!, helpText: "Clarified: one or two examples are enough." }, ...questions.slice(1)],
        glossary: [...values.glossary!, { term: "Stakeholder", definition: "Anyone with a stake." }],
      }),
    );
    const after = await getCallForEditing(moderator, call.id);
    expect(after).toMatchObject({ title: "Norms in practice (extended)", introduction: "Extended by two weeks." });
    expect(after.closesAt.toISOString()).toBe("2030-05-14T15:00:00.000Z");
    expect(after.questions.map((q) => q.prompt)).toEqual(call.questions.map((q) => q.prompt));
    expect(after.questions.map((q) => q.id)).toEqual(call.questions.map((q) => q.id));
    expect(after.questions[0]!.helpText).toBe("Clarified: one or two examples are enough.");
    expect(after.glossary.map((g) => g.term)).toEqual(["Norm", "Stakeholder"]);
  });

  it("saves a call with responses left as it was, though its stored times have seconds the editor does not show", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createFactoryCall(db, {
      opensAt: new Date("2026-01-01T08:00:42.123Z"),
      closesAt: new Date("2030-01-01T08:00:42.123Z"),
      timeZone: "Africa/Nairobi",
    });
    await createQuestion(db, { callId: call.id });
    await createResponse(db, { callId: call.id, authorId: (await createUser(db)).id, status: "SUBMITTED" });
    const values = callFormValues(await getCallForEditing(moderator, call.id));
    expect(values.opensAt).toBe("2026-01-01T11:00");
    await updateCall(moderator, call.id, parse({ ...values, title: "Same call, new title" }));
    expect(
      await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { opensAt: true, closesAt: true, title: true } }),
    ).toEqual({
      opensAt: call.opensAt,
      closesAt: call.closesAt,
      title: "Same call, new title",
    });
  });

  it("refuses a stakeholder every function and changes nothing", async () => {
    const moderator = await actor("MODERATOR");
    const stakeholder = await actor("STAKEHOLDER");
    const forum = await createForum(db);
    const call = await createCall(moderator, parse(form(forum.id)));
    const input = parse(form(forum.id, { title: "Taken over" }));
    const refused = { kind: "forbidden" };
    await expect(listForums(stakeholder)).rejects.toMatchObject(refused);
    await expect(getCallForEditing(stakeholder, call.id)).rejects.toMatchObject(refused);
    await expect(createCall(stakeholder, input)).rejects.toMatchObject(refused);
    await expect(updateCall(stakeholder, call.id, input)).rejects.toMatchObject(refused);
    await expect(publishCall(stakeholder, call.id)).rejects.toMatchObject(refused);
    await expect(unpublishCall(stakeholder, call.id)).rejects.toMatchObject(refused);
    expect(await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { title: true, publishedAt: true } })).toEqual({
      title: "Norms in practice",
      publishedAt: null,
    });
    expect(await db.call.count({ where: { forumId: forum.id } })).toBe(1);
  });
});
