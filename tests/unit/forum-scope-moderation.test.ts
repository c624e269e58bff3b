// Moderation, comment moderation and curation scoped to forums (issue 15): a facilitator of forum A acts in A;
// forum B's objects are refused exactly as unknown ids (same kind and code) and stay as they were; an
// observer of A reads A's queue, coding, campaigns and responses, and every write of theirs is Forbidden
// and changes nothing; the moderation home counts only the actor's forums.
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
import { listCommentQueue } from "@/lib/comments/queue";
import { getCampaigns } from "@/lib/curation/campaigns";
import { clusterCall } from "@/lib/curation/clusters";
import { createExcerpt, createExcerptFromQuote, deleteExcerpt, listExcerpts, updateExcerpt } from "@/lib/curation/excerpts";
import { tagFrequency } from "@/lib/curation/frequency";
import { getResponseForCuration, listResponsesForCoding } from "@/lib/curation/response-view";
import { createTag, deleteTag, getCallForCoding, listTags, setResponseTag, updateTag } from "@/lib/curation/tags";
import { db, disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import {
  approveResponse,
  dismissReports,
  hideResponse,
  markReviewed,
  restoreResponse,
  upholdReports,
} from "@/lib/moderation/moderate";
import { listQueue, queueCountsByCall } from "@/lib/moderation/queue";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import {
  createCodingCall,
  createExcerpt as createFactoryExcerpt,
  createTag as createFactoryTag,
} from "@/prisma/factories-coding";
import { createModeratedCall, createModeratedResponse, createReports } from "@/prisma/factories-moderation";
import { actor, appointee } from "./helpers";
import { withTemporaryOutbox } from "./outbox";

withTemporaryOutbox("forum-scope-moderation");
afterAll(disconnectDb);

const UNKNOWN = "no-such-id";
const ANSWER = "Capacity building and human rights go together in our region.";
const REASON = "Off topic for this call.";

/** A refusal as "kind:code"; "allowed" when the promise resolves. */
async function outcome(promise: Promise<unknown>) {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (isAppError(error)) return `${error.kind}:${error.code}`;
    throw error;
  }
}

/** Everything moderation and curation can change in one call, to check a refusal changed nothing. */
async function snapshot(callId: string) {
  const [responses, comments, reports, tags, excerpts, call, audit] = await Promise.all([
    db.response.findMany({
      where: { callId },
      orderBy: { id: "asc" },
      select: { id: true, moderationState: true, hiddenReason: true, reviewedAt: true, clusterId: true },
    }),
    db.comment.findMany({
      where: { set: { callId } },
      orderBy: { id: "asc" },
      select: { id: true, moderationState: true, hiddenReason: true, reviewedAt: true, disposition: true, answer: true },
    }),
    db.report.findMany({
      where: { OR: [{ response: { callId } }, { comment: { set: { callId } } }] },
      orderBy: { id: "asc" },
      select: { id: true, status: true },
    }),
    db.tag.findMany({
      where: { callId },
      orderBy: { id: "asc" },
      select: { id: true, name: true, description: true, responses: { select: { responseId: true } } },
    }),
    db.excerpt.findMany({
      where: { response: { callId } },
      orderBy: { id: "asc" },
      select: { id: true, note: true, tags: { select: { tagId: true } } },
    }),
    db.call.findUniqueOrThrow({ where: { id: callId }, select: { clusteredAt: true } }),
    db.auditEntry.count({ where: { callId } }),
  ]);
  return { responses, comments, reports, tags, excerpts, call, audit };
}

/** Each attempt is refused with `expected`, and the call is as it was before them. */
async function refusedUnchanged(
  callId: string,
  expected: string | ((attempt: number) => Promise<string>),
  attempts: (() => Promise<unknown>)[],
) {
  const before = await snapshot(callId);
  for (const [index, attempt] of attempts.entries()) {
    const wanted = typeof expected === "string" ? expected : await expected(index);
    expect(await outcome(attempt()), `attempt ${index}`).toBe(wanted);
  }
  expect(await snapshot(callId)).toEqual(before);
}

