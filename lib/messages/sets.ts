// Message sets of a call: created from a title (the slug follows from it and never changes, so published
// links stay valid), retitled and introduced; listed and read whole for the editor. Facilitators of the
// call's forum change them ("messages.edit"); its observers read them ("forum.read").
import "server-only";
import { readChecklist } from "./final-checklist";
import { checkRevision, nextRevision } from "@/lib/edits/revision";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, isUniqueViolation, NotFound } from "@/lib/errors";
import type { SourceNotes } from "@/lib/generated/prisma/enums";
import { audit, authorizeOn, lockWorkingCopy, requireRight } from "./access";
import { citationSelect } from "./citations";
import { freeSlug, slugFromTitle } from "./slug";
import { paragraphSpread } from "./spread";

export async function listMessageSets(actor: SessionUser, callId: string) {
  requireRight(actor, "forum.read");
  await authorizeOn(db, actor, "forum.read", "call", callId, "callNotFound");
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true, title: true, forumId: true } });
  if (!call) throw NotFound("callNotFound");
  const sets = await db.messageSet.findMany({
    where: { callId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      updatedAt: true,
      _count: { select: { paragraphs: true, versions: true } },
    },
  });
  return {
    call,
    sets: sets.map(({ _count, ...set }) => ({ ...set, paragraphCount: _count.paragraphs, versionCount: _count.versions })),
  };
}

export async function createMessageSet(actor: SessionUser, input: { callId: string; title: string }) {
  requireRight(actor, "messages.edit");
  const base = slugFromTitle(input.title);
  try {
    return await db.$transaction(async (tx) => {
      await authorizeOn(tx, actor, "messages.edit", "call", input.callId, "callNotFound");
      const call = await tx.call.findUnique({ where: { id: input.callId }, select: { id: true } });
      if (!call) throw NotFound("callNotFound");
      const taken = await tx.messageSet.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
      const slug = freeSlug(base, new Set(taken.map((row) => row.slug)));
      const set = await tx.messageSet.create({
        data: { callId: call.id, title: input.title, slug, createdById: actor.id },
        select: { id: true, slug: true, title: true },
      });
      await audit(tx, actor, {
        action: "messageSet.create",
        itemType: "messageSet",
        itemId: set.id,
        callId: call.id,
        after: { title: set.title, slug },
      });
      return set;
    });
  } catch (error) {
    // Two sets with the same title created at the same instant: the second is asked to try again.
    if (isUniqueViolation(error)) throw Conflict("messageSlugTaken");
    throw error;
  }
}

/** `revision`: the one the form was opened at (lib/edits/revision.ts). */
export async function updateMessageSet(
  actor: SessionUser,
  input: {
    setId: string;
    title: string;
    introduction: string;
    abstract?: string;
    sourceNotes?: SourceNotes;
    revision?: number;
  },
) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { callId } = await lockWorkingCopy(tx, actor, input.setId);
    const { revision, ...before } = await tx.messageSet.findUniqueOrThrow({
      where: { id: input.setId },
      select: { title: true, introduction: true, abstract: true, sourceNotes: true, revision: true },
    });
    await checkRevision(tx, { type: "messageSet", id: input.setId, revision }, input.revision, () => before);
    const after = await tx.messageSet.update({
      where: { id: input.setId },
      data: {
        title: input.title,
        introduction: input.introduction,
        ...(input.abstract !== undefined && { abstract: input.abstract }),
        ...(input.sourceNotes && { sourceNotes: input.sourceNotes }),
        ...nextRevision,
      },
      select: { title: true, introduction: true, abstract: true, sourceNotes: true },
    });
    await audit(tx, actor, { action: "messageSet.update", itemType: "messageSet", itemId: input.setId, callId, before, after });
    return { id: input.setId, ...after, revision: revision + 1 };
  });
}

/** The working copy with each paragraph's citations and spread, and the saved versions; readable by observers. */
export async function getMessageSetForEditing(actor: SessionUser, setId: string) {
  requireRight(actor, "forum.read");
  await authorizeOn(db, actor, "forum.read", "messageSet", setId, "messageSetNotFound");
  const set = await db.messageSet.findUnique({
    where: { id: setId },
    select: {
      id: true,
      slug: true,
      title: true,
      introduction: true,
      abstract: true,
      sourceNotes: true,
      revision: true,
      status: true,
      callId: true,
      call: { select: { title: true, timeZone: true, forumId: true } },
      sections: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          heading: true,
          revision: true,
          paragraphs: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              position: true,
              body: true,
              revision: true,
              citations: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: citationSelect },
            },
          },
        },
      },
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          summary: true,
          createdAt: true,
          publishedAt: true,
          commentOpensAt: true,
          commentClosesAt: true,
          finalisedAt: true,
        },
      },
    },
  });
  if (!set) throw NotFound("messageSetNotFound");
  // The checklist before "Mark final", for each version that may still be marked final: the latest published
  // one and those saved after it (lib/messages/versions.ts, finaliseVersion).
  const latestPublished = set.versions.find((v) => v.publishedAt)?.number ?? 0;
  const finalisable = set.status === "FINAL" ? [] : set.versions.filter((v) => v.number >= latestPublished);
  const checklists = new Map(await Promise.all(finalisable.map(async (v) => [v.id, await readChecklist(db, v.id)] as const)));
  let number = 0;
  const sections = set.sections.map((section) => ({
    ...section,
    paragraphs: section.paragraphs.map((paragraph) => ({
      ...paragraph,
      number: ++number,
      spread: paragraphSpread(paragraph.citations),
    })),
  }));
  return { ...set, sections, paragraphCount: number, checklists };
}

export type EditableMessageSet = Awaited<ReturnType<typeof getMessageSetForEditing>>;
