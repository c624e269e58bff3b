// Factories for moderation tests: a call with its moderation settings, a submitted response in a given
// moderation state, and reports. Built on prisma/factories.ts; plain select-limited results.
import type { ModerationMode, ModerationState, ReportReason } from "@/lib/generated/prisma/enums";
import { createCall, createQuestion, createResponse, createUser } from "./factories";
import type { DbClient } from "@/lib/db";

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
  {
    callId,
    questionId,
    text = "We run monthly security clinics for local newsrooms.",
    moderationState = "PUBLISHED",
  }: { callId: string; questionId: string; text?: string; moderationState?: ModerationState },
) {
  const author = await createUser(client);
  const response = await createResponse(client, {
    callId,
    authorId: author.id,
    status: "SUBMITTED",
    answers: [{ questionId, text }],
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

const DAY = 24 * 60 * 60 * 1000;

/**
 * Makes an existing user one whose reports count toward the automatic hide (lib/moderation/threshold.ts):
 * the account dates from 30 days ago and has a response submitted and published 29 days ago.
 */
export async function establishUser(client: DbClient, userId: string) {
  await client.user.update({ where: { id: userId }, data: { createdAt: new Date(Date.now() - 30 * DAY) }, select: { id: true } });
  const call = await createCall(client, { opensAt: new Date(Date.now() - 40 * DAY) });
  await createResponse(client, {
    callId: call.id,
    authorId: userId,
    status: "SUBMITTED",
    submittedAt: new Date(Date.now() - 29 * DAY),
  });
}

/** A new user made established at once (see `establishUser`). */
export async function createEstablishedUser(client: DbClient, overrides: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(client, overrides);
  await establishUser(client, user.id);
  return user;
}

/**
 * Open reports of a response, by established users whose reports count toward the automatic hide, or
 * with `counted: false` by new users whose reports only notify moderators.
 */
export async function createReports(
  client: DbClient,
  responseId: string,
  count: number,
  reason: ReportReason = "SPAM",
  { counted = true }: { counted?: boolean } = {},
) {
  for (let i = 0; i < count; i++) {
    const reporter = counted ? await createEstablishedUser(client) : await createUser(client);
    await client.report.create({
      data: { responseId, reporterId: reporter.id, reason, countsTowardHide: counted },
      select: { id: true },
    });
  }
}