/** Moves a factory's call into a forum (the factories give each call a forum of its own). */
const moveToForum = (callId: string, forumId: string) =>
  db.call.update({ where: { id: callId }, data: { forumId }, select: { id: true } });

let forumA: string;
let facilitator: SessionUser;
let observer: SessionUser;

beforeAll(async () => {
  const call = await createModeratedCall(db);
  forumA = call.forumId;
  facilitator = await appointee(forumA, "FACILITATOR");
  observer = await appointee(forumA, "OBSERVER");
});

/** One item per transition, each in the state it starts from (and one to answer, for comments). */
type Items = Record<"approve" | "hide" | "restore" | "review" | "dismiss" | "uphold" | "answer", { id: string }>;
const unknownItems = Object.fromEntries(
  ["approve", "hide", "restore", "review", "dismiss", "uphold", "answer"].map((key) => [key, { id: UNKNOWN }]),
) as Items;

describe("moderating responses in a forum", () => {
  async function responses(forumId?: string) {
    const call = await createModeratedCall(db);
    if (forumId) await moveToForum(call.id, forumId);
    const make = async (moderationState: "PUBLISHED" | "PENDING" | "HIDDEN", reports = 0) => {
      const { id } = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId, moderationState });
      await createReports(db, id, reports);
      return { id };
    };
    const items: Items = {
      approve: await make("PENDING"),
      hide: await make("PUBLISHED"),
      restore: await make("HIDDEN"),
      review: await make("PUBLISHED"),
      dismiss: await make("PUBLISHED", 1),
      uphold: await make("HIDDEN", 1),
      answer: { id: UNKNOWN }, // responses are not answered
    };
    return { call, items };
  }

  const verbs = (items: Items) => [
    (who: SessionUser) => approveResponse(who, items.approve.id),
    (who: SessionUser) => hideResponse(who, { responseId: items.hide.id, reason: REASON }),
    (who: SessionUser) => restoreResponse(who, items.restore.id),
    (who: SessionUser) => markReviewed(who, items.review.id),
    (who: SessionUser) => dismissReports(who, items.dismiss.id),
    (who: SessionUser) => upholdReports(who, { responseId: items.uphold.id, reason: REASON }),
  ];

  it("lets a facilitator of A make every transition on A's responses", async () => {
    const a = await responses(forumA);
    for (const run of verbs(a.items)) expect(await outcome(run(facilitator))).toBe("allowed");
    const state = (id: string) => db.response.findUniqueOrThrow({ where: { id }, select: { moderationState: true } });
    expect(await state(a.items.approve.id)).toEqual({ moderationState: "PUBLISHED" });
    expect(await state(a.items.hide.id)).toEqual({ moderationState: "HIDDEN" });
    expect(await state(a.items.restore.id)).toEqual({ moderationState: "PUBLISHED" });
    expect(await db.auditEntry.count({ where: { callId: a.call.id, actorId: facilitator.id } })).toBe(6);
  });

  it("refuses forum B's responses to A's facilitator and observer exactly as unknown ids, changing nothing", async () => {
    const b = await responses();
    const asUnknown = (who: SessionUser) => (index: number) => outcome(verbs(unknownItems)[index]!(who));
    expect(await asUnknown(facilitator)(0)).toBe("not_found:notFound");
    for (const who of [facilitator, observer]) {
      // Refused before any state is looked at: approving B's published response is not "not pending".
      const attempts = [...verbs(b.items), (actor: SessionUser) => approveResponse(actor, b.items.hide.id)];
      await refusedUnchanged(
        b.call.id,
        (index) => asUnknown(who)(Math.min(index, 5)),
        attempts.map((run) => () => run(who)),
      );
    }
  });

  it("lets an observer of A read A's queue, and refuses every transition there, changing nothing", async () => {
    const a = await responses(forumA);
    const queue = await listQueue(observer, a.call.id, { tab: "new", page: 1 });
    expect(queue.call.forumId).toBe(forumA);
    expect(queue.items).toHaveLength(6);
    expect(queue.counts).toEqual({ new: 6, reported: 2, hidden: 2 });
    // Forbidden whatever the state: restoring a published response is not a conflict for them.
    await refusedUnchanged(a.call.id, "forbidden:forbidden", [
      ...verbs(a.items).map((run) => () => run(observer)),
      () => restoreResponse(observer, a.items.hide.id),
    ]);
  });

  it("reads forum B's queue to A's people as an unknown call", async () => {
    const b = await responses();
    const unknownCall = await outcome(listQueue(facilitator, UNKNOWN, { tab: "new", page: 1 }));
    expect(unknownCall).toBe("not_found:callNotFound");
    for (const who of [facilitator, observer])
      expect(await outcome(listQueue(who, b.call.id, { tab: "new", page: 1 }))).toBe(unknownCall);
    expect(await outcome(listQueue(await actor(), b.call.id, { tab: "new", page: 1 }))).toBe("forbidden:forbidden");
    // A platform administrator and the global moderator read every forum's queue.
    for (const role of ["ADMIN", "MODERATOR"] as const)
      expect((await listQueue(await actor(role), b.call.id, { tab: "reported", page: 1 })).items).toHaveLength(2);
  });

  it("counts the queues of the actor's forums only on the moderation home", async () => {
    const a = await responses(forumA);
    const b = await responses();
    const full = { new: 6, reported: 2, hidden: 2 };
    for (const who of [facilitator, observer]) {
      const counts = await queueCountsByCall(who);
      expect(counts.get(a.call.id)).toEqual(full);
      expect(counts.has(b.call.id)).toBe(false);
      const forums = await db.call.findMany({ where: { id: { in: [...counts.keys()] } }, select: { forumId: true } });
      expect(new Set(forums.map((call) => call.forumId))).toEqual(new Set([forumA]));
    }
    for (const role of ["ADMIN", "MODERATOR"] as const) {
      const counts = await queueCountsByCall(await actor(role));
      expect(counts.get(a.call.id)).toEqual(full);
      expect(counts.get(b.call.id)).toEqual(full);
    }
    expect(await outcome(queueCountsByCall(await actor()))).toBe("forbidden:forbidden");
  });
});

