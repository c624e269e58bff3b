// Draft messages scoped to forums (issue 15): a facilitator edits the sets of their own forum only; an object
// of another forum is refused exactly as an unknown id (same kind, same code, nothing changed), even when a
// state check (a final set) would otherwise answer first; an observer reads the drafts and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db, disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { cite, uncite } from "@/lib/messages/citations";
import { compareSavedVersions } from "@/lib/messages/history";
import {
  addParagraph,
  deleteParagraph,
  editParagraph,
  mergeParagraphs,
  moveParagraph,
  moveParagraphToSection,
  splitParagraph,
} from "@/lib/messages/paragraphs";
import { addSection, deleteSection, moveSection, renameSection } from "@/lib/messages/sections";
import { createMessageSet, getMessageSetForEditing, listMessageSets, updateMessageSet } from "@/lib/messages/sets";
import { listCallTags, searchExcerpts, searchResponses } from "@/lib/messages/sources";
import { closeCommentPeriod, finaliseVersion, publishVersion, saveVersion, versionTimeZone } from "@/lib/messages/versions";
import { createCall, createForum, uniqueSuffix } from "@/prisma/factories";
import { createExcerpt, createSourceResponse } from "@/prisma/factories-messages";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

/** `kind:code` of the refusal. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return `${error.kind}:${error.code}`;
    throw error;
  }
  throw new Error("expected a refusal");
}

const DAY = 24 * 3600 * 1000;
const UNKNOWN = "no-such-id";

/** A call of `forumId` with a set: two headings, three paragraphs, a citation, two saved versions (v1 published). */
async function draftIn(forumId: string, admin: SessionUser) {
  const call = await createCall(db, { forumId });
  const set = await createMessageSet(admin, { callId: call.id, title: `Forum scoped messages ${uniqueSuffix()}` });
  const section = await addSection(admin, { setId: set.id, heading: "Policy and Cooperation" });
  const other = await addSection(admin, { setId: set.id, heading: "Capacity Building" });
  const paragraph = await addParagraph(admin, { sectionId: section.id, body: "Norms need all stakeholders. They need trust." });
  const next = await addParagraph(admin, { sectionId: section.id, body: "Trust is built in the open." });
  await addParagraph(admin, { sectionId: other.id, body: "Small CERTs need help." });
  const source = await createSourceResponse(db, { callId: call.id });
  const excerpt = await createExcerpt(db, { responseId: source.id, questionId: source.questionId, tags: ["trust"] });
  const citation = await cite(admin, { paragraphId: paragraph.id, responseId: source.id });
  const v1 = await saveVersion(admin, { setId: set.id, summary: "" });
  await publishVersion(admin, { versionId: v1.id });
  await editParagraph(admin, { paragraphId: next.id, body: "Trust is built in the open, together." });
  const v2 = await saveVersion(admin, { setId: set.id, summary: "Second" });
  return { call, set, section, other, paragraph, next, source, excerpt, citation, v1, v2 };
}

type Draft = Awaited<ReturnType<typeof draftIn>>;

/** Everything a refused change could have touched: the working copy, the versions, the sets and the audit log. */
async function snapshot(admin: SessionUser, draft: Draft) {
  return {
    editor: await getMessageSetForEditing(admin, draft.set.id),
    versions: await db.messageSetVersion.findMany({ where: { setId: draft.set.id }, orderBy: { number: "asc" } }),
    sets: await db.messageSet.count({ where: { callId: draft.call.id } }),
    audit: await db.auditEntry.count({ where: { callId: draft.call.id } }),
  };
}

/** One attempt of each kind of change, on the objects of `d` (or on unknown ids when `d` is the unknown draft). */
function writes(who: SessionUser, d: Ids, now = new Date()) {
  return {
    createSet: () => createMessageSet(who, { callId: d.callId, title: "Taken over" }),
    updateSet: () => updateMessageSet(who, { setId: d.setId, title: "Taken over", introduction: "" }),
    addSection: () => addSection(who, { setId: d.setId, heading: "Taken over" }),
    renameSection: () => renameSection(who, { sectionId: d.sectionId, heading: "Taken over" }),
    moveSection: () => moveSection(who, { sectionId: d.sectionId, direction: "down" }),
    deleteSection: () => deleteSection(who, { sectionId: d.sectionId }),
    addParagraph: () => addParagraph(who, { sectionId: d.sectionId, body: "Taken over" }),
    editParagraph: () => editParagraph(who, { paragraphId: d.paragraphId, body: "Taken over" }),
    moveParagraph: () => moveParagraph(who, { paragraphId: d.paragraphId, direction: "down" }),
    moveParagraphToSection: () => moveParagraphToSection(who, { paragraphId: d.paragraphId, sectionId: d.otherSectionId }),
    deleteParagraph: () => deleteParagraph(who, { paragraphId: d.paragraphId }),
    splitParagraph: () => splitParagraph(who, { paragraphId: d.paragraphId, at: 29 }),
    mergeParagraphs: () => mergeParagraphs(who, { paragraphId: d.paragraphId }),
    cite: () => cite(who, { paragraphId: d.paragraphId, excerptId: d.excerptId }),
    uncite: () => uncite(who, { citationId: d.citationId }),
    saveVersion: () => saveVersion(who, { setId: d.setId, summary: "Taken over" }),
    versionTimeZone: () => versionTimeZone(who, d.versionId),
    publishVersion: () =>
      publishVersion(who, { versionId: d.versionId, commentOpensAt: now, commentClosesAt: new Date(now.getTime() + DAY) }, now),
    closeCommentPeriod: () => closeCommentPeriod(who, { versionId: d.publishedId, reason: "Taken over" }, now),
    finaliseVersion: () => finaliseVersion(who, { versionId: d.versionId, acceptGaps: true }, now),
  };
}

