import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import {
  approveResponse,
  dismissReports,
  hideResponse,
  markReviewed,
  restoreResponse,
  upholdReports,
} from "@/lib/moderation/moderate";
import { listQueue } from "@/lib/moderation/queue";
import { autoHideReason, reportResponse } from "@/lib/moderation/report";
import { hideInputSchema, reportInputSchema } from "@/lib/moderation/schemas";
import { moderationOnSubmit } from "@/lib/moderation/submission";
import { getPublishedResponse } from "@/lib/responses/public";
import { getOrCreateDraft, getOwnResponse, submitResponse } from "@/lib/responses/responses";
import { createModeratedCall, createModeratedResponse, createReports } from "@/prisma/factories-moderation";
import { createUser } from "@/prisma/factories";
import { actor, establishedActor } from "./helpers";
import { withTemporaryOutbox } from "./outbox";

withTemporaryOutbox("moderation");
afterAll(disconnectDb);

const stateOf = (id: string) =>
  db.response.findUniqueOrThrow({ where: { id }, select: { moderationState: true, hiddenReason: true, reviewedAt: true } });
const entriesOf = (id: string) =>
  db.auditEntry.findMany({
    where: { itemId: id },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, before: true, after: true },
  });
const report = (user: { id: string }, responseId: string, reason = "SPAM" as const) =>
  reportResponse(user, reportInputSchema.parse({ responseId, reason }));

