// Factories for moderation tests: a call with its moderation settings, a submitted response in a given
// moderation state, and reports. Built on prisma/factories.ts; plain select-limited results.
import type { ModerationMode, ModerationState, ReportReason } from "@/lib/generated/prisma/enums";
import { createCall, createQuestion, createResponse, createUser, type DbClient } from "./factories";

/** A published, open call with one long-text question and the given moderation settings. */
export async function createModeratedCall(
  client: DbClient,
  { moderationMode = "POST", reportThreshold = 3 }: { moderationMode?: ModerationMode; reportThreshold?: number } = {},
) {
  const call = await createCall(client);
  const question = await createQuestion(client, { callId: call.id, prompt: "How does your community handle incidents?" });
  await client.call.update({ where: { id: call.id }, data: { moderationMode, reportThreshold }, select: { id: true } });
  return { ...call, moderationMode, reportThreshold, questionId: question.id };
}

/** A submitted response by a new author, published with the name by default, in the given moderation state. */
export async function createModeratedResponse(
  client: DbClient,
  { callId, questionId, text = "We run monthly security clinics for local newsrooms.", moderationState = "PUBLISHED" }:
    { callId: string; questionId: string; text?: string; moderationState?: ModerationState },
) {
  const author = await createUser(client);
  const response = await createResponse(client, {
    callId, authorId: author.id, status: "SUBMITTED", answers: [{ questionId, text }],
  });
  await client.response.update({
    where: { id: response.id },
    data: {
      moderationState,
      ...(moderationState === "HIDDEN" && { hiddenReason: "Contains a private phone number.", hiddenAt: new Date() }),
    },
    select: { id: true },
  });
  return { id: response.id, reference: response.reference, authorId: author.id, authorEmail: author.email };
}

/** Open reports of a response by new users. */
export async function createReports(client: DbClient, responseId: string, count: number, reason: ReportReason = "SPAM") {
  for (let i = 0; i < count; i++) {
    const reporter = await createUser(client);
    await client.report.create({ data: { responseId, reporterId: reporter.id, reason }, select: { id: true } });
  }
}
