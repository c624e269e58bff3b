import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { answerComment } from "@/lib/comments/answer";
import {
  approveComment,
  dismissCommentReports,
  hideComment,
  markCommentReviewed,
  restoreComment,
  upholdCommentReports,
} from "@/lib/comments/moderate";
import { postComment } from "@/lib/comments/post";
import { listCommentQueue } from "@/lib/comments/queue";
import { setComments } from "@/lib/comments/read";
import { reportComment } from "@/lib/comments/report";
import { exportPersonalData, deleteAccount } from "@/lib/accounts/personal-data";
import { db, disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { deleteParagraph, editParagraph, moveParagraph, splitParagraph } from "@/lib/messages/paragraphs";
import { getPublishedMessageSet } from "@/lib/messages/public";
import { closeCommentPeriod, publishVersion, saveVersion } from "@/lib/messages/versions";
import { createComment, createCommentableSet, periodOf } from "@/prisma/factories-comments";
import { createUser, uniqueSuffix } from "@/prisma/factories";
import { actor, establishedActor } from "./helpers";

afterAll(disconnectDb);

let moderator: SessionUser;
beforeAll(async () => {
  moderator = await actor("MODERATOR");
});

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return `${error.kind}:${error.code}`;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** The refusal as data: its kind, code, parameters and per-field codes. */
async function refused(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { kind: error.kind, code: error.code, params: error.params, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

const key = () => `key-${uniqueSuffix()}-${uniqueSuffix()}`;
const input = (versionId: string, paragraphId: string | null, extra: Record<string, unknown> = {}) => ({
  versionId,
  paragraphId,
  body: "Please name the stakeholder groups explicitly.",
  anonymous: false,
  submitKey: key(),
  ...extra,
});

describe("posting a comment", () => {
  it("copies group and region from the profile and publishes at once under post-moderation", async () => {
    const { version, paragraphIds } = await createCommentableSet(db);
    const user = await createUser(db, { profile: { stakeholderGroup: "GOVERNMENT", region: "LATIN_AMERICA_CARIBBEAN" } });
    const posted = await postComment(user, input(version.id, paragraphIds[2]!));
    expect(posted).toMatchObject({ moderationState: "PUBLISHED", duplicate: false });
    const row = await db.comment.findUniqueOrThrow({
      where: { id: posted.id },
      select: { stakeholderGroup: true, region: true, paragraphId: true },
    });
    expect(row).toEqual({ stakeholderGroup: "GOVERNMENT", region: "LATIN_AMERICA_CARIBBEAN", paragraphId: paragraphIds[2] });
  });

  it("refuses outside the comment period, with the time named, and exactly at closing", async () => {
    const user = await actor();
    for (const [period, code] of [
      ["upcoming", "commentsUpcoming"],
      ["closed", "commentsClosed"],
    ] as const) {
      const { version, paragraphIds } = await createCommentableSet(db, { period });
      const at = period === "upcoming" ? version.commentOpensAt! : version.commentClosesAt!;
      expect(await refused(postComment(user, input(version.id, paragraphIds[0]!)))).toMatchObject({
        kind: "closed",
        code,
        params: { time: at },
      });
    }
    const none = await createCommentableSet(db, { period: "none" });
    expect(await refusal(postComment(user, input(none.version.id, null)))).toBe("closed:commentsNone");
    const { version } = await createCommentableSet(db);
    const closesAt = version.commentClosesAt!;
    expect(await refused(postComment(user, input(version.id, null), closesAt))).toMatchObject({
      kind: "closed",
      code: "commentsClosed",
      params: { time: closesAt },
    });
    const justBefore = new Date(closesAt.getTime() - 1);
    expect((await postComment(user, input(version.id, null), justBefore)).moderationState).toBe("PUBLISHED");
  });

  it("refuses a final set, an older version, unknown ids, a paragraph of another set, and bad bodies", async () => {
    const user = await actor();
    const { set, version, paragraphIds } = await createCommentableSet(db);
    const other = await createCommentableSet(db);
    expect(await refusal(postComment(user, input(version.id, other.paragraphIds[0]!)))).toBe("not_found:paragraphNotInVersion");
    expect(await refusal(postComment(user, input("nope", null)))).toBe("not_found:versionNotFound");
    expect(await refused(postComment(user, input(version.id, null, { body: "   " })))).toMatchObject({
      kind: "invalid",
      code: "invalid",
      fieldErrors: { body: [{ code: "commentEmpty" }] },
    });
    expect(await refused(postComment(user, input(version.id, null, { body: "x".repeat(4001) })))).toMatchObject({
      kind: "invalid",
      code: "invalid",
      fieldErrors: { body: [{ code: "tooLong", params: { max: 4000 } }] },
    });
    expect(await refused(postComment(user, input("", null)))).toMatchObject({
      kind: "invalid",
      fieldErrors: { versionId: [{ code: "formOutdated" }] },
    });
    expect(await refusal(postComment(null, input(version.id, null)))).toBe("unauthenticated:unauthenticated");
    const noProfile = await createUser(db, { profile: null });
    expect(await refusal(postComment(noProfile, input(version.id, null)))).toBe("forbidden:commentProfileRequired");
    // A second published version: version 1 no longer takes comments.
    await db.messageSetVersion.create({
      data: { setId: set.id, number: 2, content: [], publishedAt: new Date(), ...periodOf("open") },
      select: { id: true },
    });
    expect(await refusal(postComment(user, input(version.id, paragraphIds[0]!)))).toBe("conflict:notLatestVersion");
    const final = await createCommentableSet(db);
    await db.messageSet.update({ where: { id: final.set.id }, data: { status: "FINAL" } });
    expect(await refusal(postComment(user, input(final.version.id, null)))).toBe("closed:commentsFinal");
  });

  it("replies only to a published top-level comment of the same version, on its paragraph", async () => {
    const user = await actor();
    const { set, version, paragraphIds } = await createCommentableSet(db);
    const parent = await createComment(db, { setId: set.id, versionId: version.id, paragraphId: paragraphIds[1]! });
    const reply = await postComment(user, input(version.id, paragraphIds[0]!, { parentId: parent.id }));
    const row = await db.comment.findUniqueOrThrow({ where: { id: reply.id }, select: { paragraphId: true, parentId: true } });
    expect(row).toEqual({ paragraphId: paragraphIds[1], parentId: parent.id });
    expect(await refusal(postComment(user, input(version.id, null, { parentId: reply.id })))).toBe("not_found:parentNotFound");
    for (const moderationState of ["HIDDEN", "PENDING"] as const) {
      const hidden = await createComment(db, { setId: set.id, versionId: version.id, moderationState });
      expect(await refusal(postComment(user, input(version.id, null, { parentId: hidden.id })))).toBe(
        "conflict:parentNotPublished",
      );
    }
    const other = await createCommentableSet(db);
    const foreign = await createComment(db, { setId: other.set.id, versionId: other.version.id });
    expect(await refusal(postComment(user, input(version.id, null, { parentId: foreign.id })))).toBe("not_found:parentNotFound");
  });

  it("waits for approval under pre-moderation; a double submit returns the first comment", async () => {
    const user = await actor();
    const { version } = await createCommentableSet(db, { moderationMode: "PRE" });
    const values = input(version.id, null);
    const [first, second] = await Promise.all([postComment(user, values), postComment(user, values)]);
    expect(first.id).toBe(second.id);
    expect(first.moderationState).toBe("PENDING");
    expect(await db.comment.count({ where: { versionId: version.id } })).toBe(1);
    const again = await postComment(user, values);
    expect(again).toMatchObject({ id: first.id, duplicate: true });
  });

  it("limits the comments one person posts on one set per hour", async () => {
    const user = await actor();
    const { set, version } = await createCommentableSet(db);
    for (let i = 0; i < 20; i++) await createComment(db, { setId: set.id, versionId: version.id, authorId: user.id });
    expect(await refused(postComment(user, input(version.id, null)))).toMatchObject({
      kind: "conflict",
      code: "tooManyComments",
      params: { max: 20 },
    });
  });
});

describe("moderating comments", () => {
  it("approves, hides, restores, reviews with an audit entry each; wrong states are refused", async () => {
    const { set, version } = await createCommentableSet(db, { moderationMode: "PRE" });
    const comment = await createComment(db, { setId: set.id, versionId: version.id, moderationState: "PENDING" });
    expect(await refusal(markCommentReviewed(moderator, comment.id))).toBe("conflict:commentApproveFirst");
    expect((await approveComment(moderator, comment.id)).moderationState).toBe("PUBLISHED");
    expect(await refusal(approveComment(moderator, comment.id))).toBe("conflict:commentNotPending");
    expect(await refusal(restoreComment(moderator, comment.id))).toBe("conflict:commentNotHidden");
    await hideComment(moderator, { commentId: comment.id, reason: "Contains a phone number." });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).hiddenReason).toBe("Contains a phone number.");
    expect(await refusal(hideComment(moderator, { commentId: comment.id, reason: "Again, please." }))).toBe(
      "conflict:commentAlreadyHidden",
    );
    await restoreComment(moderator, comment.id);
    const entries = await db.auditEntry.findMany({
      where: { itemId: comment.id },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, itemType: true },
    });
    expect(entries.map((e) => e.action)).toEqual(["comment.approve", "comment.hide", "comment.restore"]);
    expect(entries.every((e) => e.actorId === moderator.id && e.itemType === "comment")).toBe(true);
    const fresh = await createComment(db, { setId: set.id, versionId: version.id });
    await markCommentReviewed(moderator, fresh.id);
    expect(await db.auditEntry.count({ where: { itemId: fresh.id, action: "comment.review", actorId: moderator.id } })).toBe(1);
    expect(await refusal(markCommentReviewed(moderator, fresh.id))).toBe("conflict:commentAlreadyReviewed");
  });

  it("reports: one per user, never one's own, published only; the threshold hides at N not N−1", async () => {
    const { set, version } = await createCommentableSet(db, { reportThreshold: 3 });
    const author = await actor();
    const comment = await createComment(db, { setId: set.id, versionId: version.id, authorId: author.id });
    const report = { commentId: comment.id, reason: "SPAM" };
    expect(await refusal(reportComment(author, report))).toBe("conflict:ownComment");
    const [a, b, c] = [await establishedActor(), await establishedActor(), await establishedActor()];
    expect((await reportComment(a, report)).hidden).toBe(false);
    expect(await refusal(reportComment(a, report))).toBe("conflict:commentAlreadyReported");
    expect((await reportComment(b, report)).hidden).toBe(false);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).moderationState).toBe("PUBLISHED");
    expect((await reportComment(c, report)).hidden).toBe(true);
    const auto = await db.auditEntry.findFirstOrThrow({
      where: { itemId: comment.id, action: "comment.autoHide" },
      select: { actorId: true },
    });
    expect(auto.actorId).toBeNull();
    expect(await refusal(reportComment(await actor(), report))).toBe("not_found:commentNotFound");
    expect(await refused(reportComment(a, { commentId: comment.id, reason: "OTHER" }))).toMatchObject({
      kind: "invalid",
      code: "invalid",
      fieldErrors: { details: [{ code: "detailsRequired" }] },
    });
    expect(await refused(reportComment(a, { commentId: comment.id }))).toMatchObject({
      kind: "invalid",
      fieldErrors: { reason: [{ code: "chooseCommentReason" }] },
    });
    // Dismissing the reports restores a comment the system hid.
    await dismissCommentReports(moderator, comment.id);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).moderationState).toBe("PUBLISHED");
    expect(await refusal(dismissCommentReports(moderator, comment.id))).toBe("conflict:commentNoOpenReports");
    await reportComment(await actor(), report);
    await upholdCommentReports(moderator, { commentId: comment.id, reason: "Advertising, not a comment." });
    expect(await db.report.count({ where: { commentId: comment.id, status: "UPHELD" } })).toBe(1);
    const actions = await db.auditEntry.findMany({
      where: { itemId: comment.id },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true },
    });
    expect(actions).toEqual([
      { action: "comment.autoHide", actorId: null },
      { action: "reports.dismiss", actorId: moderator.id },
      { action: "comment.uphold", actorId: moderator.id },
    ]);
  });

  it("hides comments already over a lowered threshold, by the system", async () => {
    const { call, set, version } = await createCommentableSet(db, { reportThreshold: 5 });
    const comment = await createComment(db, { setId: set.id, versionId: version.id });
    for (const reporter of [await establishedActor(), await establishedActor()])
      await reportComment(reporter, { commentId: comment.id, reason: "SPAM" });
    const { hideOverThreshold } = await import("@/lib/moderation/engine");
    const { commentKind } = await import("@/lib/comments/kind");
    expect(await db.$transaction((tx) => hideOverThreshold(tx, commentKind, call.id, 3))).toBe(0);
    expect(await db.$transaction((tx) => hideOverThreshold(tx, commentKind, call.id, 2))).toBe(1);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).moderationState).toBe("HIDDEN");
    expect(await db.auditEntry.count({ where: { itemId: comment.id, action: "comment.autoHide", actorId: null } })).toBe(1);
  });

  it("answers with a disposition: a reason for 'not incorporated', top-level published only, changes audited", async () => {
    const { set, version } = await createCommentableSet(db);
    const comment = await createComment(db, { setId: set.id, versionId: version.id });
    expect(
      await refused(answerComment(moderator, { commentId: comment.id, disposition: "NOT_INCORPORATED", answer: "Thanks." })),
    ).toMatchObject({ kind: "invalid", fieldErrors: { reason: [{ code: "reasonRequired" }] } });
    // The database holds the rule too.
    await expect(db.comment.update({ where: { id: comment.id }, data: { disposition: "NOT_INCORPORATED" } })).rejects.toThrow();
    for (const disposition of ["INCORPORATED", "PARTLY_INCORPORATED", "NOTED"] as const)
      await answerComment(moderator, { commentId: comment.id, disposition, answer: `Answer ${disposition}` });
    await answerComment(moderator, {
      commentId: comment.id,
      disposition: "NOT_INCORPORATED",
      reason: "Out of the forum's scope.",
    });
    const row = await db.comment.findUniqueOrThrow({
      where: { id: comment.id },
      select: { disposition: true, dispositionReason: true, answeredById: true },
    });
    expect(row).toEqual({
      disposition: "NOT_INCORPORATED",
      dispositionReason: "Out of the forum's scope.",
      answeredById: moderator.id,
    });
    const audits = await db.auditEntry.findMany({
      where: { itemId: comment.id, action: "comment.answer" },
      orderBy: { id: "asc" },
      select: { before: true, after: true },
    });
    expect(audits).toHaveLength(4);
    expect(audits[3]!.before).toMatchObject({ disposition: "NOTED" });
    expect(audits[3]!.after).toMatchObject({ disposition: "NOT_INCORPORATED" });
    expect(
      await refusal(
        answerComment(moderator, { commentId: comment.id, disposition: "NOT_INCORPORATED", reason: "Out of the forum's scope." }),
      ),
    ).toBe("conflict:answerUnchanged");
    const reply = await createComment(db, { setId: set.id, versionId: version.id, parentId: comment.id });
    expect(await refusal(answerComment(moderator, { commentId: reply.id, disposition: "NOTED" }))).toBe(
      "conflict:replyNoDisposition",
    );
    const pending = await createComment(db, { setId: set.id, versionId: version.id, moderationState: "PENDING" });
    expect(await refusal(answerComment(moderator, { commentId: pending.id, disposition: "NOTED" }))).toBe(
      "conflict:answerPublishedOnly",
    );
  });

  it("refuses every moderator action to visitors' sessions, stakeholders and other users", async () => {
    const { set, version } = await createCommentableSet(db);
    const author = await actor();
    const comment = await createComment(db, { setId: set.id, versionId: version.id, authorId: author.id });
    for (const who of [author, await actor(), { id: "nobody", role: "STAKEHOLDER" as const }]) {
      expect(await refusal(approveComment(who, comment.id))).toBe("forbidden:forbidden");
      expect(await refusal(hideComment(who, { commentId: comment.id, reason: "A reason." }))).toBe("forbidden:forbidden");
      expect(await refusal(restoreComment(who, comment.id))).toBe("forbidden:forbidden");
      expect(await refusal(markCommentReviewed(who, comment.id))).toBe("forbidden:forbidden");
      expect(await refusal(dismissCommentReports(who, comment.id))).toBe("forbidden:forbidden");
      expect(await refusal(upholdCommentReports(who, { commentId: comment.id, reason: "A reason." }))).toBe(
        "forbidden:forbidden",
      );
      expect(await refusal(answerComment(who, { commentId: comment.id, disposition: "NOTED" }))).toBe("forbidden:forbidden");
      expect(await refusal(listCommentQueue(who, set.id, "all"))).toBe("forbidden:forbidden");
    }
    expect(await refusal(reportComment(null, { commentId: comment.id, reason: "SPAM" }))).toBe("unauthenticated:unauthenticated");
    expect(await db.auditEntry.count({ where: { itemId: comment.id } })).toBe(0);
  });
});

