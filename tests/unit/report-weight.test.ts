// Report brigading: accounts are free, so reports from new or inactive accounts are recorded and shown to
// moderators but do not count toward the automatic hide (the rule in lib/moderation/threshold.ts). The
// same rule holds for responses and comments, when reporting and when a call's threshold is lowered.
import { afterAll, describe, expect, it } from "vitest";
import { listCommentQueue } from "@/lib/comments/queue";
import { reportComment } from "@/lib/comments/report";
import { commentKind } from "@/lib/comments/kind";
import { db, disconnectDb } from "@/lib/db";
import { hideOverThreshold } from "@/lib/moderation/engine";
import { listQueue } from "@/lib/moderation/queue";
import { autoHideReason, reportResponse } from "@/lib/moderation/report";
import { reportInputSchema } from "@/lib/moderation/schemas";
import { REPORTER_MIN_ACCOUNT_AGE_MS, reportCountsTowardHide } from "@/lib/moderation/threshold";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import { createModeratedCall, createModeratedResponse, createReports } from "@/prisma/factories-moderation";
import { createCall, createResponse, createUser } from "@/prisma/factories";
import { actor, establishedActor } from "./helpers";

afterAll(disconnectDb);

const DAY = 24 * 3600 * 1000;
const stateOf = async (id: string) =>
  (await db.response.findUniqueOrThrow({ where: { id }, select: { moderationState: true } })).moderationState;
const report = (user: { id: string }, responseId: string, now?: Date) =>
  reportResponse(user, reportInputSchema.parse({ responseId, reason: "SPAM" }), now);

describe("reports on responses", () => {
  it("three fresh accounts do not hide; three established ones do, at N and not N−1", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createModeratedCall(db, { reportThreshold: 3 });
    const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    for (const fresh of [await actor(), await actor(), await actor()]) {
      expect(await report(fresh, response.id)).toMatchObject({ hidden: false });
    }
    expect(await stateOf(response.id)).toBe("PUBLISHED");
    expect(
      await db.report.findMany({ where: { responseId: response.id }, select: { countsTowardHide: true, status: true } }),
    ).toEqual(Array(3).fill({ countsTowardHide: false, status: "OPEN" }));
    // They still reach the moderators: the reported tab lists them, with who, why, when and their weight.
    const queue = await listQueue(moderator, call.id, { tab: "reported", page: 1 });
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ id: response.id, openReports: 3, countingReports: 0 });
    for (const shown of queue.items[0]!.reports) {
      expect(shown).toMatchObject({
        reason: "SPAM",
        counted: false,
        reporterName: expect.stringMatching(/^Amina Test /),
        reporterGroup: "CIVIL_SOCIETY",
        createdAt: expect.any(Date),
      });
    }

    const [a, b, c] = [await establishedActor(), await establishedActor(), await establishedActor()];
    expect(await report(a, response.id)).toMatchObject({ hidden: false });
    expect(await report(b, response.id)).toMatchObject({ hidden: false });
    expect(await stateOf(response.id)).toBe("PUBLISHED");
    expect(await report(c, response.id)).toMatchObject({ hidden: true });
    expect(
      await db.response.findUniqueOrThrow({ where: { id: response.id }, select: { moderationState: true, hiddenReason: true } }),
    ).toEqual({ moderationState: "HIDDEN", hiddenReason: autoHideReason(3) });
    const hidden = await listQueue(moderator, call.id, { tab: "hidden", page: 1 });
    expect(hidden.items[0]!.reports.map((r) => r.counted)).toEqual([false, false, false, true, true, true]);
  });

  it("lowering a call's threshold counts only the reports that weigh", async () => {
    const { getCallForEditing, updateCall } = await import("@/lib/calls/manage");
    const { callFormValues } = await import("@/lib/calls/form-values");
    const { callInputSchema } = await import("@/lib/calls/schemas");
    const moderator = await actor("MODERATOR");
    const call = await createModeratedCall(db, { reportThreshold: 5 });
    const brigaded = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    const reported = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    await createReports(db, brigaded.id, 4, "SPAM", { counted: false });
    await createReports(db, brigaded.id, 1);
    await createReports(db, reported.id, 2);
    const lower = async (threshold: number) => {
      const values = callFormValues(await getCallForEditing(moderator, call.id));
      await updateCall(moderator, call.id, callInputSchema.parse({ ...values, reportThreshold: String(threshold) }));
    };
    await lower(2);
    expect([await stateOf(brigaded.id), await stateOf(reported.id)]).toEqual(["PUBLISHED", "HIDDEN"]);
    await lower(1);
    expect(await stateOf(brigaded.id)).toBe("HIDDEN");
    expect(await db.response.findUniqueOrThrow({ where: { id: brigaded.id }, select: { hiddenReason: true } })).toEqual({
      hiddenReason: autoHideReason(1),
    });
  });
});

