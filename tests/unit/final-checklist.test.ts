// The checklist before "Mark final" (lib/messages/final-checklist.ts): paragraphs without a source (numbered as
// published), comments without an answer (top-level, not hidden; replies and hidden ones do not count), and
// whether there is an introduction to read again; finaliseVersion refuses with the gaps named until they are
// accepted, and goes through without a second tick once there are none.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { readChecklist } from "@/lib/messages/final-checklist";
import { finaliseVersion } from "@/lib/messages/versions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import { actor } from "./helpers";

afterAll(disconnectDb);

/** A published set of three paragraphs, comments closed, paragraph 2 citing one source. */
async function closedSet() {
  const scenario = await createCommentableSet(db, { period: "closed", paragraphs: 3 });
  const version = await db.messageSetVersion.findUniqueOrThrow({ where: { id: scenario.version.id }, select: { content: true } });
  const content = version.content as { paragraphs: { citations: unknown[] }[] }[];
  content[0]!.paragraphs[1]!.citations.push({
    responseId: null,
    excerptId: null,
    reference: "TEST-0001",
    stakeholderGroup: "ACADEMIA",
    region: "AFRICA",
    quote: null,
  });
  await db.messageSetVersion.update({
    where: { id: scenario.version.id },
    data: { content: content as Prisma.InputJsonValue },
    select: { id: true },
  });
  return scenario;
}

describe("the checklist before marking final", () => {
  it("names the unsourced paragraphs and counts the comments still to answer", async () => {
    const { set, version, paragraphIds } = await closedSet();
    const base = { setId: set.id, versionId: version.id };
    const open = await createComment(db, { ...base, paragraphId: paragraphIds[0] });
    await createComment(db, { ...base, paragraphId: paragraphIds[0], parentId: open.id }); // a reply: not answered by moderators
    await createComment(db, { ...base, moderationState: "HIDDEN" }); // hidden: nothing to answer
    const answered = await createComment(db, { ...base });
    await db.comment.update({
      where: { id: answered.id },
      data: { disposition: "NOTED", answer: "Thank you.", answeredAt: new Date() },
      select: { id: true },
    });

    expect(await readChecklist(db, version.id)).toEqual({ unsourced: [1, 3], unanswered: 1, introduction: true });

    const moderator = await actor("MODERATOR");
    await expect(finaliseVersion(moderator, { versionId: version.id })).rejects.toMatchObject({
      kind: "conflict",
      code: "finalGaps",
      params: { paragraphs: 2, comments: 1 },
    });
    expect((await db.messageSet.findUniqueOrThrow({ where: { id: set.id }, select: { status: true } })).status).toBe("PUBLISHED");

    // Answered, and the two paragraphs given sources: nothing left, no second tick needed.
    await db.comment.update({
      where: { id: open.id },
      data: { disposition: "INCORPORATED", answeredAt: new Date() },
      select: { id: true },
    });
    const row = await db.messageSetVersion.findUniqueOrThrow({ where: { id: version.id }, select: { content: true } });
    const content = row.content as { paragraphs: { citations: unknown[] }[] }[];
    for (const index of [0, 2]) content[0]!.paragraphs[index]!.citations.push(content[0]!.paragraphs[1]!.citations[0]);
    await db.messageSetVersion.update({
      where: { id: version.id },
      data: { content: content as Prisma.InputJsonValue },
      select: { id: true },
    });
    expect(await readChecklist(db, version.id)).toEqual({ unsourced: [], unanswered: 0, introduction: true });
    await finaliseVersion(moderator, { versionId: version.id });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { itemId: version.id, action: "messageSetVersion.finalise" } });
    expect(entry.after).toMatchObject({ unsourcedParagraphs: [], unansweredComments: 0 });
  });

  it("says when a version has no introduction to read again", async () => {
    const { version } = await closedSet();
    await db.messageSetVersion.update({ where: { id: version.id }, data: { introduction: "  " }, select: { id: true } });
    expect((await readChecklist(db, version.id)).introduction).toBe(false);
  });
});
