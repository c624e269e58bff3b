import { afterAll, describe, expect, it } from "vitest";
import { createExcerpt } from "@/lib/curation/excerpts";
import { tagFrequency } from "@/lib/curation/frequency";
import { listResponsesForCoding } from "@/lib/curation/response-view";
import { CURATION_LIMITS, tagInputSchema } from "@/lib/curation/schemas";
import { createTag, deleteTag, listTags, setResponseTag, updateTag } from "@/lib/curation/tags";
import { db, disconnectDb } from "@/lib/db";
import { createResponse, createUser } from "@/prisma/factories";
import { createCodingCall, createTag as createFactoryTag } from "@/prisma/factories-coding";
import { actor } from "./helpers";
import { issueList } from "./zod-issues";

afterAll(disconnectDb);

const ANSWER = "Capacity building and human rights go together in our region.";
const auditOf = (itemId: string) =>
  db.auditEntry.findMany({
    where: { itemId },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, before: true, after: true },
  });

describe("tags of a call", () => {
  it("checks names and descriptions against the limits", () => {
    const issues = (values: unknown) => issueList(tagInputSchema, values);
    expect(issues({ callId: "c", name: " x " })).toEqual(['name:tagNameTooShort {"min":2}']);
    expect(issues({ callId: "c", name: "x".repeat(61) })).toEqual(['name:tooLong {"max":60}']);
    expect(issues({ callId: "c", name: "ok", description: "d".repeat(301) })).toEqual(['description:tooLong {"max":300}']);
    expect(tagInputSchema.parse({ callId: "c", name: "  human rights " })).toEqual({
      callId: "c",
      name: "human rights",
      description: "",
    });
  });

  it("creates, renames and deletes tags, refusing a name taken in any case, with audit entries", async () => {
    const moderator = await actor("MODERATOR");
    const { call } = await createCodingCall(db, []);
    const tag = await createTag(moderator, { callId: call.id, name: "Human rights", description: "Rights online" });
    await expect(createTag(moderator, { callId: call.id, name: "HUMAN RIGHTS", description: "" })).rejects.toMatchObject({
      kind: "conflict",
      code: "tagExists",
      fieldErrors: { name: [{ code: "tagExists" }] },
    });
    const other = await createTag(moderator, { callId: call.id, name: "capacity building", description: "" });
    await expect(updateTag(moderator, { tagId: other.id, name: "human Rights", description: "" })).rejects.toMatchObject({
      code: "tagExists",
    });
    // Another call may use the same name.
    const elsewhere = await createCodingCall(db, []);
    await expect(
      createTag(moderator, { callId: elsewhere.call.id, name: "human rights", description: "" }),
    ).resolves.toMatchObject({ name: "human rights" });

    const stakeholder = await actor("STAKEHOLDER");
    await expect(updateTag(stakeholder, { tagId: tag.id, name: "renamed", description: "" })).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(deleteTag(stakeholder, tag.id)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(listTags(stakeholder, call.id)).rejects.toMatchObject({ kind: "forbidden" });
    expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { name: true } })).toEqual({ name: "Human rights" });
    await updateTag(moderator, { tagId: tag.id, name: "human rights online", description: "" });
    expect((await listTags(moderator, call.id)).map((t) => t.name)).toEqual(["capacity building", "human rights online"]);
    await deleteTag(moderator, tag.id);
    expect(await db.tag.count({ where: { id: tag.id } })).toBe(0);
    expect(await auditOf(tag.id)).toMatchObject([
      { action: "tag.create", actorId: moderator.id, after: { name: "Human rights", description: "Rights online" } },
      { action: "tag.update", before: { name: "Human rights" }, after: { name: "human rights online", description: "" } },
      { action: "tag.delete", before: { name: "human rights online" } },
    ]);
    await expect(updateTag(moderator, { tagId: tag.id, name: "gone", description: "" })).rejects.toMatchObject({
      kind: "not_found",
    });
  });

  it("refuses stakeholders, unknown calls and more than the limit of tags", async () => {
    const { call } = await createCodingCall(db, []);
    await expect(
      createTag(await actor("STAKEHOLDER"), { callId: call.id, name: "norms", description: "" }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    const moderator = await actor("MODERATOR");
    await expect(createTag(moderator, { callId: "no-such-call", name: "norms", description: "" })).rejects.toMatchObject({
      kind: "not_found",
    });
    await db.tag.createMany({
      data: Array.from({ length: CURATION_LIMITS.tagsPerCall }, (_, i) => ({ callId: call.id, name: `tag ${i}` })),
    });
    await expect(createTag(moderator, { callId: call.id, name: "one more", description: "" })).rejects.toMatchObject({
      code: "tooManyTags",
    });
    expect(await db.tag.count({ where: { callId: call.id } })).toBe(CURATION_LIMITS.tagsPerCall);
  });
});

