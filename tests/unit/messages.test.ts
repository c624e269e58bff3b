import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db, disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { cite, uncite } from "@/lib/messages/citations";
import { versionContentSchema } from "@/lib/messages/content";
import { addParagraph, deleteParagraph, editParagraph, moveParagraph, moveParagraphToSection } from "@/lib/messages/paragraphs";
import { getPublishedMessageSet, usedIn } from "@/lib/messages/public";
import { addSection, deleteSection, moveSection, renameSection } from "@/lib/messages/sections";
import { createMessageSet, getMessageSetForEditing, listMessageSets, updateMessageSet } from "@/lib/messages/sets";
import { searchExcerpts, searchResponses } from "@/lib/messages/sources";
import { paragraphSpread, spreadGroupsText } from "@/lib/messages/spread";
import { publishVersion, saveVersion } from "@/lib/messages/versions";
import { DEMO_MESSAGES_SLUG } from "@/prisma/demo-messages";
import { createCall, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { seedDemo } from "@/prisma/seed";
import { createExcerpt, createSourceResponse } from "@/prisma/factories-messages";
import { actor } from "./helpers";

afterAll(disconnectDb);

let moderator: SessionUser;
beforeAll(async () => {
  moderator = await actor("MODERATOR");
});

/** The error key a promise is refused with. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return `${error.kind}:${error.code}`;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function setWithParagraph(title = `Test messages – Security, Safety, Stability and Resilience ${uniqueSuffix()}`) {
  const call = await createCall(db);
  const set = await createMessageSet(moderator, { callId: call.id, title });
  const section = await addSection(moderator, { setId: set.id, heading: "Policy and Cooperation" });
  const paragraph = await addParagraph(moderator, { sectionId: section.id, body: "Norms need **all** stakeholders." });
  return { call, set, section, paragraph };
}

const groupNames = (g: string) => g.toLowerCase();

describe("the spread of a paragraph's sources (pure)", () => {
  it("counts distinct responses by group and region, zeros included, and flags a single group", () => {
    const spread = paragraphSpread([
      { reference: "A-1", stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA" },
      { reference: "A-1", stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA" },
      { reference: "A-2", stakeholderGroup: "CIVIL_SOCIETY", region: "ASIA_PACIFIC" },
    ]);
    expect(spread.sources).toBe(2);
    expect(spread.groups).toEqual({
      GOVERNMENT: 0,
      CIVIL_SOCIETY: 2,
      PRIVATE_SECTOR: 0,
      TECHNICAL_COMMUNITY: 0,
      INTERGOVERNMENTAL: 0,
      ACADEMIA: 0,
    });
    expect(spread.regions.AFRICA).toBe(1);
    expect(spread.regions.EASTERN_EUROPE).toBe(0);
    expect(spread.singleGroup).toBe("CIVIL_SOCIETY");
    expect(spread.noSources).toBe(false);
    expect(spreadGroupsText(spread, groupNames)).toBe(
      "2 civil_society, 0 government, 0 private_sector, 0 technical_community, 0 intergovernmental, 0 academia",
    );
    expect(paragraphSpread([]).noSources).toBe(true);
    expect(paragraphSpread([]).singleGroup).toBeNull();
  });
});

describe("compiling a message set (real database)", () => {
  it("counts an excerpt and its response once, by the groups and regions of the distinct responses", async () => {
    const { call, paragraph, set } = await setWithParagraph();
    const cs1 = await createSourceResponse(db, { callId: call.id, stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA" });
    const cs2 = await createSourceResponse(db, {
      callId: call.id,
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "LATIN_AMERICA_CARIBBEAN",
    });
    const gov = await createSourceResponse(db, {
      callId: call.id,
      stakeholderGroup: "GOVERNMENT",
      region: "AFRICA",
      consent: "PUBLISH_ANONYMOUS",
    });
    const excerpt = await createExcerpt(db, { responseId: cs1.id, questionId: cs1.questionId, quote: "Capacity building" });

    await cite(moderator, { paragraphId: paragraph.id, excerptId: excerpt.id });
    await cite(moderator, { paragraphId: paragraph.id, responseId: cs1.id });
    await cite(moderator, { paragraphId: paragraph.id, responseId: cs2.id });
    let editing = await getMessageSetForEditing(moderator, set.id);
    let spread = editing.sections[0]!.paragraphs[0]!.spread;
    expect(spread.sources).toBe(2);
    expect(spread.groups.CIVIL_SOCIETY).toBe(2);
    expect(spread.groups.GOVERNMENT).toBe(0);
    expect(spread.singleGroup).toBe("CIVIL_SOCIETY");

    await cite(moderator, { paragraphId: paragraph.id, responseId: gov.id });
    editing = await getMessageSetForEditing(moderator, set.id);
    spread = editing.sections[0]!.paragraphs[0]!.spread;
    expect([spread.sources, spread.groups.CIVIL_SOCIETY, spread.groups.GOVERNMENT, spread.groups.ACADEMIA]).toEqual([3, 2, 1, 0]);
    expect([spread.regions.AFRICA, spread.regions.LATIN_AMERICA_CARIBBEAN, spread.regions.ASIA_PACIFIC]).toEqual([2, 1, 0]);
    expect(spread.singleGroup).toBeNull();

    const stored = await db.citation.findFirstOrThrow({
      where: { excerptId: excerpt.id },
      select: { reference: true, stakeholderGroup: true, region: true, quote: true },
    });
    expect(stored).toEqual({
      reference: cs1.reference,
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "AFRICA",
      quote: "Capacity building",
    });
  });

  it("refuses hidden, pending, private, withdrawn, draft and other-call responses, and a second identical citation", async () => {
    const { call, paragraph } = await setWithParagraph();
    const other = await createCall(db);
    const cases = [
      [await createSourceResponse(db, { callId: call.id, moderationState: "HIDDEN" }), "conflict:citeHidden"],
      [await createSourceResponse(db, { callId: call.id, moderationState: "PENDING" }), "conflict:citePending"],
      [await createSourceResponse(db, { callId: call.id, consent: "PRIVATE" }), "conflict:citePrivate"],
      [await createSourceResponse(db, { callId: other.id }), "conflict:citeOtherCall"],
    ] as const;
    for (const [response, expected] of cases)
      expect(await refusal(cite(moderator, { paragraphId: paragraph.id, responseId: response.id }))).toBe(expected);

    const withdrawn = await createSourceResponse(db, { callId: call.id });
    await db.response.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    expect(await refusal(cite(moderator, { paragraphId: paragraph.id, responseId: withdrawn.id }))).toBe(
      "conflict:citeWithdrawn",
    );
    const draft = await createResponse(db, { callId: call.id, authorId: (await createUser(db)).id });
    expect(await refusal(cite(moderator, { paragraphId: paragraph.id, responseId: draft.id }))).toBe("conflict:citeNotSubmitted");
    // An excerpt of a hidden response is refused just the same.
    const hidden = cases[0][0];
    const hiddenExcerpt = await createExcerpt(db, { responseId: hidden.id, questionId: hidden.questionId });
    expect(await refusal(cite(moderator, { paragraphId: paragraph.id, excerptId: hiddenExcerpt.id }))).toBe(
      "conflict:citeHidden",
    );
    expect(await refusal(cite(moderator, { paragraphId: paragraph.id, responseId: "no-such-response" }))).toBe(
      "not_found:responseNotFound",
    );
    expect(await db.citation.count({ where: { paragraphId: paragraph.id } })).toBe(0);

    const ok = await createSourceResponse(db, { callId: call.id });
    const excerpt = await createExcerpt(db, { responseId: ok.id, questionId: ok.questionId });
    await cite(moderator, { paragraphId: paragraph.id, responseId: ok.id });
    await cite(moderator, { paragraphId: paragraph.id, excerptId: excerpt.id });
    expect(await refusal(cite(moderator, { paragraphId: paragraph.id, responseId: ok.id }))).toBe("conflict:alreadyCited");
    expect(await refusal(cite(moderator, { paragraphId: paragraph.id, excerptId: excerpt.id }))).toBe("conflict:alreadyCited");
    // Sent twice at once: one citation, one clear refusal.
    const again = await createSourceResponse(db, { callId: call.id });
    const both = await Promise.allSettled([
      cite(moderator, { paragraphId: paragraph.id, responseId: again.id }),
      cite(moderator, { paragraphId: paragraph.id, responseId: again.id }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.citation.count({ where: { paragraphId: paragraph.id } })).toBe(3);
  });

  it("freezes a version: later edits of the working copy leave it as saved, with the paragraphs' ids", async () => {
    const { call, set, section, paragraph } = await setWithParagraph();
    const source = await createSourceResponse(db, { callId: call.id, stakeholderGroup: "ACADEMIA", region: "EASTERN_EUROPE" });
    const citation = await cite(moderator, { paragraphId: paragraph.id, responseId: source.id });
    const second = await addParagraph(moderator, { sectionId: section.id, body: "Capacity building is a shared task." });
    const v1 = await saveVersion(moderator, { setId: set.id, summary: "First draft" });
    expect(v1.number).toBe(1);

    await editParagraph(moderator, { paragraphId: paragraph.id, body: "Rewritten after the session." });
    await uncite(moderator, { citationId: citation.id });
    await moveParagraph(moderator, { paragraphId: second.id, direction: "up" });
    const frozen = versionContentSchema.parse(
      (await db.messageSetVersion.findUniqueOrThrow({ where: { id: v1.id }, select: { content: true } })).content,
    );
    expect(frozen).toEqual([
      {
        sectionId: section.id,
        heading: "Policy and Cooperation",
        paragraphs: [
          {
            paragraphId: paragraph.id,
            body: "Norms need **all** stakeholders.",
            origins: [],
            citations: [
              {
                responseId: source.id,
                excerptId: null,
                reference: source.reference,
                stakeholderGroup: "ACADEMIA",
                region: "EASTERN_EUROPE",
                quote: null,
                signatories: null,
              },
            ],
          },
          { paragraphId: second.id, body: "Capacity building is a shared task.", origins: [], citations: [] },
        ],
      },
    ]);
    const v2 = await saveVersion(moderator, { setId: set.id, summary: "Reordered" });
    expect(v2.number).toBe(2);
    const content2 = versionContentSchema.parse(
      (await db.messageSetVersion.findUniqueOrThrow({ where: { id: v2.id }, select: { content: true } })).content,
    );
    expect(content2[0]!.paragraphs.map((p) => p.paragraphId)).toEqual([second.id, paragraph.id]);
  });

  it("keeps paragraph ids through moves within and across sections, and numbers positions 1..n", async () => {
    const { set, section, paragraph } = await setWithParagraph();
    const b = await addParagraph(moderator, { sectionId: section.id, body: "B" });
    const c = await addParagraph(moderator, { sectionId: section.id, body: "C" });
    const other = await addSection(moderator, { setId: set.id, heading: "Capacity Building" });
    await moveParagraph(moderator, { paragraphId: c.id, direction: "up" });
    expect(await refusal(moveParagraph(moderator, { paragraphId: paragraph.id, direction: "up" }))).toBe("conflict:alreadyFirst");
    await moveParagraphToSection(moderator, { paragraphId: paragraph.id, sectionId: other.id });
    await moveSection(moderator, { sectionId: other.id, direction: "up" });
    await renameSection(moderator, { sectionId: section.id, heading: "Policy" });
    const editing = await getMessageSetForEditing(moderator, set.id);
    expect(editing.sections.map((s) => [s.heading, s.position, s.paragraphs.map((p) => [p.id, p.position, p.number])])).toEqual([
      ["Capacity Building", 1, [[paragraph.id, 1, 1]]],
      [
        "Policy",
        2,
        [
          [c.id, 1, 2],
          [b.id, 2, 3],
        ],
      ],
    ]);
    await deleteParagraph(moderator, { paragraphId: c.id });
    await deleteSection(moderator, { sectionId: other.id });
    const after = await getMessageSetForEditing(moderator, set.id);
    expect(after.sections.map((s) => [s.position, s.paragraphs.map((p) => [p.id, p.position])])).toEqual([[1, [[b.id, 1]]]]);
  });

  it("shows where a response is used only once a version citing it is published", async () => {
    const { call, set, paragraph } = await setWithParagraph(`Messages ${Date.now()}`);
    const source = await createSourceResponse(db, { callId: call.id });
    await cite(moderator, { paragraphId: paragraph.id, responseId: source.id });
    const v1 = await saveVersion(moderator, { setId: set.id, summary: "Draft for comment" });
    expect(await usedIn(source.id)).toEqual([]);
    expect(await getPublishedMessageSet(set.slug)).toBeNull();

    await publishVersion(moderator, { versionId: v1.id });
    expect(await usedIn(source.id)).toEqual([
      { title: set.title, slug: set.slug, version: 1, paragraph: 1, heading: "Policy and Cooperation" },
    ]);
    expect(await refusal(publishVersion(moderator, { versionId: v1.id }))).toBe("conflict:alreadyPublished");

    // An unpublished later version that drops the citation changes nothing public.
    const citation = await db.citation.findFirstOrThrow({ where: { paragraphId: paragraph.id }, select: { id: true } });
    await uncite(moderator, { citationId: citation.id });
    const v2 = await saveVersion(moderator, { setId: set.id, summary: "Without the source" });
    expect(await usedIn(source.id)).toHaveLength(1);
    const published = await getPublishedMessageSet(set.slug);
    expect(published?.sections[0]?.paragraphs[0]?.sources).toEqual([
      {
        available: true,
        reference: source.reference,
        author: expect.objectContaining({ name: expect.any(String) }),
        stakeholderGroup: "CIVIL_SOCIETY",
        region: "AFRICA",
        quote: null,
        signatories: null,
      },
    ]);
    // Once the source is hidden, the public page no longer gives its details.
    await db.response.update({ where: { id: source.id }, data: { moderationState: "HIDDEN" } });
    expect((await getPublishedMessageSet(set.slug))?.sections[0]?.paragraphs[0]?.sources).toEqual([
      { available: false, removed: false },
    ]);
    await db.response.update({ where: { id: source.id }, data: { moderationState: "PUBLISHED" } });

    await publishVersion(moderator, { versionId: v2.id });
    expect(await usedIn(source.id)).toEqual([]);
  });

  it("says a source was removed when its response was deleted with its author's account", async () => {
    const { call, set, paragraph } = await setWithParagraph(`Messages ${Date.now()}`);
    const source = await createSourceResponse(db, { callId: call.id });
    await cite(moderator, { paragraphId: paragraph.id, responseId: source.id });
    const v1 = await saveVersion(moderator, { setId: set.id, summary: "For comment" });
    await publishVersion(moderator, { versionId: v1.id });
    await db.response.delete({ where: { id: source.id } });

    const published = await getPublishedMessageSet(set.slug);
    expect(published?.sections[0]?.paragraphs[0]?.sources).toEqual([{ available: false, removed: true }]);
    // The working copy keeps the copied reference, with the response link gone.
    const citation = await db.citation.findFirstOrThrow({
      where: { paragraphId: paragraph.id },
      select: { responseId: true, reference: true },
    });
    expect(citation).toEqual({ responseId: null, reference: source.reference });
  });

  it("finds citable excerpts by text, tag, group and region, and responses by receipt number", async () => {
    const { call } = await setWithParagraph();
    const africa = await createSourceResponse(db, {
      callId: call.id,
      stakeholderGroup: "TECHNICAL_COMMUNITY",
      region: "AFRICA",
      text: "Routing security matters to every network operator.",
    });
    const hidden = await createSourceResponse(db, {
      callId: call.id,
      moderationState: "HIDDEN",
      text: "Routing security hidden",
    });
    const excerpt = await createExcerpt(db, {
      responseId: africa.id,
      questionId: africa.questionId,
      quote: "Routing security",
      tags: ["routing"],
    });
    await createExcerpt(db, {
      responseId: hidden.id,
      questionId: hidden.questionId,
      quote: "Routing security hidden",
      tags: ["routing"],
    });
    const tag = await db.tag.findFirstOrThrow({ where: { callId: call.id, name: "routing" }, select: { id: true } });

    expect((await searchExcerpts(moderator, call.id, { q: "routing" })).map((e) => e.id)).toEqual([excerpt.id]);
    expect(
      (await searchExcerpts(moderator, call.id, { tag: tag.id, group: "TECHNICAL_COMMUNITY", region: "AFRICA" })).map(
        (e) => e.id,
      ),
    ).toEqual([excerpt.id]);
    expect(await searchExcerpts(moderator, call.id, { tag: tag.id, region: "ASIA_PACIFIC" })).toEqual([]);
    expect((await searchResponses(moderator, call.id, { q: africa.reference })).map((r) => r.id)).toEqual([africa.id]);
    expect((await searchResponses(moderator, call.id, { q: "operators" })).map((r) => r.id)).toEqual([africa.id]);
  });

  it("writes an audit entry for every change, in the change's transaction", async () => {
    const { call, set, section, paragraph } = await setWithParagraph();
    const source = await createSourceResponse(db, { callId: call.id });
    const citation = await cite(moderator, { paragraphId: paragraph.id, responseId: source.id });
    await editParagraph(moderator, { paragraphId: paragraph.id, body: "Edited" });
    await updateMessageSet(moderator, { setId: set.id, title: "Renamed set", introduction: "Intro" });
    await uncite(moderator, { citationId: citation.id });
    const version = await saveVersion(moderator, { setId: set.id, summary: "v1" });
    await publishVersion(moderator, { versionId: version.id });
    const entries = await db.auditEntry.findMany({
      where: { callId: call.id, actorId: moderator.id },
      orderBy: { id: "asc" },
      select: { action: true, itemId: true, before: true, after: true },
    });
    expect(entries.map((e) => e.action)).toEqual([
      "messageSet.create",
      "messageSection.create",
      "messageParagraph.create",
      "citation.create",
      "messageParagraph.update",
      "messageSet.update",
      "citation.delete",
      "messageSetVersion.create",
      "messageSetVersion.publish",
    ]);
    expect(entries[1]!.itemId).toBe(section.id);
    expect(entries[4]).toMatchObject({ before: { body: "Norms need **all** stakeholders." }, after: { body: "Edited" } });
    // A refused change leaves no entry.
    const count = entries.length;
    expect(await refusal(publishVersion(moderator, { versionId: version.id }))).toBe("conflict:alreadyPublished");
    expect(await db.auditEntry.count({ where: { callId: call.id, actorId: moderator.id } })).toBe(count);
  });

  it("gives each set a unique slug from its title, and enforces the limits", async () => {
    const call = await createCall(db);
    const title = `Messages on résilience ${Date.now()}`;
    const a = await createMessageSet(moderator, { callId: call.id, title });
    const b = await createMessageSet(moderator, { callId: call.id, title });
    expect(a.slug).toMatch(/^messages-on-resilience-\d+$/);
    expect(b.slug).toBe(`${a.slug}-2`);
    expect((await listMessageSets(moderator, call.id)).sets.map((s) => s.slug)).toEqual([a.slug, b.slug]);
    expect(await refusal(saveVersion(moderator, { setId: a.id, summary: "empty" }))).toBe("conflict:nothingToSave");
    for (let i = 0; i < 50; i += 1) await db.messageSection.create({ data: { setId: a.id, position: i + 1, heading: `H${i}` } });
    expect(await refusal(addSection(moderator, { setId: a.id, heading: "One too many" }))).toBe("conflict:tooManySections");
  });

  it("refuses a stakeholder every function, changing nothing", async () => {
    const { call, set, section, paragraph } = await setWithParagraph();
    const source = await createSourceResponse(db, { callId: call.id });
    const citation = await cite(moderator, { paragraphId: paragraph.id, responseId: source.id });
    const version = await saveVersion(moderator, { setId: set.id, summary: "v1" });
    const stakeholder = await actor("STAKEHOLDER");
    const before = await getMessageSetForEditing(moderator, set.id);
    const attempts: Promise<unknown>[] = [
      listMessageSets(stakeholder, call.id),
      createMessageSet(stakeholder, { callId: call.id, title: "Not mine" }),
      updateMessageSet(stakeholder, { setId: set.id, title: "Taken over", introduction: "" }),
      getMessageSetForEditing(stakeholder, set.id),
      addSection(stakeholder, { setId: set.id, heading: "X" }),
      renameSection(stakeholder, { sectionId: section.id, heading: "X" }),
      moveSection(stakeholder, { sectionId: section.id, direction: "down" }),
      deleteSection(stakeholder, { sectionId: section.id }),
      addParagraph(stakeholder, { sectionId: section.id, body: "X" }),
      editParagraph(stakeholder, { paragraphId: paragraph.id, body: "X" }),
      moveParagraph(stakeholder, { paragraphId: paragraph.id, direction: "down" }),
      moveParagraphToSection(stakeholder, { paragraphId: paragraph.id, sectionId: section.id }),
      deleteParagraph(stakeholder, { paragraphId: paragraph.id }),
      cite(stakeholder, { paragraphId: paragraph.id, responseId: source.id }),
      uncite(stakeholder, { citationId: citation.id }),
      saveVersion(stakeholder, { setId: set.id, summary: "X" }),
      publishVersion(stakeholder, { versionId: version.id }),
      searchExcerpts(stakeholder, call.id, {}),
      searchResponses(stakeholder, call.id, {}),
    ];
    for (const attempt of attempts) expect(await refusal(attempt)).toBe("forbidden:forbidden");
    expect(await getMessageSetForEditing(moderator, set.id)).toEqual(before);
    expect(await db.messageSetVersion.count({ where: { setId: set.id } })).toBe(1);
    expect(await db.messageSet.count({ where: { callId: call.id } })).toBe(1);
  });
});

describe("the demo messages", () => {
  it("are published once, cite only public responses, and show on the cited responses", async () => {
    await seedDemo(db, { quiet: true });
    await seedDemo(db, { quiet: true });
    expect(await db.messageSet.count({ where: { slug: DEMO_MESSAGES_SLUG } })).toBe(1);
    const published = await getPublishedMessageSet(DEMO_MESSAGES_SLUG);
    expect(published?.sections.map((s) => [s.heading, s.paragraphs.length])).toEqual([
      ["Policy and Cooperation", 3],
      ["Capacity Building", 2],
    ]);
    const sources = published!.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sources));
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.every((source) => source.available)).toBe(true);
    // The last paragraph rests on civil society alone: the editor flags it.
    expect(published!.sections[1]!.paragraphs[1]!.spread.singleGroup).toBe("CIVIL_SOCIETY");
    const lerato = await db.response.findFirstOrThrow({
      where: { author: { email: "respondent-03@demo.example.org" }, call: { slug: "cybersecurity-norms-2026" } },
      select: { id: true },
    });
    expect((await usedIn(lerato.id)).map((use) => use.paragraph)).toEqual([1, 3]);
  });
});
