"use server";
// The message editor's actions: each one parses, authorizes a moderator and calls lib/messages.
import { runAction, type ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { Invalid } from "@/lib/errors";
import { renderMarkdown } from "@/lib/markdown";
import { messageAction } from "@/lib/messages/action";
import { cite, uncite } from "@/lib/messages/citations";
import { fromLocalDateTime } from "@/lib/calls/time";
import {
  addParagraph,
  deleteParagraph,
  editParagraph,
  mergeParagraphs,
  moveParagraph,
  moveParagraphToSection,
  splitParagraph,
} from "@/lib/messages/paragraphs";
import {
  citationIdSchema,
  citeSchema,
  messageSetUpdateSchema,
  paragraphAddSchema,
  paragraphEditSchema,
  paragraphIdSchema,
  paragraphMergeSchema,
  paragraphMoveSchema,
  paragraphSplitSchema,
  paragraphToSectionSchema,
  previewSchema,
  sectionAddSchema,
  sectionIdSchema,
  sectionMoveSchema,
  sectionRenameSchema,
  versionFinaliseSchema,
  versionIdSchema,
  versionPublishSchema,
  versionSaveSchema,
} from "@/lib/messages/schemas";
import { addSection, deleteSection, moveSection, renameSection } from "@/lib/messages/sections";
import { updateMessageSet } from "@/lib/messages/sets";
import { closeCommentPeriod, finaliseVersion, publishVersion, saveVersion, versionTimeZone } from "@/lib/messages/versions";

type State = ActionResult | null;

export async function updateMessageSetAction(_: State, formData: FormData) {
  return messageAction("updateMessageSet", messageSetUpdateSchema, formData, async (actor, input) => {
    await updateMessageSet(actor, input);
    return { key: "saved" };
  });
}

export async function addSectionAction(_: State, formData: FormData) {
  return messageAction("addSection", sectionAddSchema, formData, async (actor, input) => {
    await addSection(actor, input);
    return { key: "created" };
  });
}

export async function renameSectionAction(_: State, formData: FormData) {
  return messageAction("renameSection", sectionRenameSchema, formData, async (actor, input) => {
    await renameSection(actor, input);
    return { key: "saved" };
  });
}

export async function moveSectionAction(_: State, formData: FormData) {
  return messageAction("moveSection", sectionMoveSchema, formData, async (actor, input) => {
    await moveSection(actor, input);
    return { key: "moved" };
  });
}

export async function deleteSectionAction(_: State, formData: FormData) {
  return messageAction("deleteSection", sectionIdSchema, formData, async (actor, input) => {
    await deleteSection(actor, input);
    return { key: "deleted" };
  });
}

export async function addParagraphAction(_: State, formData: FormData) {
  return messageAction("addParagraph", paragraphAddSchema, formData, async (actor, input) => {
    await addParagraph(actor, input);
    return { key: "created" };
  });
}

export async function editParagraphAction(_: State, formData: FormData) {
  return messageAction("editParagraph", paragraphEditSchema, formData, async (actor, input) => {
    await editParagraph(actor, input);
    return { key: "saved" };
  });
}

export async function moveParagraphAction(_: State, formData: FormData) {
  return messageAction("moveParagraph", paragraphMoveSchema, formData, async (actor, input) => {
    await moveParagraph(actor, input);
    return { key: "moved" };
  });
}

export async function moveParagraphToSectionAction(_: State, formData: FormData) {
  return messageAction("moveParagraphToSection", paragraphToSectionSchema, formData, async (actor, input) => {
    await moveParagraphToSection(actor, input);
    return { key: "moved" };
  });
}

export async function deleteParagraphAction(_: State, formData: FormData) {
  return messageAction("deleteParagraph", paragraphIdSchema, formData, async (actor, input) => {
    await deleteParagraph(actor, input);
    return { key: "deleted" };
  });
}

export async function citeAction(_: State, formData: FormData) {
  return messageAction("cite", citeSchema, formData, async (actor, input) => {
    await cite(actor, input);
    return { key: "cited" };
  });
}

export async function unciteAction(_: State, formData: FormData) {
  return messageAction("uncite", citationIdSchema, formData, async (actor, input) => {
    await uncite(actor, input);
    return { key: "removed" };
  });
}

export async function saveVersionAction(_: State, formData: FormData) {
  return messageAction("saveVersion", versionSaveSchema, formData, async (actor, input) => {
    const version = await saveVersion(actor, input);
    return { key: "versionSaved", values: { n: version.number } };
  });
}

export async function splitParagraphAction(_: State, formData: FormData) {
  return messageAction("splitParagraph", paragraphSplitSchema, formData, async (actor, input) => {
    await splitParagraph(actor, input);
    return { key: "paragraphSplit" };
  });
}

export async function mergeParagraphsAction(_: State, formData: FormData) {
  return messageAction("mergeParagraphs", paragraphMergeSchema, formData, async (actor, input) => {
    await mergeParagraphs(actor, input);
    return { key: "paragraphsMerged" };
  });
}

/** The period's local times are read in the call's time zone, as the call editor reads its own. */
export async function publishVersionAction(_: State, formData: FormData) {
  return messageAction("publishVersion", versionPublishSchema, formData, async (actor, input) => {
    const timeZone = await versionTimeZone(actor, input.versionId);
    const commentOpensAt = input.commentOpensAt ? fromLocalDateTime(input.commentOpensAt, timeZone) : null;
    const commentClosesAt = input.commentClosesAt ? fromLocalDateTime(input.commentClosesAt, timeZone) : null;
    if (input.commentOpensAt && !commentOpensAt) throw Invalid("noSuchTime", { commentOpensAt: ["noSuchTime"] });
    if (input.commentClosesAt && !commentClosesAt) throw Invalid("noSuchTime", { commentClosesAt: ["noSuchTime"] });
    const version = await publishVersion(actor, { versionId: input.versionId, commentOpensAt, commentClosesAt });
    return { key: version.commentOpensAt ? "publishedWithPeriod" : "versionPublished", values: { n: version.number } };
  });
}

export async function closeCommentPeriodAction(_: State, formData: FormData) {
  return messageAction("closeCommentPeriod", versionIdSchema, formData, async (actor, input) => {
    const done = await closeCommentPeriod(actor, input);
    return { key: done.state === "closed" ? "periodClosed" : "periodCancelled", values: { n: done.number } };
  });
}

export async function finaliseVersionAction(_: State, formData: FormData) {
  return messageAction("finaliseVersion", versionFinaliseSchema, formData, async (actor, input) => {
    const version = await finaliseVersion(actor, { versionId: input.versionId });
    return { key: "versionFinalised", values: { n: version.number } };
  });
}

/** The Markdown of a field as it will be published: rendered through the same sanitizer, nothing saved. */
export async function previewMarkdownAction(source: string): Promise<ActionResult<{ html: string }>> {
  return runAction("previewMarkdown", async () => {
    await authorize("MODERATOR");
    const parsed = previewSchema.safeParse({ source });
    if (!parsed.success) throw Invalid("invalid");
    return { ok: true, data: { html: renderMarkdown(parsed.data.source) } };
  });
}
