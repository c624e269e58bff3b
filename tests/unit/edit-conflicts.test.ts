// No lost update (lib/edits/revision.ts): for each kind of object a moderator edits in a form, a save made
// from the revision the form was opened at goes through and counts the revision up; a second save from that
// same, now older revision is refused with a conflict that carries the stored values under the form's field
// names and who saved them, and changes nothing; a save from the new revision then goes through.
import { afterAll, describe, expect, it } from "vitest";
import { callFormValues } from "@/lib/calls/form-values";
import { createCall, getCallForEditing, updateCall } from "@/lib/calls/manage";
import { callInputSchema, type CallFormValues } from "@/lib/calls/schemas";
import { updateExcerpt } from "@/lib/curation/excerpts";
import { createTag, updateTag } from "@/lib/curation/tags";
import { db, disconnectDb } from "@/lib/db";
import { addParagraph, editParagraph } from "@/lib/messages/paragraphs";
import { addSection, renameSection } from "@/lib/messages/sections";
import { createMessageSet, updateMessageSet } from "@/lib/messages/sets";
import { createCall as createFactoryCall, createForum, uniqueSuffix } from "@/prisma/factories";
import { createExcerpt, createSourceResponse } from "@/prisma/factories-messages";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import { answerComment } from "@/lib/comments/answer";
import { updateForum } from "@/lib/forums/forums";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

/** A facilitator of the forum with this display name, as the conflict names them. */
async function facilitator(forumId: string, name: string) {
  const person = await appointee(forumId, "FACILITATOR");
  await db.profile.update({ where: { userId: person.id }, data: { displayName: name }, select: { userId: true } });
  return { ...person, name };
}

describe("a call", () => {
  it("refuses a save from an older revision with the stored call, and saves from the new one", async () => {
    const forum = await createForum(db);
    const amina = await facilitator(forum.id, `Amina Diallo ${uniqueSuffix()}`);
    const tomas = await facilitator(forum.id, `Tomás Ferreira ${uniqueSuffix()}`);
    const values: CallFormValues = {
      forumId: forum.id,
      title: "Norms in practice",
      slug: `norms-${uniqueSuffix()}`,
      referencePrefix: `t${uniqueSuffix()}`.slice(0, 10),
      thematicTrack: "",
      introduction: "Tell us how norms work.",
      timeZone: "UTC",
      opensAt: "2030-03-01T09:00",
      closesAt: "2030-04-30T17:00",
      questions: [{ prompt: "What norms does your community follow?", type: "LONG_TEXT" }],
      glossary: [],
    };
    const { id } = await createCall(amina, callInputSchema.parse(values));
    const opened = await getCallForEditing(amina, id);
    expect(opened.revision).toBe(1);
    const edit = (overrides: Partial<CallFormValues>) => callInputSchema.parse({ ...callFormValues(opened), ...overrides });

    // Both opened revision 1; Amina saves first.
    await updateCall(amina, id, { ...edit({ title: "Norms in practice (Amina)" }), revision: 1 });
    expect((await getCallForEditing(amina, id)).revision).toBe(2);

    const refused = await updateCall(tomas, id, {
      ...edit({ title: "Norms in practice (Tomás)", introduction: "Tomás's introduction." }),
      revision: 1,
    }).catch((error) => error);
    expect(refused).toMatchObject({
      kind: "conflict",
      code: "editedMeanwhileBy",
      params: { by: amina.name },
      conflict: {
        revision: 2,
        current: expect.objectContaining({
          title: "Norms in practice (Amina)",
          introduction: "Tell us how norms work.",
          "questions.0.prompt": "What norms does your community follow?",
        }),
      },
    });
    const stored = await getCallForEditing(amina, id);
    expect(stored).toMatchObject({ title: "Norms in practice (Amina)", introduction: "Tell us how norms work.", revision: 2 });

    // Tomás saves again, knowingly, from the revision the conflict gave him.
    await updateCall(tomas, id, { ...edit({ title: "Norms in practice (Tomás)" }), revision: 2 });
    expect(await getCallForEditing(amina, id)).toMatchObject({ title: "Norms in practice (Tomás)", revision: 3 });
    // A post without a revision (an older page) is saved as before.
    await updateCall(tomas, id, edit({ title: "Norms in practice" }));
    expect((await getCallForEditing(amina, id)).revision).toBe(4);
  });
});

