// Excerpts: a passage of one answer that a moderator saves with tags and a note. The server checks the
// quote against the answer's CURRENT text at the given offsets (UTF-16 code units, as the browser counts
// them) while holding the response row, so a passage that no longer reads as selected is refused and nothing
// is saved. Later edits by the author never touch an excerpt: it keeps its quote and `sourceVersion`, and
// `excerptStatus` says on reading whether the source still matches. Every change needs "responses.curate"
// in the forum of the response.
import "server-only";
import { checkRevision, nextRevision } from "@/lib/edits/revision";
import { recordAudit } from "@/lib/audit/record";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import type { DbClient } from "@/lib/db";
import { auditActor, lockSubmittedResponse, requireTagsOfCall, type Curator } from "./access";
import { findQuote } from "./excerpt-status";
import type { ExcerptInput, ExcerptPaste, ExcerptUpdate } from "./schemas";

export { listExcerpts, type ExcerptListItem } from "./excerpt-list";

const excerptSelect = {
  id: true,
  responseId: true,
  questionId: true,
  start: true,
  end: true,
  quote: true,
  note: true,
  sourceVersion: true,
  revision: true,
} as const;

async function answerText(tx: DbClient, responseId: string, questionId: string) {
  const answer = await tx.answer.findUnique({
    where: { responseId_questionId: { responseId, questionId } },
    select: { text: true },
  });
  if (!answer || !answer.text) throw Invalid("noAnswerText", { questionId: ["noAnswerText"] });
  return answer.text;
}

type Placed = Omit<ExcerptInput, "start" | "end"> & { locate: (text: string) => { start: number; end: number } };

async function saveExcerpt(actor: Curator, input: Placed) {
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "responses.curate", await forumOf(tx, "response", input.responseId), "responseNotFound");
    const response = await lockSubmittedResponse(tx, input.responseId);
    const text = await answerText(tx, response.id, input.questionId);
    const { start, end } = input.locate(text);
    const tagIds = await requireTagsOfCall(tx, response.callId, input.tagIds);
    const excerpt = await tx.excerpt.create({
      data: {
        responseId: response.id,
        questionId: input.questionId,
        start,
        end,
        quote: input.quote,
        note: input.note,
        sourceVersion: response.version,
        createdById: actor.id,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
      select: excerptSelect,
    });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "excerpt.create",
      itemType: "excerpt",
      itemId: excerpt.id,
      callId: response.callId,
      after: {
        responseId: excerpt.responseId,
        questionId: excerpt.questionId,
        start,
        end,
        quote: excerpt.quote,
        note: excerpt.note,
        sourceVersion: excerpt.sourceVersion,
        tagIds,
      },
    });
    return { ...excerpt, tagIds };
  });
}

/** From a selection: refused unless the answer's current text at [start, end) is exactly `quote`. */
export function createExcerpt(actor: Curator, input: ExcerptInput) {
  return saveExcerpt(actor, {
    ...input,
    locate: (text) => {
      if (text.slice(input.start, input.end) !== input.quote) throw Conflict("excerptStale");
      return { start: input.start, end: input.end };
    },
  });
}

/** Without JavaScript: the pasted quote's first occurrence in the answer, or a refusal. */
export function createExcerptFromQuote(actor: Curator, input: ExcerptPaste) {
  return saveExcerpt(actor, {
    ...input,
    locate: (text) => {
      const found = findQuote(text, input.quote);
      if (!found) throw Invalid("quoteNotFound", { quote: ["quoteNotFound"] });
      return found;
    },
  });
}

async function findExcerpt(tx: DbClient, excerptId: string) {
  const excerpt = await tx.excerpt.findUnique({
    where: { id: excerptId },
    select: {
      ...excerptSelect,
      response: { select: { callId: true } },
      tags: { select: { tagId: true, tag: { select: { name: true } } } },
    },
  });
  if (!excerpt) throw NotFound("excerptNotFound");
  return {
    ...excerpt,
    callId: excerpt.response.callId,
    tagIds: excerpt.tags.map((t) => t.tagId).sort(),
    tagNames: excerpt.tags.map((t) => t.tag.name).sort(),
  };
}

/** Changes an excerpt's note and tags; its quote and offsets never change. */
export async function updateExcerpt(actor: Curator, input: ExcerptUpdate) {
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "responses.curate", await forumOf(tx, "excerpt", input.excerptId), "excerptNotFound");
    // Held until commit: two saves of one excerpt run one after the other, the second seeing the first.
    await tx.$queryRaw`SELECT id FROM excerpts WHERE id = ${input.excerptId} FOR UPDATE`;
    const before = await findExcerpt(tx, input.excerptId);
    await checkRevision(tx, { type: "excerpt", id: before.id, revision: before.revision }, input.revision, () => ({
      note: before.note,
      tags: before.tagNames.join(", "),
    }));
    const tagIds = (await requireTagsOfCall(tx, before.callId, input.tagIds)).sort();
    await tx.excerptTag.deleteMany({ where: { excerptId: before.id } });
    if (tagIds.length) await tx.excerptTag.createMany({ data: tagIds.map((tagId) => ({ excerptId: before.id, tagId })) });
    const excerpt = await tx.excerpt.update({
      where: { id: before.id },
      data: { note: input.note, ...nextRevision },
      select: excerptSelect,
    });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "excerpt.update",
      itemType: "excerpt",
      itemId: excerpt.id,
      callId: before.callId,
      before: { note: before.note, tagIds: before.tagIds },
      after: { note: excerpt.note, tagIds },
    });
    return { ...excerpt, tagIds };
  });
}

export async function deleteExcerpt(actor: Curator, excerptId: string) {
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "responses.curate", await forumOf(tx, "excerpt", excerptId), "excerptNotFound");
    const excerpt = await findExcerpt(tx, excerptId);
    // A cited excerpt stays: draft messages rest on it (remove the citations first).
    if (await tx.citation.count({ where: { excerptId: excerpt.id } })) throw Conflict("excerptCited");
    await tx.excerpt.delete({ where: { id: excerpt.id }, select: { id: true } });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "excerpt.delete",
      itemType: "excerpt",
      itemId: excerpt.id,
      callId: excerpt.callId,
      before: {
        responseId: excerpt.responseId,
        questionId: excerpt.questionId,
        start: excerpt.start,
        end: excerpt.end,
        quote: excerpt.quote,
        note: excerpt.note,
        tagIds: excerpt.tagIds,
      },
    });
    return { id: excerpt.id, responseId: excerpt.responseId, callId: excerpt.callId };
  });
}
