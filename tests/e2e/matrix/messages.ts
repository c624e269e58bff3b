// Matrix entries: the message editor's actions (lib/messages/actions.ts). Every change to a set, its
// headings, paragraphs, citations and versions is the forum's facilitators' and the administrators'; the
// Markdown preview saves nothing and belongs to no forum, so anyone who edits messages somewhere may use it.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VersionContent } from "@/lib/messages/content";
import { createCall, uniqueSuffix } from "@/prisma/factories";
import { periodOf } from "@/prisma/factories-comments";
import { createExcerpt, createSourceResponse } from "@/prisma/factories-messages";
import { FORUM_WRITERS, type ActionEntry } from "./entry";

/**
 * A draft set of a new call in the forum, written directly: one heading per number of `outline`, with that
 * many paragraphs (each long enough to be split).
 */
export async function draftSet(forumId: string, outline: number[] = [2]) {
  const call = await createCall(db, { forumId });
  const suffix = uniqueSuffix();
  const set = await db.messageSet.create({
    data: {
      callId: call.id,
      slug: `matrix-messages-${suffix}`,
      title: `Matrix messages ${suffix}`,
      introduction: "Messages compiled from the contributions received.",
    },
    select: { id: true, title: true, introduction: true },
  });
  const sections: { id: string; heading: string; paragraphs: { id: string; body: string }[] }[] = [];
  for (const [index, count] of outline.entries()) {
    const heading = `Heading ${index + 1}`;
    const section = await db.messageSection.create({
      data: { setId: set.id, position: index + 1, heading },
      select: { id: true },
    });
    const paragraphs = [];
    for (let position = 1; position <= count; position++) {
      const body = `Capacity building must reach small CERTs. Reporting should be public (${index + 1}.${position}).`;
      paragraphs.push(
        await db.messageParagraph.create({
          data: { setId: set.id, sectionId: section.id, position, body },
          select: { id: true, body: true },
        }),
      );
    }
    sections.push({ id: section.id, heading, paragraphs });
  }
  return { call, set, sections };
}

type Draft = Awaited<ReturnType<typeof draftSet>>;

/** Version 1 of the draft, frozen from its working copy; published (and the set PUBLISHED) when `published`. */
export async function versionOf(draft: Draft, published?: { commentOpensAt: Date | null; commentClosesAt: Date | null }) {
  const content: VersionContent = draft.sections.map((section) => ({
    sectionId: section.id,
    heading: section.heading,
    paragraphs: section.paragraphs.map((p) => ({ paragraphId: p.id, body: p.body, origins: [], citations: [] })),
  }));
  const version = await db.messageSetVersion.create({
    data: {
      setId: draft.set.id,
      number: 1,
      summary: "",
      content: content as Prisma.InputJsonValue,
      title: draft.set.title,
      introduction: draft.set.introduction,
      ...(published && { publishedAt: new Date(Date.now() - 86_400_000), ...published }),
    },
    select: { id: true, number: true },
  });
  if (published) await db.messageSet.update({ where: { id: draft.set.id }, data: { status: "PUBLISHED" }, select: { id: true } });
  return version;
}

/** An entry for the forum's writers whose situation is built from a fresh draft set. */
const onDraft = (
  fields: (draft: Draft) => Promise<Record<string, string | string[]>> | Record<string, string | string[]>,
  outline?: number[],
): ActionEntry => ({
  allowed: FORUM_WRITERS,
  setup: async ({ forumId }) => ({ fields: await fields(await draftSet(forumId, outline)) }),
});

const first = (draft: Draft) => draft.sections[0]!;

