// Headings of a message set: added at the end, renamed, moved up or down one place, deleted (with their
// paragraphs). Positions are 1..n within the set; a (setId, position) key keeps them unique.
import "server-only";
import { checkRevision, nextRevision } from "@/lib/edits/revision";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import { audit, lockSetOfSection, lockWorkingCopy, requireRight, type Tx } from "./access";
import { MESSAGE_LIMITS } from "./schemas";

async function sectionIn(tx: Tx, sectionId: string) {
  const section = await tx.messageSection.findUnique({
    where: { id: sectionId },
    select: { id: true, setId: true, position: true, heading: true, revision: true },
  });
  if (!section) throw NotFound("sectionNotFound");
  return section;
}

export async function addSection(actor: SessionUser, input: { setId: string; heading: string }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { callId } = await lockWorkingCopy(tx, actor, input.setId);
    const count = await tx.messageSection.count({ where: { setId: input.setId } });
    if (count >= MESSAGE_LIMITS.sections) throw Conflict("tooManySections");
    const section = await tx.messageSection.create({
      data: { setId: input.setId, position: count + 1, heading: input.heading },
      select: { id: true, position: true, heading: true },
    });
    await audit(tx, actor, {
      action: "messageSection.create",
      itemType: "messageSection",
      itemId: section.id,
      callId,
      after: section,
    });
    return section;
  });
}

/** `revision`: the one the form was opened at (lib/edits/revision.ts). */
export async function renameSection(actor: SessionUser, input: { sectionId: string; heading: string; revision?: number }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfSection(tx, actor, input.sectionId);
    const before = await sectionIn(tx, input.sectionId);
    await checkRevision(tx, { type: "messageSection", id: before.id, revision: before.revision }, input.revision, () => ({
      heading: before.heading,
    }));
    await tx.messageSection.update({
      where: { id: before.id },
      data: { heading: input.heading, ...nextRevision },
      select: { id: true },
    });
    await audit(tx, actor, {
      action: "messageSection.rename",
      itemType: "messageSection",
      itemId: before.id,
      callId,
      before: { heading: before.heading },
      after: { heading: input.heading },
    });
    return { id: before.id, heading: input.heading, revision: before.revision + 1 };
  });
}

export async function moveSection(actor: SessionUser, input: { sectionId: string; direction: "up" | "down" }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfSection(tx, actor, input.sectionId);
    const section = await sectionIn(tx, input.sectionId);
    const to = section.position + (input.direction === "up" ? -1 : 1);
    const other = await tx.messageSection.findUnique({
      where: { setId_position: { setId: section.setId, position: to } },
      select: { id: true },
    });
    if (!other) throw Conflict(input.direction === "up" ? "alreadyFirst" : "alreadyLast");
    // Through a free position: the (setId, position) key is checked row by row.
    await tx.messageSection.update({ where: { id: section.id }, data: { position: -1 }, select: { id: true } });
    await tx.messageSection.update({ where: { id: other.id }, data: { position: section.position }, select: { id: true } });
    await tx.messageSection.update({ where: { id: section.id }, data: { position: to }, select: { id: true } });
    await audit(tx, actor, {
      action: "messageSection.move",
      itemType: "messageSection",
      itemId: section.id,
      callId,
      before: { position: section.position },
      after: { position: to },
    });
    return { id: section.id, position: to };
  });
}

/** Deletes a heading with its paragraphs and their citations; saved versions keep them. */
export async function deleteSection(actor: SessionUser, input: { sectionId: string }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfSection(tx, actor, input.sectionId);
    const section = await sectionIn(tx, input.sectionId);
    const paragraphs = await tx.messageParagraph.count({ where: { sectionId: section.id } });
    await tx.messageSection.delete({ where: { id: section.id }, select: { id: true } });
    const later = await tx.messageSection.findMany({
      where: { setId: section.setId, position: { gt: section.position } },
      orderBy: { position: "asc" },
      select: { id: true, position: true },
    });
    for (const row of later)
      await tx.messageSection.update({ where: { id: row.id }, data: { position: row.position - 1 }, select: { id: true } });
    await audit(tx, actor, {
      action: "messageSection.delete",
      itemType: "messageSection",
      itemId: section.id,
      callId,
      before: { heading: section.heading, position: section.position, paragraphs },
    });
    return { id: section.id };
  });
}
