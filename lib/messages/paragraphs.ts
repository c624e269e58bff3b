// Paragraphs of the working copy: added at the end of a section, edited, moved up or down within their
// section or to the end of another section of the same set, deleted. A paragraph keeps its id through all
// of this: the id is its identity across versions (comments and diffs refer to it). A paragraph can also be
// split in two or merged with the next one; `origins` records the ids whose text went into it.
import "server-only";
import { checkRevision, nextRevision } from "@/lib/edits/revision";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { audit, lockSetOfParagraph, lockSetOfSection, requireRight, type Tx } from "./access";
import { citationSelect } from "./citations";
import { MESSAGE_LIMITS, type CitationPart } from "./schemas";

async function paragraphIn(tx: Tx, paragraphId: string) {
  const paragraph = await tx.messageParagraph.findUnique({
    where: { id: paragraphId },
    select: { id: true, setId: true, sectionId: true, position: true, body: true, revision: true },
  });
  if (!paragraph) throw NotFound("paragraphNotFound");
  return paragraph;
}

/** Closes the gap a paragraph left at `position` of a section. */
async function closeGap(tx: Tx, sectionId: string, position: number) {
  const later = await tx.messageParagraph.findMany({
    where: { sectionId, position: { gt: position } },
    orderBy: { position: "asc" },
    select: { id: true, position: true },
  });
  for (const row of later)
    await tx.messageParagraph.update({ where: { id: row.id }, data: { position: row.position - 1 }, select: { id: true } });
}

const nextPosition = async (tx: Tx, sectionId: string) =>
  ((await tx.messageParagraph.aggregate({ where: { sectionId }, _max: { position: true } }))._max.position ?? 0) + 1;

export async function addParagraph(actor: SessionUser, input: { sectionId: string; body: string }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { id: setId, callId } = await lockSetOfSection(tx, actor, input.sectionId);
    const section = await tx.messageSection.findUnique({ where: { id: input.sectionId }, select: { id: true } });
    if (!section) throw NotFound("sectionNotFound");
    if ((await tx.messageParagraph.count({ where: { setId } })) >= MESSAGE_LIMITS.paragraphs) throw Conflict("tooManyParagraphs");
    const paragraph = await tx.messageParagraph.create({
      data: { setId, sectionId: section.id, position: await nextPosition(tx, section.id), body: input.body },
      select: { id: true, sectionId: true, position: true, body: true },
    });
    await audit(tx, actor, {
      action: "messageParagraph.create",
      itemType: "messageParagraph",
      itemId: paragraph.id,
      callId,
      after: paragraph,
    });
    return paragraph;
  });
}

/** `revision`: the one the form was opened at (lib/edits/revision.ts). */
export async function editParagraph(actor: SessionUser, input: { paragraphId: string; body: string; revision?: number }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfParagraph(tx, actor, input.paragraphId);
    const before = await paragraphIn(tx, input.paragraphId);
    await checkRevision(tx, { type: "messageParagraph", id: before.id, revision: before.revision }, input.revision, () => ({
      body: before.body,
    }));
    await tx.messageParagraph.update({
      where: { id: before.id },
      data: { body: input.body, ...nextRevision },
      select: { id: true },
    });
    await audit(tx, actor, {
      action: "messageParagraph.update",
      itemType: "messageParagraph",
      itemId: before.id,
      callId,
      before: { body: before.body },
      after: { body: input.body },
    });
    return { id: before.id, body: input.body, revision: before.revision + 1 };
  });
}

export async function moveParagraph(actor: SessionUser, input: { paragraphId: string; direction: "up" | "down" }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfParagraph(tx, actor, input.paragraphId);
    const paragraph = await paragraphIn(tx, input.paragraphId);
    const to = paragraph.position + (input.direction === "up" ? -1 : 1);
    const other = await tx.messageParagraph.findUnique({
      where: { sectionId_position: { sectionId: paragraph.sectionId, position: to } },
      select: { id: true },
    });
    if (!other) throw Conflict(input.direction === "up" ? "alreadyFirst" : "alreadyLast");
    await tx.messageParagraph.update({ where: { id: paragraph.id }, data: { position: -1 }, select: { id: true } });
    await tx.messageParagraph.update({ where: { id: other.id }, data: { position: paragraph.position }, select: { id: true } });
    await tx.messageParagraph.update({ where: { id: paragraph.id }, data: { position: to }, select: { id: true } });
    await audit(tx, actor, {
      action: "messageParagraph.move",
      itemType: "messageParagraph",
      itemId: paragraph.id,
      callId,
      before: { position: paragraph.position },
      after: { position: to },
    });
    return { id: paragraph.id, position: to };
  });
}

