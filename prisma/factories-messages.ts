// Factories for message compilation tests and the demo: a submitted response from a stakeholder of a given
// group and region, and an excerpt of one answer (written directly: the curation tools are another module).
import type { Consent, ModerationState, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { createQuestion, createResponse, createUser } from "./factories";
import type { DbClient } from "@/lib/db";

/** A SUBMITTED response to the call's first question (created when the call has none). */
export async function createSourceResponse(
  client: DbClient,
  overrides: {
    callId: string;
    stakeholderGroup?: StakeholderGroup;
    region?: UnRegion;
    consent?: Consent;
    moderationState?: ModerationState;
    text?: string;
  },
) {
  const question =
    (await client.question.findFirst({
      where: { callId: overrides.callId },
      orderBy: { position: "asc" },
      select: { id: true },
    })) ?? (await createQuestion(client, { callId: overrides.callId }));
  const author = await createUser(client, {
    profile: { stakeholderGroup: overrides.stakeholderGroup ?? "CIVIL_SOCIETY", region: overrides.region ?? "AFRICA" },
  });
  const response = await createResponse(client, {
    callId: overrides.callId,
    authorId: author.id,
    status: "SUBMITTED",
    consent: overrides.consent ?? "PUBLISH_NAMED",
    answers: [{ questionId: question.id, text: overrides.text ?? "Capacity building must reach small CERTs in every region." }],
  });
  if (overrides.moderationState && overrides.moderationState !== "PUBLISHED")
    await client.response.update({
      where: { id: response.id },
      data: { moderationState: overrides.moderationState },
      select: { id: true },
    });
  return { ...response, questionId: question.id, reference: response.reference! };
}

/** An excerpt of a response's answer: the first `length` characters unless `quote` is given. */
export async function createExcerpt(
  client: DbClient,
  overrides: { responseId: string; questionId: string; quote?: string; note?: string; tags?: string[]; createdById?: string },
) {
  const answer = await client.answer.findUniqueOrThrow({
    where: { responseId_questionId: { responseId: overrides.responseId, questionId: overrides.questionId } },
    select: { text: true, response: { select: { callId: true, version: true } } },
  });
  const quote = overrides.quote ?? answer.text.slice(0, 80);
  const start = Math.max(0, answer.text.indexOf(quote));
  const excerpt = await client.excerpt.create({
    data: {
      responseId: overrides.responseId,
      questionId: overrides.questionId,
      start,
      end: start + quote.length,
      quote,
      note: overrides.note ?? "",
      sourceVersion: answer.response.version,
      createdById: overrides.createdById ?? null,
    },
    select: { id: true, quote: true, responseId: true },
  });
  for (const name of overrides.tags ?? []) {
    const tag = await client.tag.upsert({
      where: { callId_name: { callId: answer.response.callId, name } },
      create: { callId: answer.response.callId, name },
      update: {},
      select: { id: true },
    });
    await client.excerptTag.create({ data: { excerptId: excerpt.id, tagId: tag.id } });
  }
  return excerpt;
}