describe("tagging whole responses", () => {
  it("tags and untags a submitted response of the same call only, once, with audit entries", async () => {
    const moderator = await actor("MODERATOR");
    const { call, question, responses } = await createCodingCall(db, [{ answer: ANSWER }]);
    const response = responses[0]!;
    const tag = await createFactoryTag(db, { callId: call.id });
    expect(await setResponseTag(moderator, { responseId: response.id, tagId: tag.id }, true)).toMatchObject({ changed: true });
    expect(await setResponseTag(moderator, { responseId: response.id, tagId: tag.id }, true)).toMatchObject({ changed: false });
    expect(
      await db.responseTag.findMany({ where: { responseId: response.id }, select: { tagId: true, taggedById: true } }),
    ).toEqual([{ tagId: tag.id, taggedById: moderator.id }]);

    const foreign = await createFactoryTag(db, { callId: (await createCodingCall(db, [])).call.id });
    await expect(setResponseTag(moderator, { responseId: response.id, tagId: foreign.id }, true)).rejects.toMatchObject({
      code: "tagOtherCall",
    });
    const author = await createUser(db);
    const draft = await createResponse(db, {
      callId: call.id,
      authorId: author.id,
      answers: [{ questionId: question.id, text: "draft" }],
    });
    await expect(setResponseTag(moderator, { responseId: draft.id, tagId: tag.id }, true)).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(
      setResponseTag(await actor("STAKEHOLDER"), { responseId: response.id, tagId: tag.id }, false),
    ).rejects.toMatchObject({ kind: "forbidden" });

    await setResponseTag(moderator, { responseId: response.id, tagId: tag.id }, false);
    expect(await db.responseTag.count({ where: { responseId: { in: [response.id, draft.id] } } })).toBe(0);
    expect((await auditOf(response.id)).map((e) => [e.action, e.after])).toEqual([
      ["response.tag", { tagId: tag.id }],
      ["response.untag", { tagId: null }],
    ]);
  });
});

describe("tag frequency by stakeholder group", () => {
  it("counts distinct responses per tag, directly or through excerpts, as a direct count does", async () => {
    const moderator = await actor("MODERATOR");
    const { call, question, responses } = await createCodingCall(db, [
      { answer: ANSWER, stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA" },
      { answer: ANSWER, stakeholderGroup: "CIVIL_SOCIETY", region: "ASIA_PACIFIC" },
      { answer: ANSWER, stakeholderGroup: "GOVERNMENT", region: "AFRICA" },
      { answer: ANSWER, stakeholderGroup: "PRIVATE_SECTOR", region: "EASTERN_EUROPE" },
    ]);
    const [a, b, c, d] = responses;
    const rights = await createFactoryTag(db, { callId: call.id, name: "human rights" });
    const capacity = await createFactoryTag(db, { callId: call.id, name: "capacity building" });
    await createFactoryTag(db, { callId: call.id, name: "unused" });
    const quote = (responseId: string, text: string, tagIds: string[]) => {
      const start = ANSWER.indexOf(text);
      return createExcerpt(moderator, {
        responseId,
        questionId: question.id,
        start,
        end: start + text.length,
        quote: text,
        note: "",
        tagIds,
      });
    };
    // a: tagged and quoted with the same tag (counted once); b: two excerpts; c: directly; d: capacity only.
    await setResponseTag(moderator, { responseId: a!.id, tagId: rights.id }, true);
    await quote(a!.id, "human rights", [rights.id]);
    await quote(b!.id, "human rights", [rights.id]);
    await quote(b!.id, "our region", [rights.id, capacity.id]);
    await setResponseTag(moderator, { responseId: c!.id, tagId: rights.id }, true);
    await quote(d!.id, "Capacity building", [capacity.id]);
    // A withdrawn response no longer counts.
    await db.response.update({ where: { id: d!.id }, data: { status: "WITHDRAWN" } });

    const table = await tagFrequency(moderator, call.id);
    expect(table).toEqual([
      {
        tagId: rights.id,
        name: "human rights",
        total: 3,
        byGroup: { CIVIL_SOCIETY: 2, GOVERNMENT: 1 },
        byRegion: { AFRICA: 2, ASIA_PACIFIC: 1 },
      },
      { tagId: capacity.id, name: "capacity building", total: 1, byGroup: { CIVIL_SOCIETY: 1 }, byRegion: { ASIA_PACIFIC: 1 } },
      { tagId: expect.any(String), name: "unused", total: 0, byGroup: {}, byRegion: {} },
    ]);

    // The same numbers counted directly from the rows.
    for (const row of table) {
      const carrying = await db.response.findMany({
        where: {
          callId: call.id,
          status: "SUBMITTED",
          OR: [{ tags: { some: { tagId: row.tagId } } }, { excerpts: { some: { tags: { some: { tagId: row.tagId } } } } }],
        },
        select: { stakeholderGroup: true },
      });
      expect(row.total).toBe(carrying.length);
      for (const [group, count] of Object.entries(row.byGroup))
        expect(count).toBe(carrying.filter((r) => r.stakeholderGroup === group).length);
    }
    await expect(tagFrequency(await actor("STAKEHOLDER"), call.id)).rejects.toMatchObject({ kind: "forbidden" });
    // The coding page's list of responses: submitted ones only, with their tag and excerpt counts.
    expect(await listResponsesForCoding(moderator, call.id)).toEqual(
      [a, b, c]
        .map((r, i) => ({
          id: r!.id,
          reference: r!.reference,
          stakeholderGroup: r!.stakeholderGroup,
          region: r!.region,
          tagCount: [1, 0, 1][i],
          excerptCount: [1, 2, 0][i],
        }))
        .sort((x, y) => x.reference!.localeCompare(y.reference!)),
    );
  });
});
