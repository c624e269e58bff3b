import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { excerptStatus, findQuote } from "@/lib/curation/excerpt-status";
import { createExcerpt, createExcerptFromQuote, deleteExcerpt, listExcerpts, updateExcerpt } from "@/lib/curation/excerpts";
import { excerptInputSchema } from "@/lib/curation/schemas";
import { db, disconnectDb } from "@/lib/db";
import { submitResponse, withdrawResponse } from "@/lib/responses/responses";
import { createCodingCall, createTag } from "@/prisma/factories-coding";
import { createResponse, createUser } from "@/prisma/factories";
import { actor } from "./helpers";
import { withTemporaryOutbox } from "./outbox";

withTemporaryOutbox("coding");
afterAll(disconnectDb);

const ANSWER =
  "Capacity building comes first. 🌍 Regional CERTs share incident data.\n" +
  "Human rights must frame every norm. Confidence-building measures help too.";

/** The excerpt input for the first occurrence of `quote` in `text`, as the browser would send it. */
const selection = (responseId: string, questionId: string, text: string, quote: string, tagIds: string[] = []) => {
  const start = text.indexOf(quote);
  return excerptInputSchema.parse({ responseId, questionId, start, end: start + quote.length, quote, note: "", tagIds });
};

const auditOf = (itemId: string) =>
  db.auditEntry.findMany({
    where: { itemId },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, before: true, after: true },
  });

describe("excerptStatus (offsets in UTF-16 code units)", () => {
  const quote = "Regional CERTs";
  const start = ANSWER.indexOf(quote);
  const excerpt = { start, end: start + quote.length, quote };

  it("counts an emoji as two units, as the browser does", () => {
    expect(start).toBe("Capacity building comes first. 🌍 ".length);
    expect("🌍".length).toBe(2);
    expect(excerptStatus(excerpt, ANSWER)).toEqual({ status: "unchanged", start, end: start + quote.length });
  });

  it("finds a quote that moved, nearest to where it was, and says when it is gone", () => {
    const edited = `New opening line. ${ANSWER}`;
    expect(excerptStatus(excerpt, edited)).toEqual({ status: "moved", start: start + 18, end: start + 18 + quote.length });
    const twice = `${quote} ${ANSWER.replace("🌍 ", "")}`;
    expect(excerptStatus(excerpt, twice)).toMatchObject({ status: "moved", start: twice.lastIndexOf(quote) });
    expect(excerptStatus(excerpt, ANSWER.replace("Regional", "National"))).toEqual({ status: "changed" });
    expect(findQuote(ANSWER, "Human rights")).toEqual({ start: ANSWER.indexOf("Human"), end: ANSWER.indexOf("Human") + 12 });
    expect(findQuote(ANSWER, "not there")).toBeNull();
  });

  it("refuses offsets that do not span the quote, and empty or oversized quotes", () => {
    const base = { responseId: "r", questionId: "q", note: "" };
    expect(excerptInputSchema.safeParse({ ...base, start: 0, end: 5, quote: "Capacity" }).success).toBe(false);
    expect(excerptInputSchema.safeParse({ ...base, start: 0, end: 1, quote: " " }).success).toBe(false);
    expect(excerptInputSchema.safeParse({ ...base, start: -1, end: 7, quote: "Capacity" }).success).toBe(false);
    expect(excerptInputSchema.safeParse({ ...base, start: 0, end: 5001, quote: "x".repeat(5001) }).success).toBe(false);
    expect(excerptInputSchema.parse({ ...base, start: "0", end: "8", quote: "Capacity" })).toMatchObject({
      start: 0,
      end: 8,
      tagIds: [],
    });
  });
});

