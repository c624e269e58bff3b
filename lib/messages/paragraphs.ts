// Paragraphs of the working copy: added at the end of a section, edited, moved up or down within their
// section or to the end of another section of the same set, deleted. A paragraph keeps its id through all
// of this: the id is its identity across versions (comments and diffs refer to it).
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import { audit, lockSetOfParagraph, lockSetOfSection, requireModerator, type Tx } from "./access";
import { MESSAGE_LIMITS } from "./schemas";

async function paragraphIn(tx: Tx, paragraphId: string) {
  const paragraph = await tx.messageParagraph.findUnique({
    where: { id: paragraphId }, select: { id: true, setId: true, sectionId: true, position: true, body: true },
  });
  if (!paragraph) throw NotFound("paragraphNotFound");
  return paragraph;
}

/** Closes the gap a paragraph left at `position` of a section. */
async function closeGap(tx: Tx, sectionId: string, position: number) {
  const later = await tx.messageParagraph.findMany({
    where: { sectionId, position: { gt: position } }, orderBy: { position: "asc" }, select: { id: true, position: true },
  });
  for (const row of later)
    await tx.messageParagraph.update({ where: { id: row.id }, data: { position: row.position - 1 }, select: { id: true } });
}

const nextPosition = async (tx: Tx, sectionId: string) =>
  ((await tx.messageParagraph.aggregate({ where: { sectionId }, _max: { position: true } }))._max.position ?? 0) + 1;

export async function addParagraph(actor: SessionUser, input: { sectionId: string; body: string }) {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    const { id: setId, callId } = await lockSetOfSection(tx, input.sectionId);
    const section = await tx.messageSection.findUnique({ where: { id: input.sectionId }, select: { id: true } });
    if (!section) throw NotFound("sectionNotFound");
    if ((await tx.messageParagraph.count({ where: { setId } })) >= MESSAGE_LIMITS.paragraphs) throw Conflict("tooManyParagraphs");
    const paragraph = await tx.messageParagraph.create({
      data: { setId, sectionId: section.id, position: await nextPosition(tx, section.id), body: input.body },
      select: { id: true, sectionId: true, position: true, body: true },
    });
    await audit(tx, actor, { action: "messageParagraph.create", itemType: "messageParagraph", itemId: paragraph.id, callId, after: paragraph });
    return paragraph;
  });
}

export async function editParagraph(actor: SessionUser, input: { paragraphId: string; body: string }) {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfParagraph(tx, input.paragraphId);
    const before = await paragraphIn(tx, input.paragraphId);
    await tx.messageParagraph.update({ where: { id: before.id }, data: { body: input.body }, select: { id: true } });
    await audit(tx, actor, {
      action: "messageParagraph.update", itemType: "messageParagraph", itemId: before.id, callId,
      before: { body: before.body }, after: { body: input.body },
    });
    return { id: before.id, body: input.body };
  });
}

export async function moveParagraph(actor: SessionUser, input: { paragraphId: string; direction: "up" | "down" }) {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfParagraph(tx, input.paragraphId);
    const paragraph = await paragraphIn(tx, input.paragraphId);
    const to = paragraph.position + (input.direction === "up" ? -1 : 1);
    const other = await tx.messageParagraph.findUnique({
      where: { sectionId_position: { sectionId: paragraph.sectionId, position: to } }, select: { id: true },
    });
    if (!other) throw Conflict(input.direction === "up" ? "alreadyFirst" : "alreadyLast");
    await tx.messageParagraph.update({ where: { id: paragraph.id }, data: { position: -1 }, select: { id: true } });
    await tx.messageParagraph.update({ where: { id: other.id }, data: { position: paragraph.position }, select: { id: true } });
    await tx.messageParagraph.update({ where: { id: paragraph.id }, data: { position: to }, select: { id: true } });
    await audit(tx, actor, {
      action: "messageParagraph.move", itemType: "messageParagraph", itemId: paragraph.id, callId,
      before: { position: paragraph.position }, after: { position: to },
    });
    return { id: paragraph.id, position: to };
  });
}

/** To the end of another section of the same set. */
export async function moveParagraphToSection(actor: SessionUser, input: { paragraphId: string; sectionId: string }) {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    const { id: setId, callId } = await lockSetOfParagraph(tx, input.paragraphId);
    const paragraph = await paragraphIn(tx, input.paragraphId);
    const target = await tx.messageSection.findFirst({ where: { id: input.sectionId, setId }, select: { id: true } });
    if (!target) throw NotFound("sectionNotFound");
    if (target.id === paragraph.sectionId) return { id: paragraph.id, sectionId: target.id, position: paragraph.position };
    const position = await nextPosition(tx, target.id);
    await tx.messageParagraph.update({ where: { id: paragraph.id }, data: { sectionId: target.id, position }, select: { id: true } });
    await closeGap(tx, paragraph.sectionId, paragraph.position);
    await audit(tx, actor, {
      action: "messageParagraph.move", itemType: "messageParagraph", itemId: paragraph.id, callId,
      before: { sectionId: paragraph.sectionId, position: paragraph.position }, after: { sectionId: target.id, position },
    });
    return { id: paragraph.id, sectionId: target.id, position };
  });
}

/** Deletes a paragraph and its citations from the working copy; saved versions keep it. */
export async function deleteParagraph(actor: SessionUser, input: { paragraphId: string }) {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfParagraph(tx, input.paragraphId);
    const paragraph = await paragraphIn(tx, input.paragraphId);
    const citations = await tx.citation.count({ where: { paragraphId: paragraph.id } });
    await tx.messageParagraph.delete({ where: { id: paragraph.id }, select: { id: true } });
    await closeGap(tx, paragraph.sectionId, paragraph.position);
    await audit(tx, actor, {
      action: "messageParagraph.delete", itemType: "messageParagraph", itemId: paragraph.id, callId,
      before: { sectionId: paragraph.sectionId, position: paragraph.position, body: paragraph.body, citations },
    });
    return { id: paragraph.id };
  });
}
