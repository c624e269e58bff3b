// Factories for tags and excerpts, shared by the coding tests and the demo seed. Upserted by stable keys
// ((callId, name) for tags; (responseId, questionId, start, end) for excerpts) so the seed can run again.
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { createCall, createQuestion, createResponse, createUser, uniqueSuffix } from "./factories";
import type { DbClient } from "@/lib/db";

export async function createTag(client: DbClient, overrides: { callId: string; name?: string; description?: string }) {
  const name = overrides.name ?? `norm element ${uniqueSuffix()}`;
  const description = overrides.description ?? "";
  return client.tag.upsert({
    where: { callId_name: { callId: overrides.callId, name } },
    create: { callId: overrides.callId, name, description },
    update: { description },
    select: { id: true, callId: true, name: true },
  });
}

/** An excerpt at the first occurrence of `quote` in the answer (which must contain it), with its tags. */
export async function createExcerpt(
  client: DbClient,
  input: { responseId: string; questionId: string; quote: string; note?: string; tagIds?: string[]; createdById?: string },
) {
  const [answer, response] = await Promise.all([
    client.answer.findUniqueOrThrow({
      where: { responseId_questionId: { responseId: input.responseId, questionId: input.questionId } },
      select: { text: true },
    }),
    client.response.findUniqueOrThrow({ where: { id: input.responseId }, select: { version: true } }),
  ]);
  const start = answer.text.indexOf(input.quote);
  if (start === -1) throw new Error(`The quote is not in the answer: ${input.quote}`);
  const key = { responseId: input.responseId, questionId: input.questionId, start, end: start + input.quote.length };
  const existing = await client.excerpt.findFirst({ where: key, select: { id: true } });
  const data = { quote: input.quote, note: input.note ?? "", sourceVersion: response.version };
  const excerpt = existing
    ? await client.excerpt.update({ where: { id: existing.id }, data, select: { id: true } })
    : await client.excerpt.create({ data: { ...key, ...data, createdById: input.createdById ?? null }, select: { id: true } });
  for (const tagId of input.tagIds ?? []) {
    await client.excerptTag.upsert({
      where: { excerptId_tagId: { excerptId: excerpt.id, tagId } },
      create: { excerptId: excerpt.id, tagId },
      update: {},
    });
  }
  return { id: excerpt.id, ...key, quote: input.quote };
}

/** A call with one long-text question and a submitted response per given author profile and answer. */
export async function createCodingCall(
  client: DbClient,
  respondents: { answer: string; stakeholderGroup?: StakeholderGroup; region?: UnRegion }[],
) {
  const call = await createCall(client);
  const question = await createQuestion(client, { callId: call.id, prompt: "Which norms matter most where you work?" });
  const responses = [];
  for (const r of respondents) {
    const author = await createUser(client, {
      profile: { stakeholderGroup: r.stakeholderGroup ?? "CIVIL_SOCIETY", region: r.region ?? "AFRICA" },
    });
    const response = await createResponse(client, {
      callId: call.id,
      authorId: author.id,
      status: "SUBMITTED",
      answers: [{ questionId: question.id, text: r.answer }],
    });
    responses.push({ ...response, author });
  }
  return { call, question, responses };
}
