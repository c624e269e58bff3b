// Tagging several responses at once from the queue (lib/curation/tags.ts, tagResponses): one tag of the call
// on every ticked submitted response in one transaction, each newly tagged one audited, those already tagged
// named; a response of another call refuses the whole action as unknown; only the forum's curators may.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { tagResponses } from "@/lib/curation/tags";
import { createCall, createQuestion, createResponse, createUser } from "@/prisma/factories";
import { createTag } from "@/prisma/factories-coding";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

async function submitted(callId: string, questionId: string) {
  const author = await createUser(db);
  return createResponse(db, { callId, authorId: author.id, status: "SUBMITTED", answers: [{ questionId, text: "Answer." }] });
}

describe("tagging several responses at once", () => {
  it("tags the ticked responses, names those already tagged, and refuses what the actor may not touch", async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const responses = [];
    for (let i = 0; i < 4; i++) responses.push(await submitted(call.id, question.id));
    const tag = await createTag(db, { callId: call.id, name: "Human rights" });
    await db.responseTag.create({ data: { responseId: responses[0]!.id, tagId: tag.id } });
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const ids = responses.slice(0, 3).map((r) => r.id);

    const elsewhere = await createCall(db);
    for (const who of [
      await actor("STAKEHOLDER"),
      await appointee(call.forumId, "OBSERVER"),
      await appointee(elsewhere.forumId, "FACILITATOR"),
    ])
      await expect(tagResponses(who, { callId: call.id, responseIds: ids, tagId: tag.id })).rejects.toBeDefined();
    const foreign = await submitted(elsewhere.id, (await createQuestion(db, { callId: elsewhere.id })).id);
    await expect(
      tagResponses(facilitator, { callId: call.id, responseIds: [...ids, foreign.id], tagId: tag.id }),
    ).rejects.toMatchObject({
      kind: "not_found",
    });
    const foreignTag = await createTag(db, { callId: elsewhere.id, name: "Elsewhere" });
    await expect(tagResponses(facilitator, { callId: call.id, responseIds: ids, tagId: foreignTag.id })).rejects.toMatchObject({
      code: "tagOtherCall",
    });
    expect(await db.responseTag.count({ where: { tagId: tag.id } })).toBe(1);

    const outcome = await tagResponses(facilitator, { callId: call.id, responseIds: ids, tagId: tag.id });
    expect(outcome.tagged.sort()).toEqual(ids.slice(1).sort());
    expect(outcome.already).toEqual([ids[0]]);
    const tagged = await db.responseTag.findMany({ where: { tagId: tag.id }, select: { responseId: true, taggedById: true } });
    expect(tagged.map((t) => t.responseId).sort()).toEqual([...ids].sort());
    expect(tagged.filter((t) => t.taggedById === facilitator.id)).toHaveLength(2);
    expect(await db.auditEntry.count({ where: { action: "response.tag", actorId: facilitator.id } })).toBe(2);
  });
});