/** To the end of another section of the same set. */
export async function moveParagraphToSection(actor: SessionUser, input: { paragraphId: string; sectionId: string }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { id: setId, callId } = await lockSetOfParagraph(tx, actor, input.paragraphId);
    const paragraph = await paragraphIn(tx, input.paragraphId);
    const target = await tx.messageSection.findFirst({ where: { id: input.sectionId, setId }, select: { id: true } });
    if (!target) throw NotFound("sectionNotFound");
    if (target.id === paragraph.sectionId) return { id: paragraph.id, sectionId: target.id, position: paragraph.position };
    const position = await nextPosition(tx, target.id);
    await tx.messageParagraph.update({
      where: { id: paragraph.id },
      data: { sectionId: target.id, position },
      select: { id: true },
    });
    await closeGap(tx, paragraph.sectionId, paragraph.position);
    await audit(tx, actor, {
      action: "messageParagraph.move",
      itemType: "messageParagraph",
      itemId: paragraph.id,
      callId,
      before: { sectionId: paragraph.sectionId, position: paragraph.position },
      after: { sectionId: target.id, position },
    });
    return { id: paragraph.id, sectionId: target.id, position };
  });
}

/** Deletes a paragraph and its citations from the working copy; saved versions keep it. */
export async function deleteParagraph(actor: SessionUser, input: { paragraphId: string }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfParagraph(tx, actor, input.paragraphId);
    const paragraph = await paragraphIn(tx, input.paragraphId);
    const citations = await tx.citation.count({ where: { paragraphId: paragraph.id } });
    await tx.messageParagraph.delete({ where: { id: paragraph.id }, select: { id: true } });
    await closeGap(tx, paragraph.sectionId, paragraph.position);
    await audit(tx, actor, {
      action: "messageParagraph.delete",
      itemType: "messageParagraph",
      itemId: paragraph.id,
      callId,
      before: { sectionId: paragraph.sectionId, position: paragraph.position, body: paragraph.body, citations },
    });
    return { id: paragraph.id };
  });
}

/** Both ids and lineages of a paragraph's text, without repeats, in the order they were added. */
const union = (...lists: string[][]) => [...new Set(lists.flat())];

/**
 * Splits a paragraph at a character offset of its body. The first part keeps the paragraph's id (and so its
 * comments and history); the second becomes a new paragraph right after it in the same section whose
 * origins name the parent (and the parent's own origins), so comments on the parent follow both parts.
 * Citations: the form asks which part each source stands behind (`citations`, by citation id): "first" stays
 * with the first part only, "second" moves to the new part, "both" is on both (a copy). A citation the form
 * does not name stays on both parts (nothing is lost; a moderator removes what no longer applies). A form
 * that names a citation the paragraph no longer has is stale: refused, as a changed text is.
 */