describe("moderating and answering comments in a forum", () => {
  async function comments(forumId?: string) {
    const { call, set, version } = await createCommentableSet(db);
    if (forumId) await moveToForum(call.id, forumId);
    const make = async (moderationState: "PUBLISHED" | "PENDING" | "HIDDEN", reports = 0) => {
      const { id } = await createComment(db, { setId: set.id, versionId: version.id, moderationState });
      for (let i = 0; i < reports; i++) {
        const reporter = await actor();
        await db.report.create({ data: { commentId: id, reporterId: reporter.id, reason: "SPAM" }, select: { id: true } });
      }
      return { id };
    };
    const items: Items = {
      approve: await make("PENDING"),
      hide: await make("PUBLISHED"),
      restore: await make("HIDDEN"),
      review: await make("PUBLISHED"),
      dismiss: await make("PUBLISHED", 1),
      uphold: await make("HIDDEN", 1),
      answer: await make("PUBLISHED"),
    };
    return { call, set, items };
  }

  const verbs = (items: Items) => [
    (who: SessionUser) => approveComment(who, items.approve.id),
    (who: SessionUser) => hideComment(who, { commentId: items.hide.id, reason: REASON }),
    (who: SessionUser) => restoreComment(who, items.restore.id),
    (who: SessionUser) => markCommentReviewed(who, items.review.id),
    (who: SessionUser) => dismissCommentReports(who, items.dismiss.id),
    (who: SessionUser) => upholdCommentReports(who, { commentId: items.uphold.id, reason: REASON }),
    (who: SessionUser) => answerComment(who, { commentId: items.answer.id, disposition: "NOTED", answer: "Thank you." }),
  ];

  it("lets a facilitator of A answer and moderate A's comments, and an observer read them", async () => {
    const a = await comments(forumA);
    const queue = await listCommentQueue(observer, a.set.id, "all");
    expect(queue.set.forumId).toBe(forumA);
    expect(queue.items).toHaveLength(7);
    for (const run of verbs(a.items)) expect(await outcome(run(facilitator))).toBe("allowed");
    expect(await db.comment.findUniqueOrThrow({ where: { id: a.items.answer.id }, select: { disposition: true } })).toEqual({
      disposition: "NOTED",
    });
    expect(await db.auditEntry.count({ where: { callId: a.call.id, actorId: facilitator.id } })).toBe(7);
  });

  it("refuses forum B's comments and set to A's people exactly as unknown ids, changing nothing", async () => {
    const b = await comments();
    const asUnknown = (who: SessionUser) => (index: number) => outcome(verbs(unknownItems)[index]!(who));
    expect(await asUnknown(facilitator)(0)).toBe("not_found:commentNotFound");
    expect(await asUnknown(facilitator)(6)).toBe("not_found:commentNotFound");
    for (const who of [facilitator, observer]) {
      await refusedUnchanged(
        b.call.id,
        asUnknown(who),
        verbs(b.items).map((run) => () => run(who)),
      );
      const unknownSet = await outcome(listCommentQueue(who, UNKNOWN, "all"));
      expect(unknownSet).toBe("not_found:messageSetNotFound");
      expect(await outcome(listCommentQueue(who, b.set.id, "all"))).toBe(unknownSet);
    }
  });

  it("refuses every write of an observer of A, changing nothing", async () => {
    const a = await comments(forumA);
    await refusedUnchanged(
      a.call.id,
      "forbidden:forbidden",
      verbs(a.items).map((run) => () => run(observer)),
    );
  });
});