/** The reads of the editor pages. */
function reads(who: SessionUser, d: Ids) {
  return {
    listSets: () => listMessageSets(who, d.callId),
    editor: () => getMessageSetForEditing(who, d.setId),
    compare: () => compareSavedVersions(who, d.setId, 1, 2),
    tags: () => listCallTags(who, d.callId),
    excerpts: () => searchExcerpts(who, d.callId, {}),
    responses: () => searchResponses(who, d.callId, {}),
  };
}

type Ids = {
  callId: string;
  setId: string;
  sectionId: string;
  otherSectionId: string;
  paragraphId: string;
  excerptId: string;
  citationId: string;
  versionId: string;
  publishedId: string;
};

const idsOf = (d: Draft): Ids => ({
  callId: d.call.id,
  setId: d.set.id,
  sectionId: d.section.id,
  otherSectionId: d.other.id,
  paragraphId: d.paragraph.id,
  excerptId: d.excerpt.id,
  citationId: d.citation.id,
  versionId: d.v2.id,
  publishedId: d.v1.id,
});

const unknownIds: Ids = {
  callId: UNKNOWN,
  setId: UNKNOWN,
  sectionId: UNKNOWN,
  otherSectionId: UNKNOWN,
  paragraphId: UNKNOWN,
  excerptId: UNKNOWN,
  citationId: UNKNOWN,
  versionId: UNKNOWN,
  publishedId: UNKNOWN,
};

let admin: SessionUser;
let forumA: string;
let forumB: string;
let facilitatorA: SessionUser;
let observerA: SessionUser;
let inA: Draft;
let inB: Draft;

beforeAll(async () => {
  admin = await actor("ADMIN");
  forumA = (await createForum(db)).id;
  forumB = (await createForum(db)).id;
  facilitatorA = await appointee(forumA, "FACILITATOR");
  observerA = await appointee(forumA, "OBSERVER");
  inA = await draftIn(forumA, admin);
  inB = await draftIn(forumB, admin);
});