describe("saving excerpts", () => {
  it("stores the quote, its offsets and the response version, with tags and an audit entry", async () => {
    const moderator = await actor("MODERATOR");
    const { call, question, responses } = await createCodingCall(db, [{ answer: ANSWER }]);
    const tag = await createTag(db, { callId: call.id, name: "capacity building" });
    const input = {
      ...selection(responses[0]!.id, question.id, ANSWER, "Regional CERTs share incident data.", [tag.id]),
      note: "A practice",
    };
    const saved = await createExcerpt(moderator, input);
    const row = await db.excerpt.findUniqueOrThrow({
      where: { id: saved.id },
      select: {
        start: true,
        end: true,
        quote: true,
        note: true,
        sourceVersion: true,
        createdById: true,
        tags: { select: { tagId: true } },
      },
    });
    expect(row).toEqual({
      start: input.start,
      end: input.end,
      quote: "Regional CERTs share incident data.",
      note: "A practice",
      sourceVersion: 1,
      createdById: moderator.id,
      tags: [{ tagId: tag.id }],
    });
    expect(ANSWER.slice(row.start, row.end)).toBe(row.quote);
    const [entry] = await auditOf(saved.id);
    expect(entry).toMatchObject({
      action: "excerpt.create",
      actorId: moderator.id,
      after: { quote: row.quote, start: input.start, tagIds: [tag.id] },
    });
  });

  it("keeps the quote after the author edits the answer, and says whether the source still matches", async () => {
    const moderator = await actor("MODERATOR");
    const { call, question, responses } = await createCodingCall(db, [{ answer: ANSWER }]);
    const response = responses[0]!;
    const quotes = [
      "Capacity building comes first.",
      "Regional CERTs share incident data.",
      "Confidence-building measures help too.",
    ];
    const ids = [];
    for (const quote of quotes) ids.push((await createExcerpt(moderator, selection(response.id, question.id, ANSWER, quote))).id);

    // The author submits a new version: a word changes at the start, and the last sentence goes.
    const edited =
      "Capacity building comes first. 🌍 Today Regional CERTs share incident data.\nHuman rights must frame every norm.";
    const receipt = await submitResponse(
      { id: response.author.id, email: response.author.email },
      { responseId: response.id, answers: { [`q_${question.id}`]: edited }, consent: "PUBLISH_NAMED", submitKey: randomUUID() },
    );
    expect(receipt.version).toBe(2);
    const listed = await listExcerpts(moderator, call.id, { responseId: response.id });
    const byId = new Map(listed.map((e) => [e.id, e]));
    expect(byId.get(ids[0]!)).toMatchObject({ quote: quotes[0], sourceVersion: 1, source: { status: "unchanged" } });
    const moved = edited.indexOf(quotes[1]!);
    expect(byId.get(ids[1]!)).toMatchObject({
      quote: quotes[1],
      source: { status: "moved", start: moved, end: moved + quotes[1]!.length },
    });
    expect(byId.get(ids[2]!)).toMatchObject({ quote: quotes[2], source: { status: "changed" } });
    expect(byId.get(ids[2]!)!.response).toMatchObject({ id: response.id, version: 2, reference: response.reference });
    const stored = await db.excerpt.findUniqueOrThrow({ where: { id: ids[1]! }, select: { start: true, quote: true } });
    expect(stored).toEqual({ start: ANSWER.indexOf(quotes[1]!), quote: quotes[1] });
  });

  it("refuses a quote that no longer reads at its offsets, and saves nothing", async () => {
    const moderator = await actor("MODERATOR");
    const { question, responses } = await createCodingCall(db, [{ answer: ANSWER }]);
    const stale = selection(responses[0]!.id, question.id, ANSWER, "Human rights must frame every norm.");
    await db.answer.updateMany({ where: { responseId: responses[0]!.id }, data: { text: `Edited. ${ANSWER}` } });
    await expect(createExcerpt(moderator, stale)).rejects.toMatchObject({ kind: "conflict", code: "excerptStale" });
    await expect(createExcerpt(moderator, { ...stale, start: 9000, end: 9000 + stale.quote.length })).rejects.toMatchObject({
      code: "excerptStale",
    });
    expect(await db.excerpt.count({ where: { responseId: responses[0]!.id } })).toBe(0);
  });

  it("finds a pasted quote (without JavaScript) or refuses it", async () => {
    const moderator = await actor("MODERATOR");
    const { question, responses } = await createCodingCall(db, [{ answer: ANSWER }]);
    const base = { responseId: responses[0]!.id, questionId: question.id, note: "", tagIds: [] };
    const saved = await createExcerptFromQuote(moderator, { ...base, quote: "every norm" });
    expect(saved).toMatchObject({
      start: ANSWER.indexOf("every norm"),
      end: ANSWER.indexOf("every norm") + 10,
      quote: "every norm",
    });
    await expect(createExcerptFromQuote(moderator, { ...base, quote: "every rule" })).rejects.toMatchObject({
      kind: "invalid",
      code: "quoteNotFound",
    });
    expect(await db.excerpt.count({ where: { responseId: base.responseId } })).toBe(1);
  });

  it("refuses tags of another call, other roles, drafts and withdrawn responses", async () => {
    const moderator = await actor("MODERATOR");
    const { call, question, responses } = await createCodingCall(db, [{ answer: ANSWER }]);
    const other = await createCodingCall(db, [{ answer: ANSWER }]);
    const foreign = await createTag(db, { callId: other.call.id });
    const input = selection(responses[0]!.id, question.id, ANSWER, "Capacity building", [foreign.id]);
    await expect(createExcerpt(moderator, input)).rejects.toMatchObject({ kind: "invalid", code: "tagOtherCall" });
    for (const role of ["STAKEHOLDER"] as const)
      await expect(createExcerpt(await actor(role), { ...input, tagIds: [] })).rejects.toMatchObject({ kind: "forbidden" });
    const author = await createUser(db);
    const draft = await createResponse(db, {
      callId: call.id,
      authorId: author.id,
      answers: [{ questionId: question.id, text: ANSWER }],
    });
    await expect(createExcerpt(moderator, { ...input, responseId: draft.id, tagIds: [] })).rejects.toMatchObject({
      kind: "not_found",
    });
    await withdrawResponse({ id: responses[0]!.author.id, email: responses[0]!.author.email }, responses[0]!.id);
    await expect(createExcerpt(moderator, { ...input, tagIds: [] })).rejects.toMatchObject({
      kind: "conflict",
      code: "responseNotSubmitted",
    });
    expect(await db.excerpt.count({ where: { response: { callId: call.id } } })).toBe(0);
    await expect(listExcerpts(await actor("STAKEHOLDER"), call.id)).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("refuses to delete an excerpt a draft message cites, and keeps it", async () => {
    const moderator = await actor("MODERATOR");
    const { call, question, responses } = await createCodingCall(db, [{ answer: ANSWER }]);
    const saved = await createExcerpt(moderator, selection(responses[0]!.id, question.id, ANSWER, "Capacity building", []));
    const set = await db.messageSet.create({
      data: {
        callId: call.id,
        slug: `cited-${saved.id}`,
        title: "Messages",
        sections: { create: { position: 1, heading: "One" } },
      },
      select: { id: true, sections: { select: { id: true } } },
    });
    const paragraph = await db.messageParagraph.create({
      data: { setId: set.id, sectionId: set.sections[0]!.id, position: 1, body: "A message." },
      select: { id: true },
    });
    await db.citation.create({
      data: {
        paragraphId: paragraph.id,
        responseId: saved.responseId,
        excerptId: saved.id,
        reference: "X-1",
        quote: saved.quote,
      },
    });
    await expect(deleteExcerpt(moderator, saved.id)).rejects.toMatchObject({ kind: "conflict", code: "excerptCited" });
    expect(await db.excerpt.count({ where: { id: saved.id } })).toBe(1);
  });

  it("edits the note and tags (never the quote), deletes, and audits both", async () => {
    const moderator = await actor("MODERATOR");
    const { call, question, responses } = await createCodingCall(db, [{ answer: ANSWER }]);
    const [a, b] = [
      await createTag(db, { callId: call.id, name: "alpha" }),
      await createTag(db, { callId: call.id, name: "beta" }),
    ];
    const saved = await createExcerpt(moderator, selection(responses[0]!.id, question.id, ANSWER, "Capacity building", [a.id]));
    const updated = await updateExcerpt(moderator, { excerptId: saved.id, note: "Key point", tagIds: [b.id] });
    expect(updated).toMatchObject({ quote: "Capacity building", note: "Key point", tagIds: [b.id] });
    const other = await createTag(db, { callId: (await createCodingCall(db, [])).call.id });
    await expect(updateExcerpt(moderator, { excerptId: saved.id, note: "x", tagIds: [other.id] })).rejects.toMatchObject({
      code: "tagOtherCall",
    });
    await expect(
      updateExcerpt(await actor("STAKEHOLDER"), { excerptId: saved.id, note: "mine", tagIds: [] }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await expect(
      createExcerptFromQuote(await actor("STAKEHOLDER"), {
        responseId: saved.responseId,
        questionId: question.id,
        quote: "Capacity",
        note: "",
        tagIds: [],
      }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await expect(deleteExcerpt(await actor("STAKEHOLDER"), saved.id)).rejects.toMatchObject({ kind: "forbidden" });
    await deleteExcerpt(moderator, saved.id);
    expect(await db.excerpt.count({ where: { id: saved.id } })).toBe(0);
    expect(await auditOf(saved.id)).toMatchObject([
      { action: "excerpt.create" },
      { action: "excerpt.update", before: { note: "", tagIds: [a.id] }, after: { note: "Key point", tagIds: [b.id] } },
      { action: "excerpt.delete", before: { quote: "Capacity building", tagIds: [b.id] } },
    ]);
  });

  it("lists a call's excerpts filtered by tag, group, region and text", async () => {
    const moderator = await actor("MODERATOR");
    const { call, question, responses } = await createCodingCall(db, [
      { answer: ANSWER, stakeholderGroup: "GOVERNMENT", region: "ASIA_PACIFIC" },
      { answer: ANSWER, stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA" },
    ]);
    const tag = await createTag(db, { callId: call.id, name: "human rights" });
    const [gov, cs] = responses;
    const e1 = await createExcerpt(
      moderator,
      selection(gov!.id, question.id, ANSWER, "Human rights must frame every norm.", [tag.id]),
    );
    const e2 = await createExcerpt(moderator, {
      ...selection(cs!.id, question.id, ANSWER, "Capacity building comes first."),
      note: "Priority",
    });
    const ids = async (filters: Parameters<typeof listExcerpts>[2]) =>
      (await listExcerpts(moderator, call.id, filters)).map((e) => e.id).sort();
    expect(await ids({})).toEqual([e1.id, e2.id].sort());
    expect(await ids({ tag: tag.id })).toEqual([e1.id]);
    expect(await ids({ group: "CIVIL_SOCIETY" })).toEqual([e2.id]);
    expect(await ids({ region: "ASIA_PACIFIC" })).toEqual([e1.id]);
    expect(await ids({ q: "priority" })).toEqual([e2.id]);
    expect(await ids({ q: "HUMAN RIGHTS" })).toEqual([e1.id]);
    const [item] = await listExcerpts(moderator, call.id, { tag: tag.id });
    expect(item).toMatchObject({
      response: { reference: gov!.reference, stakeholderGroup: "GOVERNMENT", region: "ASIA_PACIFIC" },
      tags: [{ id: tag.id, name: "human rights" }],
      question: { id: question.id },
      source: { status: "unchanged" },
    });
    expect(Object.keys(item!.response).sort()).toEqual(["id", "language", "reference", "region", "stakeholderGroup", "version"]);
  });
});