describe("reading comments", () => {
  it("shows published comments; the author also sees their own pending or hidden ones; anonymity hides the name", async () => {
    const { set, version, paragraphIds } = await createCommentableSet(db);
    const author = await createUser(db, {
      profile: { displayName: "Dana Okafor", stakeholderGroup: "ACADEMIA", region: "AFRICA" },
    });
    const named = await createComment(db, {
      setId: set.id,
      versionId: version.id,
      paragraphId: paragraphIds[0]!,
      authorId: author.id,
      stakeholderGroup: "ACADEMIA",
    });
    const anon = await createComment(db, {
      setId: set.id,
      versionId: version.id,
      paragraphId: paragraphIds[0]!,
      authorId: author.id,
      anonymous: true,
      stakeholderGroup: "ACADEMIA",
    });
    const hidden = await createComment(db, {
      setId: set.id,
      versionId: version.id,
      paragraphId: paragraphIds[0]!,
      authorId: author.id,
      moderationState: "HIDDEN",
    });
    await db.comment.update({ where: { id: hidden.id }, data: { hiddenReason: "Personal data." } });
    await createComment(db, {
      setId: set.id,
      versionId: version.id,
      paragraphId: paragraphIds[0]!,
      stakeholderGroup: "GOVERNMENT",
      moderationState: "PENDING",
    });
    const published = (await getPublishedMessageSet(set.slug))!;
    const publicView = await setComments(null, published);
    const threads = publicView.byParagraph.get(paragraphIds[0]!)!;
    expect(threads.map((t) => t.id)).toEqual([named.id, anon.id]);
    expect(threads.map((t) => t.name)).toEqual(["Dana Okafor", null]);
    expect(threads[1]!.stakeholderGroup).toBe("ACADEMIA");
    expect(publicView.counts.get(paragraphIds[0]!)).toBe(2);
    const own = await setComments(author, published);
    const mine = own.byParagraph.get(paragraphIds[0]!)!.find((t) => t.id === hidden.id)!;
    expect(mine).toMatchObject({ moderationState: "HIDDEN", hiddenReason: "Personal data.", own: true });
    const stranger = await setComments(await actor(), published);
    expect(stranger.byParagraph.get(paragraphIds[0]!)!.map((t) => t.id)).toEqual([named.id, anon.id]);
    const filtered = await setComments(null, published, { group: "GOVERNMENT" });
    expect(filtered.byParagraph.get(paragraphIds[0]!) ?? []).toEqual([]);
    expect(filtered.counts.get(paragraphIds[0]!)).toBe(2);
  });

  it("keeps comments attached across versions: edited, moved, split off, removed", async () => {
    const { set, version, paragraphIds } = await createCommentableSet(db, { paragraphs: 4 });
    const [p1, p2, p3, p4] = paragraphIds as [string, string, string, string];
    const on = async (paragraphId: string) => (await createComment(db, { setId: set.id, versionId: version.id, paragraphId })).id;
    const [c1, c2, c3, c4] = [await on(p1), await on(p2), await on(p3), await on(p4)];
    await editParagraph(moderator, { paragraphId: p1, body: "Norms take hold when those who apply them shape them." });
    await moveParagraph(moderator, { paragraphId: p2, direction: "down" });
    // Paragraph 3 is split (the second part is a new paragraph with p3 in its lineage), then its first part
    // is deleted: the comment on p3 follows the part that is left.
    const { created: q } = await splitParagraph(moderator, { paragraphId: p3, at: 20 });
    await deleteParagraph(moderator, { paragraphId: p3 });
    await deleteParagraph(moderator, { paragraphId: p4 });
    const v2 = await saveVersion(moderator, { setId: set.id, summary: "Second draft" });
    // One comment period at a time: version 1's closes before version 2 is published.
    await closeCommentPeriod(moderator, { versionId: version.id, reason: "Version 2 answers the comments received." });
    await publishVersion(moderator, { versionId: v2.id });
    const published = (await getPublishedMessageSet(set.slug))!;
    expect(published.version.number).toBe(2);
    const view = await setComments(null, published);
    expect(view.byParagraph.get(p1)!.map((t) => [t.id, t.earlierVersion])).toEqual([[c1, 1]]);
    expect(view.byParagraph.get(p2)!.map((t) => t.id)).toEqual([c2]);
    expect(view.byParagraph.get(q.id)!.map((t) => t.id)).toEqual([c3]);
    expect(view.removed.map((t) => t.id)).toEqual([c4]);
    const numbers = new Map(published.sections.flatMap((s) => s.paragraphs.map((p) => [p.paragraphId, p.number])));
    expect([numbers.get(p1), numbers.get(q.id), numbers.get(p2)]).toEqual([1, 2, 3]);
  });
});

