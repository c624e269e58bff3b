"use server";
// The message editor's actions (moderators only): each parses with the schema its form uses, calls
// lib/messages, revalidates every page (the editor, the public message pages) and says what was done with a
// sentence of the "MessageEditor" or "VersionEditor" catalog. Refusals are the domain's typed errors, put
// into words by the action client (lib/actions.ts).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { fromLocalDateTime } from "@/lib/calls/time";
import { Invalid } from "@/lib/errors";
import { renderMarkdown } from "@/lib/markdown";
import { cite, uncite } from "./citations";
import {
  addParagraph,
  deleteParagraph,
  editParagraph,
  mergeParagraphs,
  moveParagraph,
  moveParagraphToSection,
  splitParagraph,
} from "./paragraphs";
import {
  citationIdSchema,
  citeSchema,
  messageSetCreateSchema,
  messageSetUpdateSchema,
  paragraphAddSchema,
  paragraphEditSchema,
  paragraphIdSchema,
  paragraphMergeSchema,
  paragraphMoveSchema,
  paragraphSplitSchema,
  CITATION_PART_FIELD,
  paragraphToSectionSchema,
  periodCloseSchema,
  previewSchema,
  sectionAddSchema,
  sectionIdSchema,
  sectionMoveSchema,
  sectionRenameSchema,
  versionFinaliseSchema,
  versionPublishSchema,
  versionSaveSchema,
} from "./schemas";
import { addSection, deleteSection, moveSection, renameSection } from "./sections";
import { createMessageSet, updateMessageSet } from "./sets";
import { closeCommentPeriod, finaliseVersion, publishVersion, saveVersion, versionTimeZone } from "./versions";

/** After a change: the set shows in the editor and on the public pages, so every page is revalidated. */
function changed<T>(data: T): T {
  revalidatePath("/", "layout");
  return data;
}

/** Waits for a change that answers with nothing but a sentence. */
async function saved(work: Promise<unknown>) {
  await work;
  return changed(null);
}

const editor = async (key: string) => (await getTranslations("MessageEditor"))(key);
const versions = async (key: string, n: number) => (await getTranslations("VersionEditor"))(key, { n });

export const createMessageSetAction = defineAction({
  name: "messages.createSet",
  auth: "messages.edit",
  schema: messageSetCreateSchema,
  run: async (input, { actor }) => {
    const created = await createMessageSet(actor, input);
    revalidatePath("/", "layout");
    redirect(`/moderation/messages/${encodeURIComponent(created.id)}`);
  },
});

export const updateMessageSetAction = defineAction({
  name: "messages.updateSet",
  auth: "messages.edit",
  schema: messageSetUpdateSchema,
  run: async (input, { actor }) => changed({ revision: (await updateMessageSet(actor, input)).revision }),
  message: () => editor("saved"),
});

export const addSectionAction = defineAction({
  name: "messages.addSection",
  auth: "messages.edit",
  schema: sectionAddSchema,
  run: (input, { actor }) => saved(addSection(actor, input)),
  message: () => editor("created"),
});

export const renameSectionAction = defineAction({
  name: "messages.renameSection",
  auth: "messages.edit",
  schema: sectionRenameSchema,
  run: async (input, { actor }) => changed({ revision: (await renameSection(actor, input)).revision }),
  message: () => editor("saved"),
});

export const moveSectionAction = defineAction({
  name: "messages.moveSection",
  auth: "messages.edit",
  schema: sectionMoveSchema,
  run: (input, { actor }) => saved(moveSection(actor, input)),
  message: () => editor("moved"),
});

export const deleteSectionAction = defineAction({
  name: "messages.deleteSection",
  auth: "messages.edit",
  schema: sectionIdSchema,
  run: (input, { actor }) => saved(deleteSection(actor, input)),
  message: () => editor("deleted"),
});

export const addParagraphAction = defineAction({
  name: "messages.addParagraph",
  auth: "messages.edit",
  schema: paragraphAddSchema,
  run: (input, { actor }) => saved(addParagraph(actor, input)),
  message: () => editor("created"),
});

export const editParagraphAction = defineAction({
  name: "messages.editParagraph",
  auth: "messages.edit",
  schema: paragraphEditSchema,
  run: async (input, { actor }) => changed({ revision: (await editParagraph(actor, input)).revision }),
  message: () => editor("saved"),
});

export const moveParagraphAction = defineAction({
  name: "messages.moveParagraph",
  auth: "messages.edit",
  schema: paragraphMoveSchema,
  run: (input, { actor }) => saved(moveParagraph(actor, input)),
  message: () => editor("moved"),
});

export const moveParagraphToSectionAction = defineAction({
  name: "messages.moveParagraphToSection",
  auth: "messages.edit",
  schema: paragraphToSectionSchema,
  run: (input, { actor }) => saved(moveParagraphToSection(actor, input)),
  message: () => editor("moved"),
});

