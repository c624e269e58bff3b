// Factories for the notification tests: a call with people who responded to it and people who follow it,
// a message set with a version published for comment, and comments written directly (the comments module
// has its own tests).
import type { CommentDisposition, ModerationState } from "@/lib/generated/prisma/enums";
import { createCall, createResponse, createUser, uniqueSuffix } from "./factories";
import type { DbClient } from "@/lib/db";
import { createSourceResponse } from "./factories-messages";

const HOUR = 60 * 60 * 1000;

export async function followCall(client: DbClient, userId: string, callId: string) {
  await client.callFollow.create({ data: { userId, callId }, select: { userId: true } });
}

/**
 * A call (Geneva time) with two responders, one of whom also follows it, one more follower, and an author
 * of a draft response (not a responder); a set of messages on it with version 1 published and open for
 * comment from an hour ago for 14 days.
 */
export async function createNotificationScenario(client: DbClient, overrides: { setTitle?: string } = {}) {
  const call = await createCall(client, { timeZone: "Europe/Zurich" });
  const [first, second] = [
    await createSourceResponse(client, { callId: call.id }),
    await createSourceResponse(client, { callId: call.id }),
  ];
  const follower = await createUser(client);
  const drafter = await createUser(client);
  await createResponse(client, { callId: call.id, authorId: drafter.id, status: "DRAFT" });
  await followCall(client, follower.id, call.id);
  await followCall(client, second.authorId!, call.id);
  const suffix = uniqueSuffix();
  const title = overrides.setTitle ?? `Messages on resilience ${suffix}`;
  const set = await client.messageSet.create({
    data: { callId: call.id, slug: `test-notify-${suffix}`, title, status: "PUBLISHED" },
    select: { id: true, slug: true, title: true },
  });
  const opensAt = new Date(Date.now() - HOUR);
  const version = await client.messageSetVersion.create({
    data: {
      setId: set.id,
      number: 1,
      title,
      introduction: "",
      content: [],
      publishedAt: opensAt,
      commentOpensAt: opensAt,
      commentClosesAt: new Date(opensAt.getTime() + 14 * 24 * HOUR),
    },
    select: { id: true, number: true, commentOpensAt: true, commentClosesAt: true },
  });
  return {
    call,
    set,
    version,
    follower,
    drafter,
    responders: [first.authorId!, second.authorId!],
    userIds: [first.authorId!, second.authorId!, follower.id, drafter.id],
  };
}

/** A comment (published) on a paragraph, or on the whole set without `paragraphId`; a reply with `parentId`. */
export async function createComment(
  client: DbClient,
  overrides: {
    setId: string;
    versionId: string;
    authorId: string | null;
    parentId?: string;
    paragraphId?: string | null;
    body?: string;
    anonymous?: boolean;
    moderationState?: ModerationState;
    disposition?: CommentDisposition;
    dispositionReason?: string;
    answer?: string;
    answeredAt?: Date;
  },
) {
  return client.comment.create({
    data: {
      setId: overrides.setId,
      versionId: overrides.versionId,
      authorId: overrides.authorId,
      parentId: overrides.parentId ?? null,
      paragraphId: overrides.paragraphId ?? null,
      body: overrides.body ?? `Small CERTs need funding as well as training. (${uniqueSuffix()})`,
      anonymous: overrides.anonymous ?? false,
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "AFRICA",
      moderationState: overrides.moderationState ?? "PUBLISHED",
      disposition: overrides.disposition ?? null,
      dispositionReason: overrides.dispositionReason ?? null,
      answer: overrides.answer ?? null,
      answeredAt: overrides.answeredAt ?? null,
    },
    select: { id: true, authorId: true, paragraphId: true, body: true },
  });
}