describe("curation in a forum", () => {
  async function coding(forumId?: string) {
    const { call, question, responses } = await createCodingCall(db, [{ answer: ANSWER }, { answer: ANSWER }]);
    if (forumId) await moveToForum(call.id, forumId);
    const response = responses[0]!;
    const tag = await createFactoryTag(db, { callId: call.id, name: "capacity building" });
    const excerpt = await createFactoryExcerpt(db, {
      responseId: response.id,
      questionId: question.id,
      quote: "human rights",
      tagIds: [tag.id],
    });
    return { call, question, response, tag, excerpt };
  }

  type Coding = Awaited<ReturnType<typeof coding>>;
  /** Every curation write, each naming the object it acts on. */
  const writes = (c: Coding) => [
    (who: SessionUser) => createTag(who, { callId: c.call.id, name: "new tag", description: "" }),
    (who: SessionUser) => updateTag(who, { tagId: c.tag.id, name: "renamed", description: "" }),
    (who: SessionUser) => setResponseTag(who, { responseId: c.response.id, tagId: c.tag.id }, true),
    (who: SessionUser) =>
      createExcerpt(who, {
        responseId: c.response.id,
        questionId: c.question.id,
        start: 0,
        end: 17,
        quote: "Capacity building",
        note: "",
        tagIds: [],
      }),
    (who: SessionUser) =>
      createExcerptFromQuote(who, {
        responseId: c.response.id,
        questionId: c.question.id,
        quote: "our region",
        note: "",
        tagIds: [],
      }),
    (who: SessionUser) => updateExcerpt(who, { excerptId: c.excerpt.id, note: "A note.", tagIds: [] }),
    (who: SessionUser) => deleteExcerpt(who, c.excerpt.id),
    (who: SessionUser) => deleteTag(who, c.tag.id),
    (who: SessionUser) => clusterCall(who, c.call.id),
  ];
  /** The same writes on ids that do not exist. */
  const unknownCoding = {
    call: { id: UNKNOWN },
    question: { id: UNKNOWN },
    response: { id: UNKNOWN },
    tag: { id: UNKNOWN },
    excerpt: { id: UNKNOWN },
  } as unknown as Coding;
  const reads = (c: Coding) => [
    (who: SessionUser) => getCallForCoding(who, c.call.id),
    (who: SessionUser) => listTags(who, c.call.id),
    (who: SessionUser) => listExcerpts(who, c.call.id),
    (who: SessionUser) => tagFrequency(who, c.call.id),
    (who: SessionUser) => listResponsesForCoding(who, c.call.id),
    (who: SessionUser) => getResponseForCuration(who, c.response.id),
    (who: SessionUser) => getCampaigns(who, c.call.id),
  ];

  it("lets a facilitator of A make every curation change in A", async () => {
    const a = await coding(forumA);
    for (const run of writes(a)) expect(await outcome(run(facilitator))).toBe("allowed");
    expect(await db.tag.findMany({ where: { callId: a.call.id }, select: { name: true } })).toEqual([{ name: "new tag" }]);
    expect(await db.excerpt.count({ where: { responseId: a.response.id } })).toBe(2);
    expect((await db.call.findUniqueOrThrow({ where: { id: a.call.id }, select: { clusteredAt: true } })).clusteredAt).not.toBe(
      null,
    );
  });

  it("lets an observer of A read the coding, the campaigns and a whole response, with the forum to hide the forms", async () => {
    const a = await coding(forumA);
    for (const run of reads(a)) expect(await outcome(run(observer))).toBe("allowed");
    expect((await getCallForCoding(observer, a.call.id)).forumId).toBe(forumA);
    expect((await getCampaigns(observer, a.call.id)).call.forumId).toBe(forumA);
    const response = await getResponseForCuration(observer, a.response.id);
    expect(response.call.forumId).toBe(forumA);
    expect(response.questions[0]!.excerpts.map((e) => e.id)).toEqual([a.excerpt.id]);
    expect((await listTags(observer, a.call.id)).map((t) => t.name)).toEqual(["capacity building"]);
  });

  it("refuses every curation change of an observer of A, changing nothing", async () => {
    const a = await coding(forumA);
    await refusedUnchanged(
      a.call.id,
      "forbidden:forbidden",
      writes(a).map((run) => () => run(observer)),
    );
  });

  it("refuses forum B's calls, tags, responses and excerpts to A's people exactly as unknown ids, changing nothing", async () => {
    const b = await coding();
    const unknownCodes = await Promise.all(writes(unknownCoding).map((run) => outcome(run(facilitator))));
    expect(unknownCodes).toEqual([
      "not_found:callNotFound",
      "not_found:tagNotFound",
      "not_found:responseNotFound",
      "not_found:responseNotFound",
      "not_found:responseNotFound",
      "not_found:excerptNotFound",
      "not_found:excerptNotFound",
      "not_found:tagNotFound",
      "not_found:notFound",
    ]);
    for (const who of [facilitator, observer]) {
      const writeAsUnknown = (index: number) => outcome(writes(unknownCoding)[index]!(who));
      await refusedUnchanged(
        b.call.id,
        writeAsUnknown,
        writes(b).map((run) => () => run(who)),
      );
      const readAsUnknown = (index: number) => outcome(reads(unknownCoding)[index]!(who));
      expect(await readAsUnknown(0)).toBe("not_found:callNotFound");
      expect(await readAsUnknown(5)).toBe("not_found:responseNotFound");
      expect(await readAsUnknown(6)).toBe("not_found:notFound");
      await refusedUnchanged(
        b.call.id,
        readAsUnknown,
        reads(b).map((run) => () => run(who)),
      );
    }
  });

  it("still lets a platform administrator and the global moderator curate in every forum", async () => {
    const b = await coding();
    for (const role of ["ADMIN", "MODERATOR"] as const) {
      const who = await actor(role);
      expect(await outcome(updateTag(who, { tagId: b.tag.id, name: `by ${role}`, description: "" }))).toBe("allowed");
      expect(await outcome(getResponseForCuration(who, b.response.id))).toBe("allowed");
    }
  });
});