describe("a tag", () => {
  it("refuses a rename from an older revision with the stored name and description", async () => {
    const forum = await createForum(db);
    const call = await createFactoryCall(db, { forumId: forum.id });
    const amina = await facilitator(forum.id, `Amina Diallo ${uniqueSuffix()}`);
    const tomas = await facilitator(forum.id, `Tomás Ferreira ${uniqueSuffix()}`);
    const tag = await createTag(amina, { callId: call.id, name: "capacity building", description: "" });
    const revisionOf = async () =>
      (await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { revision: true } })).revision;
    expect(await revisionOf()).toBe(1);

    await updateTag(amina, { tagId: tag.id, name: "capacity building", description: "Training and skills.", revision: 1 });
    await expect(
      updateTag(tomas, { tagId: tag.id, name: "capacity-building", description: "", revision: 1 }),
    ).rejects.toMatchObject({
      code: "editedMeanwhileBy",
      conflict: { revision: 2, current: { name: "capacity building", description: "Training and skills." } },
    });
    expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { name: true } })).toEqual({
      name: "capacity building",
    });
    await updateTag(tomas, { tagId: tag.id, name: "capacity-building", description: "", revision: 2 });
    expect(await revisionOf()).toBe(3);
  });
});

describe("a message set, a section and a paragraph", () => {
  it("refuse saves from an older revision with the stored title and introduction, heading and text", async () => {
    const forum = await createForum(db);
    const call = await createFactoryCall(db, { forumId: forum.id });
    const amina = await facilitator(forum.id, `Amina Diallo ${uniqueSuffix()}`);
    const tomas = await facilitator(forum.id, `Tomás Ferreira ${uniqueSuffix()}`);
    const set = await createMessageSet(amina, { callId: call.id, title: "Messages on norms" });
    const section = await addSection(amina, { setId: set.id, heading: "Capacity building" });
    const paragraph = await addParagraph(amina, { sectionId: section.id, body: "CERTs need long-term funding." });

    // The set's details.
    await updateMessageSet(amina, {
      setId: set.id,
      title: "Messages on norms",
      introduction: "Amina's introduction.",
      revision: 1,
    });
    await expect(
      updateMessageSet(tomas, { setId: set.id, title: "Norms", introduction: "Tomás's introduction.", revision: 1 }),
    ).rejects.toMatchObject({
      code: "editedMeanwhileBy",
      params: { by: amina.name },
      conflict: {
        revision: 2,
        current: { title: "Messages on norms", introduction: "Amina's introduction.", sourceNotes: "SECTION" },
      },
    });
    await updateMessageSet(tomas, {
      setId: set.id,
      title: "Norms",
      introduction: "Tomás's introduction.",
      sourceNotes: "ANNEX",
      revision: 2,
    });
    expect(await db.messageSet.findUniqueOrThrow({ where: { id: set.id }, select: { sourceNotes: true } })).toEqual({
      sourceNotes: "ANNEX",
    });
    // A form without the choice keeps it.
    await updateMessageSet(amina, { setId: set.id, title: "Norms", introduction: "Tomás's introduction.", revision: 3 });
    expect((await db.messageSet.findUniqueOrThrow({ where: { id: set.id } })).sourceNotes).toBe("ANNEX");

    // A section's heading.
    await renameSection(amina, { sectionId: section.id, heading: "Capacity building and skills", revision: 1 });
    await expect(renameSection(tomas, { sectionId: section.id, heading: "Skills", revision: 1 })).rejects.toMatchObject({
      code: "editedMeanwhileBy",
      conflict: { revision: 2, current: { heading: "Capacity building and skills" } },
    });

    // A paragraph: the two-editor scenario of the issue.
    await editParagraph(amina, { paragraphId: paragraph.id, body: "CERTs need long-term funding, Amina says.", revision: 1 });
    await expect(
      editParagraph(tomas, { paragraphId: paragraph.id, body: "CERTs need funding, Tomás says.", revision: 1 }),
    ).rejects.toMatchObject({
      code: "editedMeanwhileBy",
      conflict: { revision: 2, current: { body: "CERTs need long-term funding, Amina says." } },
    });
    const stored = await db.messageParagraph.findUniqueOrThrow({
      where: { id: paragraph.id },
      select: { body: true, revision: true },
    });
    expect(stored).toEqual({ body: "CERTs need long-term funding, Amina says.", revision: 2 });
    await editParagraph(tomas, { paragraphId: paragraph.id, body: "CERTs need funding, Tomás says.", revision: 2 });
    expect((await db.messageParagraph.findUniqueOrThrow({ where: { id: paragraph.id }, select: { body: true } })).body).toBe(
      "CERTs need funding, Tomás says.",
    );
  });
});