export const deleteParagraphAction = defineAction({
  name: "messages.deleteParagraph",
  auth: "messages.edit",
  schema: paragraphIdSchema,
  run: (input, { actor }) => saved(deleteParagraph(actor, input)),
  message: () => editor("deleted"),
});

export const splitParagraphAction = defineAction({
  name: "messages.splitParagraph",
  auth: "messages.edit",
  schema: paragraphSplitSchema,
  // Each citation's part arrives as its own field ("cite.<id>": first | second | both).
  input: (_formData, values) => ({
    ...values,
    citations: Object.fromEntries(
      Object.entries(values)
        .filter(([name]) => name.startsWith(CITATION_PART_FIELD))
        .map(([name, part]) => [name.slice(CITATION_PART_FIELD.length), part]),
    ),
  }),
  run: (input, { actor }) => saved(splitParagraph(actor, input)),
  message: async () => (await getTranslations("VersionEditor"))("paragraphSplit"),
});

export const mergeParagraphsAction = defineAction({
  name: "messages.mergeParagraphs",
  auth: "messages.edit",
  schema: paragraphMergeSchema,
  run: (input, { actor }) => saved(mergeParagraphs(actor, input)),
  message: async () => (await getTranslations("VersionEditor"))("paragraphsMerged"),
});

export const citeAction = defineAction({
  name: "messages.cite",
  auth: "messages.edit",
  schema: citeSchema,
  run: (input, { actor }) => saved(cite(actor, input)),
  message: () => editor("cited"),
});

export const unciteAction = defineAction({
  name: "messages.uncite",
  auth: "messages.edit",
  schema: citationIdSchema,
  run: (input, { actor }) => saved(uncite(actor, input)),
  message: () => editor("removed"),
});

export const saveVersionAction = defineAction({
  name: "messages.saveVersion",
  auth: "messages.edit",
  schema: versionSaveSchema,
  run: async (input, { actor }) => changed({ n: (await saveVersion(actor, input)).number }),
  message: async ({ n }) => (await getTranslations("MessageEditor"))("versionSaved", { n }),
});

/**
 * The period's local times are read in the call's time zone, as the call editor reads its own. "Open now"
 * (commentOpens = "now") opens comments at the server's clock when publishing; a typed opening time is then
 * not read.
 */
export const publishVersionAction = defineAction({
  name: "messages.publishVersion",
  auth: "messages.edit",
  schema: versionPublishSchema,
  run: async (input, { actor }) => {
    const timeZone = await versionTimeZone(actor, input.versionId);
    const opensNow = input.commentOpens === "now";
    const typedOpening = opensNow ? "" : input.commentOpensAt;
    const commentOpensAt = typedOpening ? fromLocalDateTime(typedOpening, timeZone) : null;
    const commentClosesAt = input.commentClosesAt ? fromLocalDateTime(input.commentClosesAt, timeZone) : null;
    if (typedOpening && !commentOpensAt) throw Invalid("noSuchTime", { commentOpensAt: ["noSuchTime"] });
    if (input.commentClosesAt && !commentClosesAt) throw Invalid("noSuchTime", { commentClosesAt: ["noSuchTime"] });
    const version = await publishVersion(actor, { versionId: input.versionId, opensNow, commentOpensAt, commentClosesAt });
    return changed({ n: version.number, withPeriod: Boolean(version.commentOpensAt) });
  },
  message: ({ n, withPeriod }) => versions(withPeriod ? "publishedWithPeriod" : "versionPublished", n),
});

/** Closes an open period now, or cancels one still to open; the reason is required, published and emailed. */
export const closeCommentPeriodAction = defineAction({
  name: "messages.closeCommentPeriod",
  auth: "messages.edit",
  schema: periodCloseSchema,
  run: async (input, { actor }) => {
    const done = await closeCommentPeriod(actor, input);
    return changed({ n: done.number, closed: done.state === "closed" });
  },
  message: ({ n, closed }) => versions(closed ? "periodClosed" : "periodCancelled", n),
});

export const finaliseVersionAction = defineAction({
  name: "messages.finaliseVersion",
  auth: "messages.edit",
  schema: versionFinaliseSchema,
  run: async (input, { actor }) =>
    changed({ n: (await finaliseVersion(actor, { versionId: input.versionId, acceptGaps: input.acceptGaps })).number }),
  message: ({ n }) => versions("versionFinalised", n),
});

/** The Markdown of a field as it will be published: rendered through the same sanitizer, nothing saved. */
export const previewMarkdownAction = defineAction({
  name: "messages.preview",
  auth: "messages.edit",
  schema: previewSchema,
  run: (input) => ({ html: renderMarkdown(input.source) }),
  keepValues: false,
});
