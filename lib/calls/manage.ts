// Facilitators create, edit, publish and unpublish the calls of their forums (observers read them). Once a call has a submitted or withdrawn response,
// its questions are frozen: a change of wording, type, options, limits or order would silently change what
// earlier respondents answered, so it is refused (help texts may still be clarified). The call row is locked
// for the check, so a first submission (which updates the call's receipt counter) cannot slip in between.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { forumOf } from "@/lib/auth/forum-of";
import { authorize, authorizeIn, can, forumScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, Forbidden, Invalid, isUniqueViolation, NotFound, onField, type PlainCode } from "@/lib/errors";
import type { ResponseStatus } from "@/lib/generated/prisma/enums";
import { hideAllOverThreshold } from "@/lib/moderation/kinds";
import type { DbClient } from "@/lib/db";
import { checkRevision, nextRevision } from "@/lib/edits/revision";
import { flattenValues } from "./form-data";
import { callFormValues } from "./form-values";
import { questionInputSchema, type CallInput, type QuestionInput } from "./schemas";
import { callStatus } from "./status";

const questionSelect = {
  id: true,
  position: true,
  prompt: true,
  helpText: true,
  type: true,
  required: true,
  minLength: true,
  maxLength: true,
  options: true,
  maxChoices: true,
} as const;

const editSelect = {
  id: true,
  revision: true,
  forumId: true,
  slug: true,
  title: true,
  introduction: true,
  thematicTrack: true,
  timeZone: true,
  opensAt: true,
  closesAt: true,
  publishedAt: true,
  referencePrefix: true,
  moderationMode: true,
  reportThreshold: true,
  questions: { orderBy: { position: "asc" }, select: questionSelect },
  glossary: { orderBy: { position: "asc" }, select: { id: true, position: true, term: true, definition: true } },
} as const;

/** Responses that fix a call's questions: submitted ones, and withdrawn ones (they were submitted). */
const LOCKING = { status: { in: ["SUBMITTED", "WITHDRAWN"] as ResponseStatus[] } };