describe("reports", () => {
  it("hide a response automatically at the threshold exactly, not one report before, with a system audit entry", async () => {
    const call = await createModeratedCall(db, { reportThreshold: 3 });
    const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    const [a, b, c] = await Promise.all([establishedActor(), establishedActor(), establishedActor()]);
    expect(await report(a, response.id)).toMatchObject({ hidden: false });
    expect(await report(b, response.id)).toMatchObject({ hidden: false });
    expect((await stateOf(response.id)).moderationState).toBe("PUBLISHED");
    expect(await entriesOf(response.id)).toEqual([]);
    expect(await report(c, response.id)).toMatchObject({ hidden: true });
    expect(await stateOf(response.id)).toMatchObject({
      moderationState: "HIDDEN",
      hiddenReason: autoHideReason(3),
      reviewedAt: null,
    });
    expect(await getPublishedResponse(response.reference!)).toBeNull();
    expect(await entriesOf(response.id)).toEqual([
      {
        action: "response.autoHide",
        actorId: null,
        before: { moderationState: "PUBLISHED", hiddenReason: null, openReports: 2, countingReports: 2 },
        after: { moderationState: "HIDDEN", hiddenReason: autoHideReason(3), openReports: 3, countingReports: 3 },
      },
    ]);
  });

  it("counts concurrent reports once each and hides exactly once", async () => {
    const call = await createModeratedCall(db, { reportThreshold: 2 });
    const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    const reporters = await Promise.all([establishedActor(), establishedActor(), establishedActor()]);
    const results = await Promise.allSettled(reporters.map((r) => report(r, response.id)));
    // The third finds the response hidden already: it is no longer public, so it cannot be reported.
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect((await entriesOf(response.id)).map((e) => e.action)).toEqual(["response.autoHide"]);
  });

  it("refuses a second report by the same user, the author's own report, and unpublished responses", async () => {
    const call = await createModeratedCall(db);
    const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    const reporter = await actor();
    await report(reporter, response.id);
    await expect(report(reporter, response.id)).rejects.toMatchObject({ kind: "conflict", message: "alreadyReported" });
    expect(await db.report.count({ where: { responseId: response.id } })).toBe(1);
    await expect(report({ id: response.authorId }, response.id)).rejects.toMatchObject({
      kind: "conflict",
      message: "ownResponse",
    });
    const pending = await createModeratedResponse(db, {
      callId: call.id,
      questionId: call.questionId,
      moderationState: "PENDING",
    });
    await expect(report(reporter, pending.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(report(reporter, "no-such-response")).rejects.toMatchObject({ kind: "not_found" });
    const noProfile = await createUser(db, { profile: null });
    await expect(report(noProfile, response.id)).rejects.toMatchObject({ kind: "forbidden" });
    expect(await db.report.count({ where: { responseId: { in: [response.id, pending.id] } } })).toBe(1);
  });

  it("needs details for OTHER and caps them", () => {
    expect(reportInputSchema.safeParse({ responseId: "r", reason: "OTHER", details: " " }).success).toBe(false);
    expect(reportInputSchema.safeParse({ responseId: "r", reason: "OTHER", details: "Names a child." }).success).toBe(true);
    expect(reportInputSchema.safeParse({ responseId: "r", reason: "SPAM", details: "x".repeat(1001) }).success).toBe(false);
    expect(reportInputSchema.safeParse({ responseId: "r", reason: "RUDE" }).success).toBe(false);
  });
});

describe("moderator actions", () => {
  it("hide with a reason the author sees, then restore; each writes an audit entry with before and after", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createModeratedCall(db);
    const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    const reason = "Contains a personal phone number.";
    await hideResponse(moderator, hideInputSchema.parse({ responseId: response.id, reason }));
    expect(await stateOf(response.id)).toMatchObject({ moderationState: "HIDDEN", hiddenReason: reason });
    const own = await getOwnResponse({ id: response.authorId, email: response.authorEmail }, response.id);
    expect(own).toMatchObject({ moderationState: "HIDDEN", hiddenReason: reason });
    await expect(hideResponse(moderator, { responseId: response.id, reason })).rejects.toMatchObject({
      message: "alreadyHidden",
    });
    await restoreResponse(moderator, response.id);
    expect(await stateOf(response.id)).toMatchObject({ moderationState: "PUBLISHED", hiddenReason: null });
    await expect(restoreResponse(moderator, response.id)).rejects.toMatchObject({ kind: "conflict", message: "notHidden" });
    expect(await entriesOf(response.id)).toEqual([
      {
        action: "response.hide",
        actorId: moderator.id,
        before: { moderationState: "PUBLISHED", hiddenReason: null, reviewed: false, openReports: 0 },
        after: { moderationState: "HIDDEN", hiddenReason: reason, reviewed: true, openReports: 0 },
      },
      {
        action: "response.restore",
        actorId: moderator.id,
        before: { moderationState: "HIDDEN", hiddenReason: reason, reviewed: true, openReports: 0 },
        after: { moderationState: "PUBLISHED", hiddenReason: null, reviewed: true, openReports: 0 },
      },
    ]);
  });

  it("approve only a pending response; mark reviewed only once", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createModeratedCall(db, { moderationMode: "PRE" });
    const pending = await createModeratedResponse(db, {
      callId: call.id,
      questionId: call.questionId,
      moderationState: "PENDING",
    });
    await expect(markReviewed(moderator, pending.id)).rejects.toMatchObject({ message: "approveFirst" });
    await approveResponse(moderator, pending.id);
    expect((await stateOf(pending.id)).moderationState).toBe("PUBLISHED");
    await expect(approveResponse(moderator, pending.id)).rejects.toMatchObject({ kind: "conflict", message: "notPending" });
    await expect(markReviewed(moderator, pending.id)).rejects.toMatchObject({ message: "alreadyReviewed" });
    const other = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    await markReviewed(moderator, other.id);
    expect((await stateOf(other.id)).reviewedAt).not.toBeNull();
    expect((await entriesOf(pending.id)).map((e) => e.action)).toEqual(["response.approve"]);
    expect(await entriesOf(other.id)).toMatchObject([
      { action: "response.review", before: { moderationState: "PUBLISHED", reviewed: false }, after: { reviewed: true } },
    ]);
  });

  it("two moderators approving at once: one succeeds, the other is told, one entry", async () => {
    const [m1, m2] = await Promise.all([actor("MODERATOR"), actor("ADMIN")]);
    const call = await createModeratedCall(db, { moderationMode: "PRE" });
    const pending = await createModeratedResponse(db, {
      callId: call.id,
      questionId: call.questionId,
      moderationState: "PENDING",
    });
    const results = await Promise.allSettled([approveResponse(m1, pending.id), approveResponse(m2, pending.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await entriesOf(pending.id)).toHaveLength(1);
  });

  it("dismissing reports restores an automatically hidden response; upholding keeps it hidden with a reason", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createModeratedCall(db, { reportThreshold: 2 });
    const first = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    const second = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    for (const id of [first.id, second.id]) {
      await report(await establishedActor(), id);
      await report(await establishedActor(), id);
      expect((await stateOf(id)).moderationState).toBe("HIDDEN");
    }
    await dismissReports(moderator, first.id);
    expect(await stateOf(first.id)).toMatchObject({ moderationState: "PUBLISHED", hiddenReason: null });
    expect(await db.report.count({ where: { responseId: first.id, status: "DISMISSED", resolvedById: moderator.id } })).toBe(2);
    await expect(dismissReports(moderator, first.id)).rejects.toMatchObject({ message: "noOpenReports" });

    const reason = "Advertises a commercial product.";
    await upholdReports(moderator, { responseId: second.id, reason });
    expect(await stateOf(second.id)).toMatchObject({ moderationState: "HIDDEN", hiddenReason: reason });
    expect(await db.report.count({ where: { responseId: second.id, status: "UPHELD" } })).toBe(2);
    expect((await entriesOf(second.id)).map((e) => [e.action, e.actorId])).toEqual([
      ["response.autoHide", null],
      ["response.uphold", moderator.id],
    ]);
    const dismissed = (await entriesOf(first.id)).at(-1)!;
    expect(dismissed).toMatchObject({ action: "reports.dismiss", after: { moderationState: "PUBLISHED", openReports: 0 } });
  });

  it("a moderator-hidden response stays hidden when its reports are dismissed", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createModeratedCall(db);
    const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    await report(await actor(), response.id);
    await hideResponse(moderator, { responseId: response.id, reason: "Repeats a campaign text word for word." });
    await createReports(db, response.id, 1);
    await dismissReports(moderator, response.id);
    expect((await stateOf(response.id)).moderationState).toBe("HIDDEN");
  });

  it("refuses stakeholders, drafts, unknown ids and a reason outside 5..500", async () => {
    const stakeholder = await actor("STAKEHOLDER");
    const call = await createModeratedCall(db);
    const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    for (const run of [
      () => approveResponse(stakeholder, response.id),
      () => hideResponse(stakeholder, { responseId: response.id, reason: "Because I can." }),
      () => restoreResponse(stakeholder, response.id),
      () => markReviewed(stakeholder, response.id),
      () => dismissReports(stakeholder, response.id),
      () => upholdReports(stakeholder, { responseId: response.id, reason: "Because I can." }),
    ])
      await expect(run()).rejects.toMatchObject({ kind: "forbidden" });
    expect(await stateOf(response.id)).toMatchObject({ moderationState: "PUBLISHED", reviewedAt: null });
    expect(await entriesOf(response.id)).toEqual([]);
    const moderator = await actor("MODERATOR");
    await expect(approveResponse(moderator, "nope")).rejects.toMatchObject({ kind: "not_found" });
    const draft = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    await db.response.update({ where: { id: draft.id }, data: { status: "WITHDRAWN" } });
    await expect(markReviewed(moderator, draft.id)).rejects.toMatchObject({ message: "notModeratable" });
    expect(hideInputSchema.safeParse({ responseId: "r", reason: " abc " }).success).toBe(false);
    expect(hideInputSchema.safeParse({ responseId: "r", reason: "x".repeat(501) }).success).toBe(false);
    expect(hideInputSchema.safeParse({ responseId: "r", reason: "Spam." }).success).toBe(true);
  });
});

