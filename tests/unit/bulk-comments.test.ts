// Several comments at once (lib/comments/moderate.ts, moderateComments): the comments page's bulk form
// approves, hides with one reason or restores the ticked comments of one set in one transaction, each
// audited; a comment of another set refuses the whole action as unknown; one already moved is skipped; only
// the forum's moderators may.
import { afterAll, describe, expect, it } from "vitest";
import { moderateComments } from "@/lib/comments/moderate";
import { db, disconnectDb } from "@/lib/db";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

describe("moderating several comments at once", () => {
  it("approves the ticked comments, skips one already moved, hides with one reason, and refuses others", async () => {
    const { call, set, version, paragraphIds } = await createCommentableSet(db, { moderationMode: "PRE" });
    const comments = [];
    for (let i = 0; i < 4; i++)
      comments.push(
        await createComment(db, {
          setId: set.id,
          versionId: version.id,
          paragraphId: paragraphIds[0],
          moderationState: "PENDING",
        }),
      );
    await db.comment.update({ where: { id: comments[3]!.id }, data: { moderationState: "PUBLISHED" } });
    const ids = comments.map((c) => c.id);
    const facilitator = await appointee(call.forumId, "FACILITATOR");

    const other = await createCommentableSet(db);
    for (const who of [
      await actor(),
      await appointee(call.forumId, "OBSERVER"),
      await appointee(other.call.forumId, "FACILITATOR"),
    ])
      await expect(moderateComments(who, { op: "approve", setId: set.id, commentIds: ids })).rejects.toBeDefined();
    const foreign = await createComment(db, { setId: other.set.id, versionId: other.version.id, moderationState: "PENDING" });
    await expect(
      moderateComments(facilitator, { op: "approve", setId: set.id, commentIds: [ids[0]!, foreign.id] }),
    ).rejects.toMatchObject({ kind: "not_found" });
    expect(await db.comment.count({ where: { id: { in: ids }, moderationState: "PENDING" } })).toBe(3);

    expect(await moderateComments(facilitator, { op: "approve", setId: set.id, commentIds: ids })).toEqual({
      done: 3,
      skipped: 1,
    });
    expect(await db.comment.count({ where: { id: { in: ids }, moderationState: "PUBLISHED" } })).toBe(4);
    expect(await db.auditEntry.count({ where: { action: "comment.approve", itemId: { in: ids } } })).toBe(3);

    await moderateComments(facilitator, {
      op: "hide",
      setId: set.id,
      commentIds: ids.slice(0, 2),
      reason: "Advertising, not a comment.",
    });
    const hidden = await db.comment.findMany({
      where: { id: { in: ids }, moderationState: "HIDDEN" },
      select: { hiddenReason: true },
    });
    expect(hidden).toEqual([{ hiddenReason: "Advertising, not a comment." }, { hiddenReason: "Advertising, not a comment." }]);
  });
});