/** The forums the actor may create calls in and move calls to: the editor's choice of forum. */
export async function listForums(actor: SessionUser) {
  authorize(actor, "calls.manage");
  const scope = forumScope(actor, "calls.manage");
  return db.forum.findMany({
    where: scope === "all" ? {} : { id: { in: scope } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * A call with its questions and glossary, its status and whether its questions are frozen. Its forum's
 * observers may read it too (the page then shows it without its controls: `can(actor, "calls.manage", forumId)`).
 */
export async function getCallForEditing(actor: SessionUser, callId: string, now = new Date()) {
  authorizeIn(actor, "forum.read", await forumOf(db, "call", callId), "callNotFound");
  const call = await db.call.findUnique({
    where: { id: callId },
    select: { ...editSelect, forum: { select: { name: true } }, _count: { select: { responses: true } } },
  });
  if (!call) throw NotFound("callNotFound");
  const locking = await db.response.count({ where: { callId, ...LOCKING } });
  const { _count, forum, ...rest } = call;
  return {
    ...rest,
    forumName: forum.name,
    status: callStatus(call, now),
    responseCount: _count.responses,
    questionsLocked: locking > 0,
  };
}

const sameMinute = (a: Date, b: Date) => Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000);

function fieldConflict(code: PlainCode, field: string) {
  return onField(Conflict(code), field);
}

/** What a question asks, for comparison: everything but its help text (JSON drops the undefined). */
const meaningOf = (question: QuestionInput) => JSON.stringify({ ...question, helpText: undefined });

/** The question as the editor would send it back unchanged, normalised by the same schema. */
function normalised(question: Omit<QuestionInput, "questionId"> & { id: string }) {
  const parsed = questionInputSchema.parse({ ...question, questionId: question.id, options: question.options.join("\n") });
  return meaningOf(parsed);
}

function questionsChanged(stored: (QuestionInput & { id: string })[], input: QuestionInput[]) {
  if (stored.length !== input.length) return true;
  return input.some((question, index) => {
    return normalised(stored[index]!) !== meaningOf(question);
  });
}

const callData = (input: Omit<CallInput, "questions" | "glossary">) => ({
  forumId: input.forumId,
  slug: input.slug,
  title: input.title,
  introduction: input.introduction,
  thematicTrack: input.thematicTrack,
  timeZone: input.timeZone,
  opensAt: input.opensAt,
  closesAt: input.closesAt,
  referencePrefix: input.referencePrefix,
  moderationMode: input.moderationMode,
  reportThreshold: input.reportThreshold,
});

const actorOf = (actor: SessionUser) => ({ id: actor.id, role: actor.role });

/** The call's own fields as the audit log keeps them (questions are summarised by their count). */
const auditedCall = (call: ReturnType<typeof callData> & { questions: number; glossary: number }) => ({
  ...call,
  opensAt: call.opensAt.toISOString(),
  closesAt: call.closesAt.toISOString(),
});

/** Only what changed, before and after. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
}

const questionData = (q: QuestionInput) => ({
  prompt: q.prompt,
  helpText: q.helpText,
  type: q.type,
  required: q.required,
  minLength: q.minLength,
  maxLength: q.maxLength,
  options: q.options,
  maxChoices: q.maxChoices,
});

/**
 * The forum a call is created in or moved to: one the actor may manage calls in. A forum the actor has no
 * part in is refused exactly as an unknown one; its observer is Forbidden (as authorizeIn does).
 */
async function requireManagedForum(client: DbClient, actor: SessionUser, forumId: string) {
  const forum = await client.forum.findUnique({ where: { id: forumId }, select: { id: true } });
  if (!forum || !can(actor, "forum.read", forum.id)) throw onField(NotFound("forumNotFound"), "forumId");
  if (!can(actor, "calls.manage", forum.id)) throw Forbidden();
}

/**
 * Receipt numbers ("CYB26-0042") are unique across the platform and counted per call, so two calls must not
 * share a prefix. No unique index says so yet; a transaction-wide advisory lock serialises this check.
 */
async function requireFreePrefix(tx: DbClient, prefix: string, callId?: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('calls.referencePrefix'))`;
  const other = await tx.call.findFirst({
    where: { referencePrefix: prefix, ...(callId && { id: { not: callId } }) },
    select: { id: true },
  });
  if (other) throw fieldConflict("prefixTaken", "referencePrefix");
}

async function writeGlossary(tx: DbClient, callId: string, input: CallInput) {
  await tx.glossaryTerm.deleteMany({ where: { callId } });
  if (input.glossary.length)
    await tx.glossaryTerm.createMany({ data: input.glossary.map((term, index) => ({ callId, position: index + 1, ...term })) });
}

/** Turns a duplicate slug into a message on the slug field; everything else passes through. */
async function slugConflictAware<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldConflict("slugTaken", "slug");
    throw error;
  }
}

export async function createCall(actor: SessionUser, input: CallInput) {
  authorize(actor, "calls.manage");
  await requireManagedForum(db, actor, input.forumId);
  if (input.questions.some((q) => q.questionId)) throw Invalid("invalid", { questions: ["questionsChanged"] });
  return slugConflictAware(() =>
    db.$transaction(async (tx) => {
      await requireFreePrefix(tx, input.referencePrefix);
      const call = await tx.call.create({ data: { ...callData(input), publishedAt: null }, select: { id: true, slug: true } });
      if (input.questions.length)
        await tx.question.createMany({
          data: input.questions.map((q, index) => ({ callId: call.id, position: index + 1, ...questionData(q) })),
        });
      await writeGlossary(tx, call.id, input);
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "call.create",
        itemType: "call",
        itemId: call.id,
        callId: call.id,
        after: auditedCall({ ...callData(input), questions: input.questions.length, glossary: input.glossary.length }),
      });
      return call;
    }),
  );
}

/**
 * Saves the call; moving it to another forum needs the right to manage calls in both. `revision`: the one the
 * editor was opened at; a save from an older one is refused with the stored call (lib/edits/revision.ts).
 */
export async function updateCall(actor: SessionUser, callId: string, input: CallInput & { revision?: number }) {
  authorize(actor, "calls.manage");
  return slugConflictAware(() =>
    db.$transaction(async (tx) => {
      authorizeIn(actor, "calls.manage", await forumOf(tx, "call", callId), "callNotFound");
      // Held until commit: a first submission updates this row too, so it waits for (or precedes) this check.
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM calls WHERE id = ${callId} FOR UPDATE`;
      if (!locked) throw NotFound("callNotFound");
      const before = await tx.call.findUniqueOrThrow({ where: { id: callId }, select: editSelect });
      await checkRevision(tx, { type: "call", id: callId, revision: before.revision }, input.revision, () =>
        flattenValues(callFormValues(before)),
      );
      if (input.forumId !== before.forumId) await requireManagedForum(tx, actor, input.forumId);
      const stored = before.questions;
      const storedIds = new Set(stored.map((q) => q.id));
      if (input.questions.some((q) => q.questionId && !storedIds.has(q.questionId)))
        throw Invalid("invalid", { questions: ["questionsChanged"] });

      // The editor works in whole minutes: a time left as it was keeps its stored seconds.
      const opensAt = sameMinute(input.opensAt, before.opensAt) ? before.opensAt : input.opensAt;
      const closesAt = sameMinute(input.closesAt, before.closesAt) ? before.closesAt : input.closesAt;
      const frozen = (await tx.response.count({ where: { callId, ...LOCKING } })) > 0;
      if (frozen) {
        const storedInputs = stored.map((q) => ({ ...q, questionId: q.id }));
        if (questionsChanged(storedInputs, input.questions)) throw Conflict("questionsLocked");
        // What respondents relied on stays: where, when it opened, in which zone, and receipt numbers.
        const same = (a: unknown, b: unknown) => String(a) === String(b);
        if (opensAt !== before.opensAt) throw fieldConflict("opensLocked", "opensAt");
        if (!same(before.timeZone, input.timeZone)) throw fieldConflict("timeZoneLocked", "timeZone");
        if (!same(before.slug, input.slug)) throw fieldConflict("slugLocked", "slug");
        if (!same(before.referencePrefix, input.referencePrefix)) throw fieldConflict("prefixLocked", "referencePrefix");
        if (!same(before.forumId, input.forumId)) throw fieldConflict("forumLocked", "forumId");
        if (closesAt < before.closesAt) throw fieldConflict("closesOnlyLater", "closesAt");
      }
      if (input.referencePrefix !== before.referencePrefix) await requireFreePrefix(tx, input.referencePrefix, callId);

      await tx.call.update({
        where: { id: callId },
        data: { ...callData(input), opensAt, closesAt, ...nextRevision },
        select: { id: true },
      });
      if (frozen) {
        for (const q of input.questions)
          await tx.question.update({ where: { id: q.questionId! }, data: { helpText: q.helpText }, select: { id: true } });
      } else {
        const keep = new Set(input.questions.map((q) => q.questionId).filter(Boolean));
        // Removed questions go (with any draft answers to them: nobody has submitted yet).
        await tx.question.deleteMany({ where: { callId, id: { notIn: [...keep] as string[] } } });
        // Move the kept questions out of the way of the (callId, position) key before renumbering.
        await tx.$executeRaw`UPDATE questions SET position = position + 100000 WHERE "callId" = ${callId}`;
        for (const [index, q] of input.questions.entries()) {
          const data = { position: index + 1, ...questionData(q) };
          if (q.questionId) await tx.question.update({ where: { id: q.questionId }, data, select: { id: true } });
          else await tx.question.create({ data: { callId, ...data }, select: { id: true } });
        }
      }
      await writeGlossary(tx, callId, input);
      if (input.reportThreshold < before.reportThreshold) await hideAllOverThreshold(tx, callId, input.reportThreshold);
      const { before: was, after: now } = changedFields(
        auditedCall({ ...callData(before), questions: stored.length, glossary: before.glossary.length }),
        auditedCall({
          ...callData(input),
          opensAt,
          closesAt,
          questions: input.questions.length,
          glossary: input.glossary.length,
        }),
      );
      // Question wording is compared whole: the entry says they changed, the versions of the editor say how.
      const questionsEdited =
        !frozen &&
        questionsChanged(
          stored.map((q) => ({ ...q, questionId: q.id })),
          input.questions,
        );
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "call.update",
        itemType: "call",
        itemId: callId,
        callId,
        before: { ...was, ...(questionsEdited && { questionsEdited: false }) },
        after: { ...now, ...(questionsEdited && { questionsEdited: true }) },
      });
      return { id: callId, slug: input.slug };
    }),
  );
}

