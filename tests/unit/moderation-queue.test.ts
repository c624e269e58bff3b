// The moderation queue's tabs and counts, and the demo rows that fill it after `npm start`.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { markReviewed } from "@/lib/moderation/moderate";
import { listQueue } from "@/lib/moderation/queue";
import { createModeratedCall, createModeratedResponse, createReports } from "@/prisma/factories-moderation";
import { actor } from "./helpers";

afterAll(disconnectDb);

describe("the queue", () => {
  it("sorts responses into new, reported and hidden, with counts and report reasons", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createModeratedCall(db, { reportThreshold: 5 });
    const fresh = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId, text: "<b>not bold</b>" });
    const reported = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    await createReports(db, reported.id, 2, "OFF_TOPIC");
    await markReviewed(moderator, reported.id);
    const hidden = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId, moderationState: "HIDDEN" });
    const tab = (name: "new" | "reported" | "hidden") => listQueue(moderator, call.id, { tab: name, page: 1 });
    const fresh1 = await tab("new");
    expect(fresh1.counts).toEqual({ new: 2, reported: 1, hidden: 1 });
    expect(fresh1.items.map((i) => i.id).sort()).toEqual([fresh.id, hidden.id].sort());
    expect(fresh1.items.find((i) => i.id === fresh.id)!.answers[0]!.text).toBe("<b>not bold</b>");
    expect((await tab("reported")).items).toMatchObject([
      { id: reported.id, openReports: 2, reportReasons: [{ reason: "OFF_TOPIC", count: 2 }] },
    ]);
    expect((await tab("hidden")).items.map((i) => i.id)).toEqual([hidden.id]);
    await expect(listQueue(await actor(), call.id, { tab: "new", page: 1 })).rejects.toMatchObject({ kind: "forbidden" });
  });
});

describe("the demo", () => {
  it("has a reported and a hidden response in the open call's queue, and a second run changes nothing", async () => {
    const { seedDemo } = await import("@/prisma/seed");
    const { seedDemoModeration } = await import("@/prisma/demo-moderation");
    const { DEMO_CALLS } = await import("@/prisma/demo-content");
    await seedDemo(db, { quiet: true });
    const call = await db.call.findUniqueOrThrow({
      where: { slug: DEMO_CALLS.find((c) => c.key === "open")!.slug },
      select: { id: true },
    });
    const snapshot = async () => ({
      reports: await db.report.count({
        where: { response: { callId: call.id, author: { email: { endsWith: "@demo.example.org" } } } },
      }),
      hidden: await db.response.count({
        where: { callId: call.id, moderationState: "HIDDEN", hiddenReason: { contains: "mobile number" } },
      }),
      entries: await db.auditEntry.count({ where: { callId: call.id, action: "response.hide" } }),
    });
    const first = await snapshot();
    expect(first.reports).toBeGreaterThanOrEqual(2);
    expect(first.hidden).toBe(1);
    await seedDemoModeration(db);
    expect(await snapshot()).toEqual(first);
    const moderator = await actor("MODERATOR");
    const queue = await listQueue(moderator, call.id, { tab: "reported", page: 1 });
    expect(queue.items.some((i) => i.reportReasons.some((r) => r.reason === "SPAM"))).toBe(true);
  });
});

describe("lowering the report threshold", () => {
  it("hides published responses that already have that many open reports, by the system", async () => {
    const { getCallForEditing, updateCall } = await import("@/lib/calls/manage");
    const { callFormValues } = await import("@/lib/calls/form-values");
    const { callInputSchema } = await import("@/lib/calls/schemas");
    const moderator = await actor("MODERATOR");
    const call = await createModeratedCall(db, { reportThreshold: 5 });
    const two = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    const one = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    await createReports(db, two.id, 2);
    await createReports(db, one.id, 1);
    const values = callFormValues(await getCallForEditing(moderator, call.id));
    await updateCall(moderator, call.id, callInputSchema.parse({ ...values, reportThreshold: "2" }));
    const states = await db.response.findMany({
      where: { id: { in: [two.id, one.id] } },
      select: { id: true, moderationState: true },
    });
    expect(Object.fromEntries(states.map((s) => [s.id, s.moderationState]))).toEqual({
      [two.id]: "HIDDEN",
      [one.id]: "PUBLISHED",
    });
    expect(await db.auditEntry.findMany({ where: { itemId: two.id }, select: { action: true, actorId: true } })).toEqual([
      { action: "response.autoHide", actorId: null },
    ]);
  });
});
