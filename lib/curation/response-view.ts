// One response as moderators curate it: what it says, who wrote it and in whose name it is filed (the
// account's name and email, organisation, group, region, country, consent: lib/moderation/author.ts), where
// it stands, its tags and its excerpts. Drafts stay private to their author (not found here). Whoever
// may read every detail of the forum's responses ("responses.readAll": its observers too); the forumId tells
// the page whether to show the curation forms.
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { RESPONSE_AUTHOR_SELECT, responseAuthorOf } from "@/lib/moderation/author";
import type { Curator } from "./access";
import { listExcerpts } from "./excerpt-list";
import { CURATION_LIMITS } from "./schemas";

export async function getResponseForCuration(actor: Curator, responseId: string) {
  authorizeIn(actor, "responses.readAll", await forumOf(db, "response", responseId), "responseNotFound");
  const response = await db.response.findFirst({
    where: { id: responseId, status: { not: "DRAFT" } },
    select: {
      id: true,
      reference: true,
      status: true,
      moderationState: true,
      version: true,
      submittedAt: true,
      language: true,
      // consent, stakeholderGroup and region among them, which the page shows as before.
      ...RESPONSE_AUTHOR_SELECT,
      call: {
        select: {
          id: true,
          forumId: true,
          title: true,
          questions: { orderBy: { position: "asc" }, select: { id: true, position: true, prompt: true } },
          tags: { orderBy: { name: "asc" }, select: { id: true, name: true } },
        },
      },
      answers: { select: { questionId: true, text: true, choices: true } },
      tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { id: true, name: true } } } },
    },
  });
  if (!response) throw NotFound("responseNotFound");
  const excerpts = await listExcerpts(actor, response.call.id, { responseId: response.id });
  const { call, answers, tags, author, country, organisation, onBehalfOf, ...rest } = response;
  const answerOf = new Map(answers.map((a) => [a.questionId, a]));
  return {
    ...rest,
    author: responseAuthorOf({ ...rest, author, country, organisation, onBehalfOf }),
    call: { id: call.id, forumId: call.forumId, title: call.title, tags: call.tags },
    tags: tags.map((t) => t.tag),
    questions: call.questions.map((q) => ({
      ...q,
      text: answerOf.get(q.id)?.text ?? "",
      choices: answerOf.get(q.id)?.choices ?? [],
      excerpts: excerpts.filter((e) => e.question.id === q.id),
    })),
  };
}

export type CurationResponse = Awaited<ReturnType<typeof getResponseForCuration>>;

/** The submitted responses of a call, by reference, with how many tags and excerpts each has so far. */
export async function listResponsesForCoding(actor: Curator, callId: string) {
  authorizeIn(actor, "forum.read", await forumOf(db, "call", callId), "callNotFound");
  const rows = await db.response.findMany({
    where: { callId, status: "SUBMITTED" },
    orderBy: { reference: "asc" },
    take: CURATION_LIMITS.listLimit,
    select: {
      id: true,
      reference: true,
      stakeholderGroup: true,
      region: true,
      _count: { select: { tags: true, excerpts: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, tagCount: _count.tags, excerptCount: _count.excerpts }));
}