describe("an excerpt", () => {
  it("refuses a save of its note and tags from an older revision with the stored note and tags", async () => {
    const forum = await createForum(db);
    const call = await createFactoryCall(db, { forumId: forum.id });
    const amina = await facilitator(forum.id, `Amina Diallo ${uniqueSuffix()}`);
    const tomas = await facilitator(forum.id, `Tomás Ferreira ${uniqueSuffix()}`);
    const response = await createSourceResponse(db, { callId: call.id });
    const excerpt = await createExcerpt(db, { responseId: response.id, questionId: response.questionId });
    const tag = await createTag(amina, { callId: call.id, name: "funding", description: "" });

    await updateExcerpt(amina, { excerptId: excerpt.id, note: "Amina's note.", tagIds: [tag.id], revision: 1 });
    await expect(
      updateExcerpt(tomas, { excerptId: excerpt.id, note: "Tomás's note.", tagIds: [], revision: 1 }),
    ).rejects.toMatchObject({
      code: "editedMeanwhileBy",
      conflict: { revision: 2, current: { note: "Amina's note.", tags: "funding" } },
    });
    expect(await db.excerpt.findUniqueOrThrow({ where: { id: excerpt.id }, select: { note: true } })).toEqual({
      note: "Amina's note.",
    });
    await updateExcerpt(tomas, { excerptId: excerpt.id, note: "Tomás's note.", tagIds: [], revision: 2 });
    expect(await db.excerpt.findUniqueOrThrow({ where: { id: excerpt.id }, select: { note: true, revision: true } })).toEqual({
      note: "Tomás's note.",
      revision: 3,
    });
  });
});

describe("a forum", () => {
  it("refuses an administrator's save from an older revision with the stored details", async () => {
    const forum = await createForum(db);
    const [first, second] = [await actor("ADMIN"), await actor("ADMIN")];
    const fields = {
      forumId: forum.id,
      slug: forum.slug,
      kind: "BEST_PRACTICE_FORUM" as const,
      contactEmail: "",
      facilitatorsMayAppoint: false,
      publicationAbout: "",
      publicationContact: "",
    };
    await updateForum(first, { ...fields, name: "BPF Cybersecurity", description: "First.", revision: 1 });
    await expect(
      updateForum(second, { ...fields, name: "BPF on Cybersecurity", description: "Second.", revision: 1 }),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^editedMeanwhile/),
      conflict: { revision: 2, current: expect.objectContaining({ name: "BPF Cybersecurity", description: "First." }) },
    });
    expect((await db.forum.findUniqueOrThrow({ where: { id: forum.id }, select: { name: true } })).name).toBe(
      "BPF Cybersecurity",
    );
  });
});

describe("an answer to a comment", () => {
  it("refuses a second moderator's answer written before the first one's was saved, with that answer shown", async () => {
    const { call, set, version } = await createCommentableSet(db);
    const comment = await createComment(db, { setId: set.id, versionId: version.id });
    const amina = await facilitator(call.forumId, `Amina Diallo ${uniqueSuffix()}`);
    const tomas = await facilitator(call.forumId, `Tomás Ferreira ${uniqueSuffix()}`);
    // Both opened the comment unanswered (revision 0).
    await answerComment(amina, {
      commentId: comment.id,
      disposition: "INCORPORATED",
      answer: "Paragraph 3 now says so.",
      revision: "0",
    });
    const answeredAt = (await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { answeredAt: true } }))
      .answeredAt!;
    await expect(
      answerComment(tomas, { commentId: comment.id, disposition: "NOTED", answer: "Thank you.", revision: "0" }),
    ).rejects.toMatchObject({
      code: "editedMeanwhileBy",
      conflict: {
        revision: answeredAt.getTime(),
        current: { disposition: "INCORPORATED", answer: "Paragraph 3 now says so.", reason: "" },
      },
    });
    await answerComment(tomas, {
      commentId: comment.id,
      disposition: "NOTED",
      answer: "Thank you.",
      revision: String(answeredAt.getTime()),
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { disposition: true } })).disposition).toBe(
      "NOTED",
    );
  });
});
