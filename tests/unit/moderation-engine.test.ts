// The moderation engine (lib/moderation/engine.ts) against both item kinds it serves: the same transition
// table from every state, the row lock under concurrency, and the weighted automatic hide at N reports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentKind } from "@/lib/comments/kind";
import { db, disconnectDb } from "@/lib/db";
import type { ModerationState } from "@/lib/generated/prisma/enums";
import { hideOverThreshold, report, transition, VERBS, type ItemKind, type KindErrors, type Verb } from "@/lib/moderation/engine";
import { autoHideReason } from "@/lib/moderation/threshold";
import { responseKind } from "@/lib/moderation/response-kind";
import { createCommentableSet, createComment } from "@/prisma/factories-comments";
import { createModeratedCall, createModeratedResponse } from "@/prisma/factories-moderation";
import { createUser } from "@/prisma/factories";
import { actor, establishedActor } from "./helpers";
import { withTemporaryOutbox } from "./outbox";

withTemporaryOutbox("moderation-engine");
afterAll(disconnectDb);

type Start = { state: ModerationState; reviewed: boolean; reports: number };
type Fixture = {
  kind: ItemKind;
  /** A fresh item of the kind on a call with this report threshold. */
  item: (start: Start, threshold?: number) => Promise<{ id: string; callId: string }>;
  stateOf: (id: string) => Promise<{ moderationState: ModerationState; hiddenReason: string | null; reviewedAt: Date | null }>;
};

const select = { moderationState: true, hiddenReason: true, reviewedAt: true } as const;

async function addReports(kind: ItemKind, id: string, count: number) {
  for (let i = 0; i < count; i += 1) {
    const reporter = await createUser(db);
    await db.report.create({ data: { [kind.idField]: id, reporterId: reporter.id, reason: "SPAM" }, select: { id: true } });
  }
}

async function prepare(kind: ItemKind, id: string, { state, reviewed, reports }: Start) {
  const hidden = state === "HIDDEN";
  await kind.update(db, id, {
    moderationState: state,
    hiddenReason: hidden ? "Hidden by a moderator." : null,
    hiddenAt: hidden ? new Date() : null,
    reviewedAt: reviewed ? new Date() : null,
  });
  await addReports(kind, id, reports);
}

const FIXTURES: Record<string, Fixture> = {
  responses: {
    kind: responseKind,
    item: async (start, threshold = 3) => {
      const call = await createModeratedCall(db, { reportThreshold: threshold });
      const { id } = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
      await prepare(responseKind, id, start);
      return { id, callId: call.id };
    },
    stateOf: (id) => db.response.findUniqueOrThrow({ where: { id }, select }),
  },
  comments: {
    kind: commentKind,
    item: async (start, threshold = 3) => {
      const { call, set, version } = await createCommentableSet(db, { reportThreshold: threshold });
      const { id } = await createComment(db, { setId: set.id, versionId: version.id });
      await prepare(commentKind, id, start);
      return { id, callId: call.id };
    },
    stateOf: (id) => db.comment.findUniqueOrThrow({ where: { id }, select }),
  },
};

// The transition table, written out independently of the engine: from a start, what a verb does.
type Outcome = { refused: keyof KindErrors } | { state: ModerationState; reports?: "UPHELD" | "DISMISSED"; action: string };
function expected(verb: Verb, { state, reviewed, reports }: Start): Outcome {
  switch (verb) {
    case "approve":
      return state === "PENDING" ? { state: "PUBLISHED", reports: "DISMISSED", action: "approve" } : { refused: "notPending" };
    case "hide":
      return state === "HIDDEN" ? { refused: "alreadyHidden" } : { state: "HIDDEN", reports: "UPHELD", action: "hide" };
    case "restore":
      return state === "HIDDEN" ? { state: "PUBLISHED", reports: "DISMISSED", action: "restore" } : { refused: "notHidden" };
    case "review":
      if (state === "PENDING") return { refused: "approveFirst" };
      return reviewed ? { refused: "alreadyReviewed" } : { state, action: "review" };
    case "dismiss":
      // Hidden here by a moderator, not by the system: it stays hidden.
      return reports === 0 ? { refused: "noOpenReports" } : { state, reports: "DISMISSED", action: "reports.dismiss" };
    case "uphold":
      return reports === 0 ? { refused: "noOpenReports" } : { state: "HIDDEN", reports: "UPHELD", action: "uphold" };
  }
}

const STARTS: Start[] = [];
for (const state of ["PENDING", "PUBLISHED", "HIDDEN"] as const)
  for (const reviewed of state === "PENDING" ? [false] : [false, true])
    for (const reports of [0, 1]) STARTS.push({ state, reviewed, reports });

