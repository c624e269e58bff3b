// The moderation home (lib/calls/moderation-home.ts): each person sees the forums they take part in, with
// their calls and what awaits an answer; an administrator sees every forum.
import { afterAll, describe, expect, it } from "vitest";
import { moderationHome } from "@/lib/calls/moderation-home";
import { db, disconnectDb } from "@/lib/db";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import { createForum, createResponse, createUser } from "@/prisma/factories";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

describe("the moderation home", () => {
  it("lists only the actor's forums, with their calls, responses and unanswered comments", async () => {
    const { call, set, version } = await createCommentableSet(db);
    const { forum: forumA } = await db.call.findUniqueOrThrow({
      where: { id: call.id },
      select: { forum: { select: { id: true, name: true } } },
    });
    const forumB = await createForum(db);
    const [author1, author2] = await Promise.all([createUser(db), createUser(db)]);
    await createResponse(db, { callId: call.id, authorId: author1.id, status: "SUBMITTED" });
    await createResponse(db, { callId: call.id, authorId: author2.id, status: "DRAFT" });
    const waiting = await createComment(db, { setId: set.id, versionId: version.id });
    await createComment(db, { setId: set.id, versionId: version.id, parentId: waiting.id }); // a reply: not counted
    const answered = await createComment(db, { setId: set.id, versionId: version.id });
    await db.comment.update({ where: { id: answered.id }, data: { answer: "Taken into account.", answeredAt: new Date() } });
    await createComment(db, { setId: set.id, versionId: version.id, moderationState: "HIDDEN" }); // hidden: not counted

    const facilitator = await appointee(forumA.id, "FACILITATOR");
    const home = await moderationHome(facilitator);
    expect(home.map((forum) => forum.id)).toEqual([forumA.id]);
    expect(home[0]).toMatchObject({ name: forumA.name, part: "FACILITATOR" });
    expect(home[0]!.calls).toEqual([
      expect.objectContaining({ id: call.id, status: "OPEN", submitted: 1, drafts: 1, commentsAwaiting: 1 }),
    ]);

    const observer = await appointee(forumB.id, "OBSERVER");
    expect(await moderationHome(observer)).toEqual([expect.objectContaining({ id: forumB.id, part: "OBSERVER", calls: [] })]);

    const everything = (await moderationHome(await actor("ADMIN"))).map((forum) => forum.id);
    expect(everything).toEqual(expect.arrayContaining([forumA.id, forumB.id]));
    await expect(moderationHome(await actor("STAKEHOLDER"))).rejects.toMatchObject({ kind: "forbidden" });
  });
});