export const MESSAGE_ACTIONS: Record<string, ActionEntry> = {
  "lib/messages/actions.ts#createMessageSetAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId });
      return { fields: { callId: call.id, title: `Draft messages ${uniqueSuffix()}` } };
    },
  },
  "lib/messages/actions.ts#updateMessageSetAction": onDraft((draft) => ({
    setId: draft.set.id,
    title: "Retitled messages",
    introduction: "A new introduction.",
  })),
  "lib/messages/actions.ts#addSectionAction": onDraft((draft) => ({ setId: draft.set.id, heading: "A new heading" })),
  "lib/messages/actions.ts#renameSectionAction": onDraft((draft) => ({ sectionId: first(draft).id, heading: "Renamed" })),
  "lib/messages/actions.ts#moveSectionAction": onDraft(
    (draft) => ({ sectionId: draft.sections[1]!.id, direction: "up" }),
    [1, 1],
  ),
  "lib/messages/actions.ts#deleteSectionAction": onDraft((draft) => ({ sectionId: first(draft).id })),
  "lib/messages/actions.ts#addParagraphAction": onDraft((draft) => ({ sectionId: first(draft).id, body: "A new paragraph." })),
  "lib/messages/actions.ts#editParagraphAction": onDraft((draft) => ({
    paragraphId: first(draft).paragraphs[0]!.id,
    body: "An edited paragraph.",
  })),
  "lib/messages/actions.ts#moveParagraphAction": onDraft((draft) => ({
    paragraphId: first(draft).paragraphs[1]!.id,
    direction: "up",
  })),
  "lib/messages/actions.ts#moveParagraphToSectionAction": onDraft(
    (draft) => ({ paragraphId: first(draft).paragraphs[0]!.id, sectionId: draft.sections[1]!.id }),
    [2, 1],
  ),
  "lib/messages/actions.ts#deleteParagraphAction": onDraft((draft) => ({ paragraphId: first(draft).paragraphs[0]!.id })),
  "lib/messages/actions.ts#splitParagraphAction": onDraft((draft) => {
    const paragraph = first(draft).paragraphs[0]!;
    return { paragraphId: paragraph.id, at: String(paragraph.body.indexOf(" Reporting")), length: String(paragraph.body.length) };
  }),
  "lib/messages/actions.ts#mergeParagraphsAction": onDraft((draft) => ({
    paragraphId: first(draft).paragraphs[0]!.id,
    nextId: first(draft).paragraphs[1]!.id,
  })),
  "lib/messages/actions.ts#citeAction": onDraft(async (draft) => {
    const response = await createSourceResponse(db, { callId: draft.call.id });
    return { paragraphId: first(draft).paragraphs[0]!.id, responseId: response.id };
  }),
  "lib/messages/citing-actions.ts#citeManyAction": onDraft(async (draft) => {
    const excerpts = [];
    for (let i = 0; i < 2; i++) {
      const response = await createSourceResponse(db, { callId: draft.call.id });
      excerpts.push(await createExcerpt(db, { responseId: response.id, questionId: response.questionId }));
    }
    return { paragraphId: first(draft).paragraphs[0]!.id, excerptIds: excerpts.map((e) => e.id) };
  }),
  "lib/messages/actions.ts#unciteAction": onDraft(async (draft) => {
    const response = await createSourceResponse(db, { callId: draft.call.id });
    const citation = await db.citation.create({
      data: { paragraphId: first(draft).paragraphs[0]!.id, responseId: response.id, reference: response.reference },
      select: { id: true },
    });
    return { citationId: citation.id };
  }),
  "lib/messages/actions.ts#saveVersionAction": onDraft((draft) => ({ setId: draft.set.id, summary: "First draft" })),
  "lib/messages/actions.ts#publishVersionAction": onDraft(async (draft) => {
    const version = await versionOf(draft);
    return { versionId: version.id, commentOpensAt: "", commentClosesAt: "" };
  }),
  "lib/messages/actions.ts#closeCommentPeriodAction": onDraft(async (draft) => {
    const version = await versionOf(draft, periodOf("open"));
    // The reason is required (the allowed close with it; the refused are refused before it is read).
    return { versionId: version.id, reason: "The consultation timeline moved." };
  }),
  "lib/messages/actions.ts#finaliseVersionAction": onDraft(async (draft) => {
    const version = await versionOf(draft, periodOf("none"));
    return { versionId: version.id, introductionReviewed: "on", acceptGaps: "on", confirm: "on" };
  }),
  // Renders Markdown as it will be published and saves nothing, on no forum's object: whoever may edit
  // messages in some forum may preview (the code asks for "messages.edit" in any forum). Observers and
  // stakeholders, who edit nothing, may not.
  "lib/messages/actions.ts#previewMarkdownAction": {
    allowed: ["otherFacilitator", ...FORUM_WRITERS],
    setup: async () => ({ fields: { source: "A **bold** claim with a [link](https://www.intgovforum.org)." } }),
  },
};