describe("a facilitator of forum A", () => {
  it("compiles, versions and publishes a set of forum A", async () => {
    const call = await createCall(db, { forumId: forumA });
    const set = await createMessageSet(facilitatorA, { callId: call.id, title: `Facilitated messages ${uniqueSuffix()}` });
    await updateMessageSet(facilitatorA, { setId: set.id, title: set.title, introduction: "What forum A heard." });
    const section = await addSection(facilitatorA, { setId: set.id, heading: "Policy and Cooperation" });
    const paragraph = await addParagraph(facilitatorA, { sectionId: section.id, body: "Norms need all stakeholders." });
    const source = await createSourceResponse(db, { callId: call.id });
    const citation = await cite(facilitatorA, { paragraphId: paragraph.id, responseId: source.id });
    await uncite(facilitatorA, { citationId: citation.id });
    await cite(facilitatorA, { paragraphId: paragraph.id, responseId: source.id });
    const v1 = await saveVersion(facilitatorA, { setId: set.id, summary: "" });
    expect(await versionTimeZone(facilitatorA, v1.id)).toBe("UTC");
    await publishVersion(facilitatorA, { versionId: v1.id });
    await editParagraph(facilitatorA, { paragraphId: paragraph.id, body: "Norms need every stakeholder." });
    await saveVersion(facilitatorA, { setId: set.id, summary: "Wording" });

    const listed = await listMessageSets(facilitatorA, call.id);
    expect(listed.call.forumId).toBe(forumA);
    expect(listed.sets.map((s) => [s.id, s.status, s.versionCount])).toEqual([[set.id, "PUBLISHED", 2]]);
    const editor = await getMessageSetForEditing(facilitatorA, set.id);
    expect(editor.call.forumId).toBe(forumA);
    expect(editor.sections[0]!.paragraphs[0]).toMatchObject({
      body: "Norms need every stakeholder.",
      citations: [{ responseId: source.id }],
    });
    expect((await compareSavedVersions(facilitatorA, set.id, 1, 2)).diff?.counts.edited).toBe(1);
    expect((await searchResponses(facilitatorA, call.id, {})).map((r) => r.id)).toEqual([source.id]);
    expect(await db.auditEntry.count({ where: { callId: call.id, actorId: facilitatorA.id } })).toBe(11);
  });

  it("is refused every change to forum B's objects exactly as an unknown id, and nothing changes", async () => {
    const before = await snapshot(admin, inB);
    const onB = writes(facilitatorA, idsOf(inB));
    const unknown = writes(facilitatorA, unknownIds);
    for (const [name, attempt] of Object.entries(onB)) {
      const expected = await refusal(unknown[name as keyof typeof unknown]());
      expect(expected, name).toMatch(/^not_found:/);
      expect(await refusal(attempt()), name).toBe(expected);
    }
    expect(await snapshot(admin, inB)).toEqual(before);
  });

  it("cannot cite forum B's responses or excerpts in forum A: they are unknown to them", async () => {
    const before = await snapshot(admin, inA);
    const paragraphId = inA.next.id;
    expect(await refusal(cite(facilitatorA, { paragraphId, responseId: inB.source.id }))).toBe(
      await refusal(cite(facilitatorA, { paragraphId, responseId: UNKNOWN })),
    );
    expect(await refusal(cite(facilitatorA, { paragraphId, excerptId: inB.excerpt.id }))).toBe(
      await refusal(cite(facilitatorA, { paragraphId, excerptId: UNKNOWN })),
    );
    expect(await refusal(cite(facilitatorA, { paragraphId, responseId: UNKNOWN }))).toBe("not_found:responseNotFound");
    expect(await snapshot(admin, inA)).toEqual(before);
  });

  it("cannot read forum B's drafts: each read answers as for an unknown id", async () => {
    const onB = reads(facilitatorA, idsOf(inB));
    const unknown = reads(facilitatorA, unknownIds);
    for (const [name, attempt] of Object.entries(onB)) {
      const expected = await refusal(unknown[name as keyof typeof unknown]());
      expect(expected, name).toMatch(/^not_found:/);
      expect(await refusal(attempt()), name).toBe(expected);
    }
  });

  it("is told a final set of forum B does not exist, not that it is final", async () => {
    const final = await draftIn(forumB, admin);
    await finaliseVersion(admin, { versionId: final.v2.id, acceptGaps: true });
    // Its own facilitators are told it is final …
    expect(await refusal(addSection(admin, { setId: final.set.id, heading: "Late" }))).toBe("conflict:setFinal");
    expect(await refusal(saveVersion(admin, { setId: final.set.id, summary: "Late" }))).toBe("conflict:setFinal");
    const before = await snapshot(admin, final);
    // … another forum's facilitator is told nothing more than for an unknown id.
    const ids = idsOf(final);
    expect(await refusal(updateMessageSet(facilitatorA, { setId: ids.setId, title: "X", introduction: "" }))).toBe(
      "not_found:messageSetNotFound",
    );
    expect(await refusal(addSection(facilitatorA, { setId: ids.setId, heading: "X" }))).toBe("not_found:messageSetNotFound");
    expect(await refusal(saveVersion(facilitatorA, { setId: ids.setId, summary: "X" }))).toBe("not_found:messageSetNotFound");
    expect(await refusal(renameSection(facilitatorA, { sectionId: ids.sectionId, heading: "X" }))).toBe(
      "not_found:sectionNotFound",
    );
    expect(await refusal(editParagraph(facilitatorA, { paragraphId: ids.paragraphId, body: "X" }))).toBe(
      "not_found:paragraphNotFound",
    );
    expect(await refusal(uncite(facilitatorA, { citationId: ids.citationId }))).toBe("not_found:citationNotFound");
    expect(await refusal(publishVersion(facilitatorA, { versionId: ids.publishedId }))).toBe("not_found:versionNotFound");
    expect(await refusal(finaliseVersion(facilitatorA, { versionId: ids.versionId }))).toBe("not_found:versionNotFound");
    expect(await snapshot(admin, final)).toEqual(before);
  });
});

describe("an observer of forum A", () => {
  it("reads the list of sets, the editor view and a comparison", async () => {
    const listed = await listMessageSets(observerA, inA.call.id);
    expect(listed.call.forumId).toBe(forumA);
    expect(listed.sets.map((s) => s.id)).toEqual([inA.set.id]);
    const editor = await getMessageSetForEditing(observerA, inA.set.id);
    expect(editor).toEqual(await getMessageSetForEditing(admin, inA.set.id));
    expect(editor.call.forumId).toBe(forumA);
    expect((await compareSavedVersions(observerA, inA.set.id, 1, 2)).diff?.counts.edited).toBe(1);
    expect((await searchExcerpts(observerA, inA.call.id, {})).map((e) => e.id)).toEqual([inA.excerpt.id]);
  });

  it("is refused every change (forbidden), and nothing changes", async () => {
    const before = await snapshot(admin, inA);
    for (const [name, attempt] of Object.entries(writes(observerA, idsOf(inA))))
      expect(await refusal(attempt()), name).toBe("forbidden:forbidden");
    expect(await snapshot(admin, inA)).toEqual(before);
  });

  it("sees nothing of forum B", async () => {
    for (const [name, attempt] of Object.entries(reads(observerA, idsOf(inB))))
      expect(await refusal(attempt()), name).toMatch(/^not_found:/);
  });
});