describe("who counts", () => {
  const now = new Date();
  const withPublishedResponse = async (createdAt: Date) => {
    const user = await createUser(db, { createdAt });
    const call = await createCall(db, { opensAt: new Date(now.getTime() - 40 * DAY) });
    await createResponse(db, {
      callId: call.id,
      authorId: user.id,
      status: "SUBMITTED",
      submittedAt: new Date(now.getTime() - 2 * DAY),
    });
    return user;
  };

  it("an account at least 24 hours old with a published response, not one second younger", async () => {
    const exactly = await withPublishedResponse(new Date(now.getTime() - REPORTER_MIN_ACCOUNT_AGE_MS));
    const younger = await withPublishedResponse(new Date(now.getTime() - REPORTER_MIN_ACCOUNT_AGE_MS + 1000));
    const fresh = await withPublishedResponse(now);
    expect(await reportCountsTowardHide(db, exactly.id, now)).toBe(true);
    expect(await reportCountsTowardHide(db, younger.id, now)).toBe(false);
    expect(await reportCountsTowardHide(db, fresh.id, now)).toBe(false);
  });

  it("an old account without activity, or whose only response is a draft, withdrawn, pending or hidden, does not", async () => {
    const old = new Date(now.getTime() - 90 * DAY);
    expect(await reportCountsTowardHide(db, (await createUser(db, { createdAt: old })).id, now)).toBe(false);
    const moderated = await createModeratedCall(db);
    for (const state of ["DRAFT", "WITHDRAWN", "PENDING", "HIDDEN"] as const) {
      const user = await createUser(db, { createdAt: old });
      const response = await createResponse(db, {
        callId: moderated.id,
        authorId: user.id,
        status: state === "DRAFT" ? "DRAFT" : "SUBMITTED",
        submittedAt: new Date(now.getTime() - 2 * DAY),
      });
      if (state === "WITHDRAWN")
        await db.response.update({ where: { id: response.id }, data: { status: "WITHDRAWN", withdrawnAt: now } });
      if (state === "PENDING" || state === "HIDDEN")
        await db.response.update({ where: { id: response.id }, data: { moderationState: state } });
      expect(await reportCountsTowardHide(db, user.id, now), state).toBe(false);
    }
  });

  it("activity after the report does not count; a published comment does", async () => {
    const user = await createUser(db, { createdAt: new Date(now.getTime() - 90 * DAY) });
    const { set, version } = await createCommentableSet(db);
    await createComment(db, {
      setId: set.id,
      versionId: version.id,
      authorId: user.id,
      createdAt: new Date(now.getTime() + 1000),
    });
    expect(await reportCountsTowardHide(db, user.id, now)).toBe(false);
    await createComment(db, {
      setId: set.id,
      versionId: version.id,
      authorId: user.id,
      createdAt: new Date(now.getTime() - DAY),
    });
    expect(await reportCountsTowardHide(db, user.id, now)).toBe(true);
  });
});

describe("reports on comments", () => {
  it("the same rule: fresh accounts do not hide, established ones do at N; moderators see every report", async () => {
    const moderator = await actor("MODERATOR");
    const { call, set, version } = await createCommentableSet(db, { reportThreshold: 3 });
    const comment = await createComment(db, { setId: set.id, versionId: version.id });
    const stateOfComment = async () =>
      (await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { moderationState: true } })).moderationState;
    for (const fresh of [await actor(), await actor(), await actor()]) {
      expect((await reportComment(fresh, { commentId: comment.id, reason: "OFF_TOPIC" })).hidden).toBe(false);
    }
    expect(await stateOfComment()).toBe("PUBLISHED");
    expect(await db.$transaction((tx) => hideOverThreshold(tx, commentKind, call.id, 1))).toBe(0);
    const queue = await listCommentQueue(moderator, set.id, "reported");
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ openReports: 3, countingReports: 0 });
    expect(queue.items[0]!.reports[0]).toMatchObject({
      reason: "OFF_TOPIC",
      counted: false,
      reporterName: expect.stringMatching(/^Amina Test /),
      reporterGroup: "CIVIL_SOCIETY",
    });

    const [a, b, c] = [await establishedActor(), await establishedActor(), await establishedActor()];
    expect((await reportComment(a, { commentId: comment.id, reason: "SPAM" })).hidden).toBe(false);
    expect((await reportComment(b, { commentId: comment.id, reason: "SPAM" })).hidden).toBe(false);
    expect(await stateOfComment()).toBe("PUBLISHED");
    expect((await reportComment(c, { commentId: comment.id, reason: "SPAM" })).hidden).toBe(true);
    expect(await stateOfComment()).toBe("HIDDEN");
  });
});