const CASES = STARTS.flatMap((start) => VERBS.map((verb) => ({ verb, start, outcome: expected(verb, start) })));

let moderator: Awaited<ReturnType<typeof actor>>;
beforeAll(async () => {
  moderator = await actor("MODERATOR");
});

describe.each(Object.entries(FIXTURES))("the transition table for %s", (_name, { kind, item, stateOf }) => {
  it.each(CASES.map((c) => [c.verb, `${c.start.state}${c.start.reviewed ? " reviewed" : ""}, ${c.start.reports} report(s)`, c]))(
    "%s from %s",
    async (_verb, _start, { verb, start, outcome }) => {
      const { id, callId } = await item(start);
      const before = await stateOf(id);
      const run = transition(kind, moderator, verb, { id, reason: "Names a private person." });
      const entries = () =>
        db.auditEntry.findMany({ where: { itemId: id }, select: { action: true, actorId: true, after: true } });
      if ("refused" in outcome) {
        await expect(run).rejects.toMatchObject({ kind: "conflict", message: kind.errors[outcome.refused] });
        expect(await stateOf(id)).toEqual(before);
        expect(await entries()).toEqual([]);
        expect(await db.report.count({ where: { [kind.idField]: id, status: "OPEN" } })).toBe(start.reports);
        return;
      }
      expect(await run).toMatchObject({ moderationState: outcome.state, item: { id, callId } });
      const after = await stateOf(id);
      expect(after.moderationState).toBe(outcome.state);
      expect(after.reviewedAt).not.toBeNull();
      if (verb === "hide" || verb === "uphold") expect(after.hiddenReason).toBe("Names a private person.");
      if (outcome.state === "PUBLISHED") expect(after.hiddenReason).toBeNull();
      if (outcome.state === before.moderationState && verb !== "uphold") expect(after.hiddenReason).toBe(before.hiddenReason);
      const resolved = outcome.reports && start.reports > 0 ? outcome.reports : "OPEN";
      expect(await db.report.count({ where: { [kind.idField]: id, status: resolved } })).toBe(start.reports);
      const action = outcome.action.startsWith("reports.") ? outcome.action : `${kind.itemType}.${outcome.action}`;
      expect(await entries()).toEqual([
        {
          action,
          actorId: moderator.id,
          after: {
            moderationState: outcome.state,
            hiddenReason: after.hiddenReason,
            reviewed: true,
            openReports: resolved === "OPEN" ? start.reports : 0,
          },
        },
      ]);
    },
  );
});