/** Publishing makes the call visible; it opens and closes by its times. A call needs questions first. */
export async function publishCall(actor: SessionUser, callId: string, now = new Date()) {
  authorize(actor, "calls.manage");
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "calls.manage", await forumOf(tx, "call", callId), "callNotFound");
    const call = await tx.call.findUnique({
      where: { id: callId },
      select: { publishedAt: true, closesAt: true, _count: { select: { questions: true } } },
    });
    if (!call) throw NotFound("callNotFound");
    if (call.publishedAt) return { id: callId, publishedAt: call.publishedAt };
    if (call._count.questions === 0) throw Conflict("noQuestions");
    if (call.closesAt <= now) throw Conflict("closesInPast");
    const published = await tx.call.update({
      where: { id: callId },
      data: { publishedAt: now },
      select: { id: true, publishedAt: true },
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: "call.publish",
      itemType: "call",
      itemId: callId,
      callId,
      before: { publishedAt: null },
      after: { publishedAt: now.toISOString() },
    });
    return published;
  });
}

/** Back to draft, only while nobody has started a response (a draft response counts). */
export async function unpublishCall(actor: SessionUser, callId: string) {
  authorize(actor, "calls.manage");
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "calls.manage", await forumOf(tx, "call", callId), "callNotFound");
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM calls WHERE id = ${callId} FOR UPDATE`;
    if (!locked) throw NotFound("callNotFound");
    if ((await tx.response.count({ where: { callId } })) > 0) throw Conflict("hasResponses");
    const before = await tx.call.findUniqueOrThrow({ where: { id: callId }, select: { publishedAt: true } });
    const call = await tx.call.update({
      where: { id: callId },
      data: { publishedAt: null },
      select: { id: true, publishedAt: true },
    });
    if (before.publishedAt)
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: "call.unpublish",
        itemType: "call",
        itemId: callId,
        callId,
        before: { publishedAt: before.publishedAt.toISOString() },
        after: { publishedAt: null },
      });
    return call;
  });
}
