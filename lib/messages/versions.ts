// Saving a version freezes the working copy (sections, paragraphs with their ids, bodies and citations)
// into MessageSetVersion.content, numbered 1, 2, …; later edits of the working copy never touch it.
// Publishing a version makes it the public text (the latest published version is the one shown).
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, NotFound } from "@/lib/errors";
import { audit, lockSet, requireModerator } from "./access";
import type { VersionContent } from "./content";

export async function saveVersion(actor: SessionUser, input: { setId: string; summary: string }) {
  requireModerator(actor);
  return db.$transaction(async (tx) => {
    const { callId } = await lockSet(tx, input.setId);
    const sections = await tx.messageSection.findMany({
      where: { setId: input.setId },
      orderBy: { position: "asc" },
      select: {
        id: true, heading: true,
        paragraphs: {
          orderBy: { position: "asc" },
          select: {
            id: true, body: true, origins: true,
            citations: {
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              select: { responseId: true, excerptId: true, reference: true, stakeholderGroup: true, region: true, quote: true },
            },
          },
        },
      },
    });
    const paragraphCount = sections.reduce((sum, section) => sum + section.paragraphs.length, 0);
    if (paragraphCount === 0) throw Conflict("nothingToSave");
    const content: VersionContent = sections.map((section) => ({
      sectionId: section.id,
      heading: section.heading,
      paragraphs: section.paragraphs.map((p) => ({ paragraphId: p.id, body: p.body, origins: p.origins, citations: p.citations })),
    }));
    const set = await tx.messageSet.findUniqueOrThrow({ where: { id: input.setId }, select: { title: true, introduction: true } });
    const last = await tx.messageSetVersion.aggregate({ where: { setId: input.setId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const version = await tx.messageSetVersion.create({
      data: {
        setId: input.setId, number, summary: input.summary, content, createdById: actor.id,
        title: set.title, introduction: set.introduction,
      },
      select: { id: true, number: true, summary: true },
    });
    await audit(tx, actor, {
      action: "messageSetVersion.create", itemType: "messageSetVersion", itemId: version.id, callId,
      after: { setId: input.setId, number, summary: input.summary, sections: sections.length, paragraphs: paragraphCount },
    });
    return version;
  });
}

export async function publishVersion(actor: SessionUser, input: { versionId: string }, now = new Date()) {
  requireModerator(actor);
  const found = await db.messageSetVersion.findUnique({ where: { id: input.versionId }, select: { setId: true } });
  if (!found) throw NotFound("versionNotFound");
  return db.$transaction(async (tx) => {
    const { callId } = await lockSet(tx, found.setId);
    const version = await tx.messageSetVersion.findUniqueOrThrow({
      where: { id: input.versionId }, select: { id: true, number: true, publishedAt: true },
    });
    if (version.publishedAt) throw Conflict("alreadyPublished");
    const set = await tx.messageSet.findUniqueOrThrow({ where: { id: found.setId }, select: { status: true } });
    await tx.messageSetVersion.update({ where: { id: version.id }, data: { publishedAt: now }, select: { id: true } });
    await tx.messageSet.update({ where: { id: found.setId }, data: { status: "PUBLISHED" }, select: { id: true } });
    await audit(tx, actor, {
      action: "messageSetVersion.publish", itemType: "messageSetVersion", itemId: version.id, callId,
      before: { publishedAt: null, setStatus: set.status }, after: { number: version.number, publishedAt: now.toISOString(), setStatus: "PUBLISHED" },
    });
    return { id: version.id, number: version.number, publishedAt: now };
  });
}