describe.each(Object.entries(FIXTURES))("the row lock for %s", (_name, { kind, item, stateOf }) => {
  it("two moderators approving at once: one succeeds, the other is refused, one audit entry", async () => {
    const { id } = await item({ state: "PENDING", reviewed: false, reports: 0 });
    const other = await actor("MODERATOR");
    const results = await Promise.allSettled([
      transition(kind, moderator, "approve", { id }),
      transition(kind, other, "approve", { id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ kind: "conflict", message: kind.errors.notPending });
    expect((await stateOf(id)).moderationState).toBe("PUBLISHED");
    expect(await db.auditEntry.count({ where: { itemId: id } })).toBe(1);
  });

  it("a hide and a restore at once act one after the other, each on the state the other left", async () => {
    const { id } = await item({ state: "PUBLISHED", reviewed: true, reports: 0 });
    await Promise.allSettled([
      transition(kind, moderator, "hide", { id, reason: "Contains an address." }),
      transition(kind, moderator, "restore", { id }),
    ]);
    const actions = (
      await db.auditEntry.findMany({ where: { itemId: id }, orderBy: { id: "asc" }, select: { action: true } })
    ).map((e) => e.action);
    // Either the restore came first (refused: not hidden) and the hide applied, or the hide then the restore.
    const final = (await stateOf(id)).moderationState;
    if (actions.length === 1) {
      expect(actions).toEqual([`${kind.itemType}.hide`]);
      expect(final).toBe("HIDDEN");
    } else {
      expect(actions).toEqual([`${kind.itemType}.hide`, `${kind.itemType}.restore`]);
      expect(final).toBe("PUBLISHED");
    }
  });

  it("concurrent reports crossing the threshold hide the item exactly once", async () => {
    const { id } = await item({ state: "PUBLISHED", reviewed: true, reports: 0 }, 2);
    const reporters = await Promise.all([establishedActor(), establishedActor(), establishedActor()]);
    const results = await Promise.allSettled(reporters.map((r) => report(kind, r, { id, reason: "SPAM", details: "" })));
    // The third finds the item hidden already: no longer public, it cannot be reported.
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect((await stateOf(id)).moderationState).toBe("HIDDEN");
    expect(await db.auditEntry.count({ where: { itemId: id, action: `${kind.itemType}.autoHide`, actorId: null } })).toBe(1);
  });
});

describe.each(Object.entries(FIXTURES))("the automatic hide for %s", (_name, { kind, item, stateOf }) => {
  it("hides at N established reports, not at N−1, and not for reports from fresh accounts", async () => {
    const { id } = await item({ state: "PUBLISHED", reviewed: true, reports: 0 }, 3);
    const send = (who: { id: string }) => report(kind, who, { id, reason: "SPAM", details: "" });
    for (let i = 0; i < 3; i += 1) expect(await send(await actor())).toMatchObject({ hidden: false });
    expect(await send(await establishedActor())).toMatchObject({ hidden: false });
    expect(await send(await establishedActor())).toMatchObject({ hidden: false });
    expect((await stateOf(id)).moderationState).toBe("PUBLISHED");
    expect(await send(await establishedActor())).toMatchObject({ hidden: true });
    expect(await stateOf(id)).toMatchObject({ moderationState: "HIDDEN", hiddenReason: autoHideReason(3), reviewedAt: null });
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { itemId: id },
      select: { action: true, actorId: true, before: true, after: true },
    });
    expect(entry).toEqual({
      action: `${kind.itemType}.autoHide`,
      actorId: null,
      before: { moderationState: "PUBLISHED", hiddenReason: null, openReports: 5, countingReports: 2 },
      after: { moderationState: "HIDDEN", hiddenReason: autoHideReason(3), openReports: 6, countingReports: 3 },
    });
  });

  it("refuses the author's own report, a second report, and a hidden item, with the kind's keys", async () => {
    const { id } = await item({ state: "PUBLISHED", reviewed: true, reports: 0 });
    const reporter = await actor();
    const authorId = await authorOf(kind, id);
    await expect(report(kind, { id: authorId! }, { id, reason: "SPAM", details: "" })).rejects.toMatchObject({
      kind: "conflict",
      message: kind.errors.ownItem,
    });
    await report(kind, reporter, { id, reason: "SPAM", details: "" });
    await expect(report(kind, reporter, { id, reason: "OFFENSIVE", details: "" })).rejects.toMatchObject({
      kind: "conflict",
      message: kind.errors.alreadyReported,
    });
    await transition(kind, moderator, "hide", { id, reason: "Off topic entirely." });
    await expect(report(kind, await actor(), { id, reason: "SPAM", details: "" })).rejects.toMatchObject({
      kind: "not_found",
      message: kind.errors.notFound,
    });
    const noProfile = await createUser(db, { profile: null });
    await expect(report(kind, noProfile, { id, reason: "SPAM", details: "" })).rejects.toMatchObject({
      kind: "forbidden",
      message: kind.errors.profileRequired,
    });
  });

  it("a lowered threshold hides the items with that many counted open reports, not those with one fewer", async () => {
    const { id, callId } = await item({ state: "PUBLISHED", reviewed: true, reports: 0 }, 10);
    for (let i = 0; i < 2; i += 1) await report(kind, await establishedActor(), { id, reason: "SPAM", details: "" });
    await report(kind, await actor(), { id, reason: "SPAM", details: "" });
    expect(await db.$transaction((tx) => hideOverThreshold(tx, kind, callId, 3))).toBe(0);
    expect((await stateOf(id)).moderationState).toBe("PUBLISHED");
    expect(await db.$transaction((tx) => hideOverThreshold(tx, kind, callId, 2))).toBe(1);
    expect(await stateOf(id)).toMatchObject({ moderationState: "HIDDEN", hiddenReason: autoHideReason(2) });
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { itemId: id },
      select: { action: true, actorId: true, after: true },
    });
    expect(entry).toEqual({
      action: `${kind.itemType}.autoHide`,
      actorId: null,
      after: { moderationState: "HIDDEN", hiddenReason: autoHideReason(2), openReports: 3, countingReports: 2 },
    });
  });
});

async function authorOf(kind: ItemKind, id: string) {
  const row = await (kind === responseKind
    ? db.response.findUniqueOrThrow({ where: { id }, select: { authorId: true } })
    : db.comment.findUniqueOrThrow({ where: { id }, select: { authorId: true } }));
  return row.authorId;
}