describe("personal data", () => {
  it("exports comments and reports on comments; deletion removes them or keeps them anonymised", async () => {
    const { set, version } = await createCommentableSet(db);
    for (const choice of ["remove", "anonymise"] as const) {
      const user = await actor();
      const comment = await createComment(db, {
        setId: set.id,
        versionId: version.id,
        authorId: user.id,
        body: `Mine ${choice}`,
      });
      const other = await createComment(db, { setId: set.id, versionId: version.id });
      await reportComment(user, { commentId: other.id, reason: "OFF_TOPIC" });
      const data = await exportPersonalData(user);
      expect(data.comments.map((c) => c.body)).toEqual([`Mine ${choice}`]);
      expect(data.reports.some((r) => r.commentId === other.id)).toBe(true);
      await deleteAccount(user, { confirmEmail: user.email, responses: choice });
      const left = await db.comment.findUnique({ where: { id: comment.id }, select: { authorId: true, anonymous: true } });
      expect(left).toEqual(choice === "remove" ? null : { authorId: null, anonymous: true });
    }
  });
});

describe("the demo comments", () => {
  it("open the demo messages for comment, with each disposition answered once, and stay the same on a second run", async () => {
    const { seedDemo } = await import("@/prisma/seed");
    const { DEMO_MESSAGES_SLUG } = await import("@/prisma/demo-messages");
    await seedDemo(db, { quiet: true });
    const count = () => db.comment.count({ where: { set: { slug: DEMO_MESSAGES_SLUG }, submitKey: { startsWith: "demo-" } } });
    const first = await count();
    await seedDemo(db, { quiet: true });
    expect(await count()).toBe(first);
    const set = (await getPublishedMessageSet(DEMO_MESSAGES_SLUG))!;
    expect(set.version.commentPeriod).toBe("open");
    const dispositions = await db.comment.groupBy({
      by: ["disposition"],
      where: { setId: set.id, submitKey: { startsWith: "demo-" }, disposition: { not: null } },
      _count: { _all: true },
    });
    expect(dispositions.map((d) => d.disposition).sort()).toEqual([
      "INCORPORATED",
      "NOTED",
      "NOT_INCORPORATED",
      "PARTLY_INCORPORATED",
    ]);
    expect(await db.comment.count({ where: { setId: set.id, parentId: { not: null } } })).toBeGreaterThanOrEqual(2);
  });
});