describe("submission and moderation", () => {
  it("the rule: pre-moderation waits, post publishes, hidden stays hidden; all back in the queue", () => {
    expect(moderationOnSubmit("PRE", "PUBLISHED")).toEqual({ moderationState: "PENDING", reviewedAt: null });
    expect(moderationOnSubmit("POST", "PENDING")).toEqual({ moderationState: "PUBLISHED", reviewedAt: null });
    expect(moderationOnSubmit("PRE", "HIDDEN")).toEqual({ moderationState: "HIDDEN", reviewedAt: null });
    expect(moderationOnSubmit("POST", "HIDDEN")).toEqual({ moderationState: "HIDDEN", reviewedAt: null });
  });

  async function submit(author: { id: string; email: string }, slug: string, questionId: string, text: string) {
    const { response } = await getOrCreateDraft(author, slug);
    return submitResponse(author, {
      responseId: response!.id,
      answers: { [`q_${questionId}`]: text },
      consent: "PUBLISH_NAMED",
      submitKey: randomUUID(),
    });
  }

  it("pre-moderated: pending is not public until approved, and an edit needs approval again", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createModeratedCall(db, { moderationMode: "PRE" });
    const author = await actor();
    const receipt = await submit(author, call.slug, call.questionId, "Our first answer about incident response.");
    expect((await stateOf(receipt.id)).moderationState).toBe("PENDING");
    expect(await getPublishedResponse(receipt.reference)).toBeNull();
    const queue = await listQueue(moderator, call.id, { tab: "new", page: 1 });
    expect(queue.items.map((i) => i.id)).toContain(receipt.id);
    await approveResponse(moderator, receipt.id);
    expect(await getPublishedResponse(receipt.reference)).not.toBeNull();
    await submit(author, call.slug, call.questionId, "Our edited answer about incident response.");
    expect(await stateOf(receipt.id)).toMatchObject({ moderationState: "PENDING", reviewedAt: null });
    expect(await getPublishedResponse(receipt.reference)).toBeNull();
  });

  it("post-moderated: public at once; an edit returns it to the queue; a hidden one stays hidden", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createModeratedCall(db, { moderationMode: "POST" });
    const author = await actor();
    const receipt = await submit(author, call.slug, call.questionId, "Published at once, reviewed later.");
    expect(await getPublishedResponse(receipt.reference)).not.toBeNull();
    await markReviewed(moderator, receipt.id);
    await submit(author, call.slug, call.questionId, "Edited after review.");
    expect(await stateOf(receipt.id)).toMatchObject({ moderationState: "PUBLISHED", reviewedAt: null });
    await hideResponse(moderator, { responseId: receipt.id, reason: "Names a private person." });
    await submit(author, call.slug, call.questionId, "Edited while hidden.");
    expect(await stateOf(receipt.id)).toMatchObject({
      moderationState: "HIDDEN",
      hiddenReason: "Names a private person.",
      reviewedAt: null,
    });
  });
});
