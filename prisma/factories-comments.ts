// Factories for public comment tests and the demo: a message set whose published version 1 has a comment
// period (open, upcoming, closed or none), with a working copy of the same paragraphs (so the real editing
// functions can make version 2), and comments written directly.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ModerationMode, ModerationState, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { VersionContent } from "@/lib/messages/content";
import { createCall, createUser, uniqueSuffix } from "./factories";
import type { DbClient } from "@/lib/db";

const DAY = 24 * 60 * 60 * 1000;
export type PeriodKind = "open" | "upcoming" | "closed" | "none";

export function periodOf(kind: PeriodKind, now = Date.now()) {
  if (kind === "none") return { commentOpensAt: null, commentClosesAt: null };
  if (kind === "upcoming") return { commentOpensAt: new Date(now + 2 * DAY), commentClosesAt: new Date(now + 16 * DAY) };
  if (kind === "closed") return { commentOpensAt: new Date(now - 16 * DAY), commentClosesAt: new Date(now - DAY) };
  return { commentOpensAt: new Date(now - 3 * DAY), commentClosesAt: new Date(now + 14 * DAY) };
}

const BODIES = [
  "Norms of responsible behaviour take hold when the people who must apply them help to shape them early.",
  "Commitments without follow-up cost nothing to break: reporting on them should be public and independent.",
  "The security of infrastructure should be kept clearly apart from the regulation of content.",
  "Capacity building should reach incident responders outside capital cities, in local languages.",
];

/** A published set (version 1 published now, with the period asked for) with `paragraphs` numbered paragraphs. */
export async function createCommentableSet(
  client: DbClient,
  overrides: {
    period?: PeriodKind;
    moderationMode?: ModerationMode;
    reportThreshold?: number;
    paragraphs?: number;
    title?: string;
    opensAt?: Date;
    closesAt?: Date;
  } = {},
) {
  const suffix = uniqueSuffix();
  const call = await createCall(client);
  await client.call.update({
    where: { id: call.id },
    data: { moderationMode: overrides.moderationMode ?? "POST", reportThreshold: overrides.reportThreshold ?? 3 },
    select: { id: true },
  });
  const set = await client.messageSet.create({
    data: {
      callId: call.id,
      slug: `comment-test-${suffix}`,
      status: "PUBLISHED",
      title: overrides.title ?? `Draft messages for comment ${suffix}`,
      introduction: "Draft messages compiled from the responses, open for public comment.",
    },
    select: { id: true, slug: true, title: true },
  });
  const section = await client.messageSection.create({
    data: { setId: set.id, position: 1, heading: "Policy and Cooperation" },
    select: { id: true },
  });
  const paragraphIds: string[] = [];
  const content: VersionContent = [{ sectionId: section.id, heading: "Policy and Cooperation", paragraphs: [] }];
  for (let index = 0; index < (overrides.paragraphs ?? 4); index++) {
    const body = `${BODIES[index % BODIES.length]} (${suffix}-${index + 1})`;
    const paragraph = await client.messageParagraph.create({
      data: { setId: set.id, sectionId: section.id, position: index + 1, body },
      select: { id: true },
    });
    paragraphIds.push(paragraph.id);
    content[0]!.paragraphs.push({ paragraphId: paragraph.id, body, origins: [], citations: [] });
  }
  const period =
    overrides.opensAt && overrides.closesAt
      ? { commentOpensAt: overrides.opensAt, commentClosesAt: overrides.closesAt }
      : periodOf(overrides.period ?? "open");
  const version = await client.messageSetVersion.create({
    data: {
      setId: set.id,
      number: 1,
      summary: "Draft for public comment",
      content: content as Prisma.InputJsonValue,
      title: set.title,
      introduction: "Draft messages compiled from the responses, open for public comment.",
      publishedAt: new Date(Date.now() - 4 * DAY),
      ...period,
    },
    select: { id: true, number: true, commentOpensAt: true, commentClosesAt: true },
  });
  return { call, set, sectionId: section.id, version, paragraphIds };
}

/** A comment written directly (no rules checked): for reading, moderation and report tests. */
export async function createComment(
  client: DbClient,
  overrides: {
    setId: string;
    versionId: string;
    paragraphId?: string | null;
    parentId?: string | null;
    authorId?: string | null;
    body?: string;
    anonymous?: boolean;
    moderationState?: ModerationState;
    stakeholderGroup?: StakeholderGroup;
    region?: UnRegion;
    createdAt?: Date;
  },
) {
  const authorId =
    overrides.authorId === undefined
      ? (
          await createUser(client, {
            profile: { stakeholderGroup: overrides.stakeholderGroup ?? "CIVIL_SOCIETY", region: overrides.region ?? "AFRICA" },
          })
        ).id
      : overrides.authorId;
  return client.comment.create({
    data: {
      setId: overrides.setId,
      versionId: overrides.versionId,
      paragraphId: overrides.paragraphId ?? null,
      parentId: overrides.parentId ?? null,
      authorId,
      body: overrides.body ?? `A comment on the draft (${uniqueSuffix()}).`,
      anonymous: overrides.anonymous ?? false,
      stakeholderGroup: overrides.stakeholderGroup ?? "CIVIL_SOCIETY",
      region: overrides.region ?? "AFRICA",
      moderationState: overrides.moderationState ?? "PUBLISHED",
      createdAt: overrides.createdAt,
    },
    select: { id: true, authorId: true, paragraphId: true, moderationState: true },
  });
}