export async function splitParagraph(
  actor: SessionUser,
  input: { paragraphId: string; at: number; length?: number; citations?: Record<string, CitationPart> },
) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { id: setId, callId } = await lockSetOfParagraph(tx, actor, input.paragraphId);
    const parent = await tx.messageParagraph.findUnique({
      where: { id: input.paragraphId },
      select: {
        id: true,
        sectionId: true,
        position: true,
        body: true,
        origins: true,
        citations: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: citationSelect,
        },
      },
    });
    if (!parent) throw NotFound("paragraphNotFound");
    // The form names the text it was shown with (its length): a replayed or stale split is refused.
    if (input.length !== undefined && input.length !== parent.body.length) throw Conflict("paragraphChanged");
    const cited = new Set(parent.citations.map((c) => c.id));
    if (Object.keys(input.citations ?? {}).some((id) => !cited.has(id))) throw Conflict("paragraphChanged");
    const partOf = (citationId: string): CitationPart => input.citations?.[citationId] ?? "both";
    const moving = parent.citations.filter((c) => partOf(c.id) === "second").map((c) => c.id);
    const copied = parent.citations
      .filter((c) => partOf(c.id) !== "first")
      .map((c) => ({
        responseId: c.responseId,
        excerptId: c.excerptId,
        reference: c.reference,
        stakeholderGroup: c.stakeholderGroup,
        region: c.region,
        quote: c.quote,
        signatories: c.signatories,
      }));
    const first = parent.body.slice(0, input.at).trim();
    const second = parent.body.slice(input.at).trim();
    if (input.at <= 0 || input.at >= parent.body.length || !first || !second) throw Invalid("splitEmpty");
    if ((await tx.messageParagraph.count({ where: { setId } })) >= MESSAGE_LIMITS.paragraphs) throw Conflict("tooManyParagraphs");
    // Make room after the parent: later paragraphs move down one, the last first (positions are unique).
    const later = await tx.messageParagraph.findMany({
      where: { sectionId: parent.sectionId, position: { gt: parent.position } },
      orderBy: { position: "desc" },
      select: { id: true, position: true },
    });
    for (const row of later)
      await tx.messageParagraph.update({ where: { id: row.id }, data: { position: row.position + 1 }, select: { id: true } });
    await tx.messageParagraph.update({ where: { id: parent.id }, data: { body: first }, select: { id: true } });
    const origins = union(parent.origins, [parent.id]);
    const created = await tx.messageParagraph.create({
      data: {
        setId,
        sectionId: parent.sectionId,
        position: parent.position + 1,
        body: second,
        origins,
        citations: { create: copied },
      },
      select: { id: true, sectionId: true, position: true, body: true, origins: true },
    });
    // Those that went to the second part only leave the first.
    if (moving.length) await tx.citation.deleteMany({ where: { id: { in: moving } } });
    await audit(tx, actor, {
      action: "messageParagraph.split",
      itemType: "messageParagraph",
      itemId: parent.id,
      callId,
      before: { body: parent.body },
      after: {
        body: first,
        newParagraphId: created.id,
        newBody: second,
        origins,
        citations: Object.fromEntries(parent.citations.map((c) => [c.id, partOf(c.id)])),
      },
    });
    return { id: parent.id, body: first, created };
  });
}

/**
 * Merges a paragraph with the next one in its section. The first keeps its id; the bodies are joined with
 * a blank line; its origins gain the second's id and origins (so comments on the second stay attached);
 * the second's citations move to the first unless the first already cites the same source; the second is
 * deleted from the working copy (saved versions keep it).
 */
export async function mergeParagraphs(actor: SessionUser, input: { paragraphId: string; nextId?: string }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfParagraph(tx, actor, input.paragraphId);
    const citations = {
      orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
      select: { id: true, responseId: true, excerptId: true },
    };
    const select = { id: true, sectionId: true, position: true, body: true, origins: true, citations };
    const first = await tx.messageParagraph.findUnique({ where: { id: input.paragraphId }, select });
    if (!first) throw NotFound("paragraphNotFound");
    const second = await tx.messageParagraph.findUnique({
      where: { sectionId_position: { sectionId: first.sectionId, position: first.position + 1 } },
      select,
    });
    if (!second) throw Conflict("nothingToMerge");
    // The form names the paragraph it showed as next: a replayed merge does not swallow the one after.
    if (input.nextId && input.nextId !== second.id) throw Conflict("paragraphChanged");
    const body = `${first.body}\n\n${second.body}`;
    if (body.length > MESSAGE_LIMITS.body) throw Conflict("mergeTooLong");
    const same = (a: { responseId: string | null; excerptId: string | null }, b: typeof a) =>
      a.excerptId ? a.excerptId === b.excerptId : !b.excerptId && a.responseId === b.responseId;
    const moving = second.citations.filter((c) => !first.citations.some((f) => same(c, f)));
    if (first.citations.length + moving.length > MESSAGE_LIMITS.citationsPerParagraph) throw Conflict("tooManyCitations");
    const origins = union(first.origins, second.origins, [second.id]).filter((id) => id !== first.id);
    if (moving.length)
      await tx.citation.updateMany({ where: { id: { in: moving.map((c) => c.id) } }, data: { paragraphId: first.id } });
    await tx.messageParagraph.delete({ where: { id: second.id }, select: { id: true } });
    await closeGap(tx, second.sectionId, second.position);
    await tx.messageParagraph.update({ where: { id: first.id }, data: { body, origins }, select: { id: true } });
    await audit(tx, actor, {
      action: "messageParagraph.merge",
      itemType: "messageParagraph",
      itemId: first.id,
      callId,
      before: { body: first.body, origins: first.origins, mergedParagraphId: second.id, mergedBody: second.body },
      after: { body, origins, citationsMoved: moving.length, citationsDropped: second.citations.length - moving.length },
    });
    return { id: first.id, body, origins, removedId: second.id };
  });
}
