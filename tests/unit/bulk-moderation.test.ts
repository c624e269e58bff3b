// Bulk moderation (lib/moderation/moderate.ts, moderateResponses; engine.ts, transitionMany): the ticked
// responses of one call approved, hidden with one reason or restored in one action, audited per response;
// ones another moderator moved first are skipped and named; nothing changes for anyone without the right, or
// for a response of another call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { moderateResponses } from "@/lib/moderation/moderate";
import { approveResponse } from "@/lib/moderation/moderate";
import { bulkModerationSchema } from "@/lib/moderation/schemas";
import { createCall, createForum } from "@/prisma/factories";
import { createModeratedCall, createModeratedResponse } from "@/prisma/factories-moderation";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

let call: Awaited<ReturnType<typeof createModeratedCall>>;
let ids: string[];

beforeAll(async () => {
  call = await createModeratedCall(db, { moderationMode: "PRE" });
  ids = [];
  for (let i = 0; i < 12; i++)
    ids.push(
      (await createModeratedResponse(db, { callId: call.id, questionId: call.questionId, moderationState: "PENDING" })).id,
    );
});

const statesOf = async (which: string[]) =>
  (await db.response.findMany({ where: { id: { in: which } }, select: { moderationState: true } })).map((r) => r.moderationState);

describe("bulk moderation of responses", () => {
  it("refuses anyone without the right in the call's forum, and a response of another call, changing nothing", async () => {
    const ten = ids.slice(0, 10);
    const other = await appointee((await createForum(db)).id, "FACILITATOR");
    await expect(moderateResponses(other, { op: "approve", callId: call.id, responseIds: ten })).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(
      moderateResponses(await appointee(call.forumId, "OBSERVER"), { op: "approve", callId: call.id, responseIds: ten }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    await expect(
      moderateResponses(await actor("STAKEHOLDER"), { op: "approve", callId: call.id, responseIds: ten }),
    ).rejects.toMatchObject({ kind: "forbidden" });
    const elsewhere = await createCall(db, { forumId: call.forumId });
    await expect(
      moderateResponses(await appointee(call.forumId, "FACILITATOR"), { op: "approve", callId: elsewhere.id, responseIds: ten }),
    ).rejects.toMatchObject({ kind: "not_found" });
    expect(new Set(await statesOf(ids))).toEqual(new Set(["PENDING"]));
  });

  it("approves ten responses in one action, audited one by one; one approved meanwhile is skipped and named", async () => {
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const ten = ids.slice(0, 10);
    // A colleague approved one of them a moment before.
    const first = await approveResponse(await appointee(call.forumId, "FACILITATOR"), ten[0]!);
    const outcome = await moderateResponses(facilitator, { op: "approve", callId: call.id, responseIds: ten });
    expect(outcome.done).toHaveLength(9);
    expect(outcome.skipped).toEqual([{ reference: first.reference, code: "notPending" }]);
    expect(await statesOf(ten)).toEqual(Array(10).fill("PUBLISHED"));
    expect(await statesOf(ids.slice(10))).toEqual(["PENDING", "PENDING"]);
    expect(
      await db.auditEntry.count({ where: { action: "response.approve", itemId: { in: ten }, actorId: facilitator.id } }),
    ).toBe(9);
    // The same form sent again changes nothing: all ten are skipped.
    const again = await moderateResponses(facilitator, { op: "approve", callId: call.id, responseIds: ten });
    expect(again).toMatchObject({ done: [] });
    expect(again.skipped).toHaveLength(10);
  });

  it("hides several with one reason each author sees, then restores them", async () => {
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const two = ids.slice(10);
    const reason = "An advertisement for a security product, not a contribution.";
    const hidden = await moderateResponses(facilitator, { op: "hide", callId: call.id, responseIds: two, reason });
    expect(hidden.done).toHaveLength(2);
    expect(
      await db.response.findMany({ where: { id: { in: two } }, select: { moderationState: true, hiddenReason: true } }),
    ).toEqual([
      { moderationState: "HIDDEN", hiddenReason: reason },
      { moderationState: "HIDDEN", hiddenReason: reason },
    ]);
    const restored = await moderateResponses(facilitator, { op: "restore", callId: call.id, responseIds: two });
    expect(restored.done).toHaveLength(2);
    expect(await statesOf(two)).toEqual(["PUBLISHED", "PUBLISHED"]);
  });

  it("says what is wrong with the form: nothing ticked, too many, a hide without its reason", () => {
    const issues = (value: unknown) => bulkModerationSchema.safeParse(value).error?.issues.map((issue) => issue.message);
    expect(issues({ op: "approve", callId: "c", responseIds: [] })).toEqual(["bulkNothingChosen"]);
    expect(issues({ op: "approve", callId: "c", responseIds: Array.from({ length: 101 }, (_, i) => `r${i}`) })).toEqual([
      "bulkTooMany",
    ]);
    expect(issues({ op: "hide", callId: "c", responseIds: ["r1"], reason: "ad" })).toEqual(["reasonTooShort"]);
  });
});
