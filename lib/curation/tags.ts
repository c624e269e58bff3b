// A call's tags ("capacity building", "human rights"): moderators create, rename and delete them, and put
// them on whole responses. Names are unique per call regardless of case; the unique index is case-sensitive,
// so a per-call advisory lock serialises the check. Every change is audited in its own transaction. Changes
// need "responses.curate" in the call's forum, reading "forum.read" (observers read the tags).
import "server-only";
import { checkRevision, nextRevision } from "@/lib/edits/revision";
import { recordAudit } from "@/lib/audit/record";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { Conflict, isUniqueViolation, NotFound, onField } from "@/lib/errors";
import type { DbClient } from "@/lib/db";
import { isCampaignMember } from "./cluster-call";
import { auditActor, lockSubmittedResponse, requireTagsOfCall, type Curator } from "./access";
import { CURATION_LIMITS, type TagInput, type TagUpdate } from "./schemas";

const tagSelect = { id: true, callId: true, name: true, description: true, revision: true } as const;

async function lockCallTags(tx: DbClient, callId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tags:' || ${callId}))`;
}

/** A taken name is a Conflict on the name field, so the form shows it there. */
const nameTaken = () => onField(Conflict("tagExists"), "name");

async function requireFreeName(tx: DbClient, callId: string, name: string, exceptId?: string) {
  const other = await tx.tag.findFirst({
    where: { callId, name: { equals: name, mode: "insensitive" }, ...(exceptId && { id: { not: exceptId } }) },
    select: { name: true },
  });
  if (other) throw nameTaken();
}

/** The unique index can still fire (a name written outside these functions): the same message. */
async function nameConflictAware<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** The tags of a call, by name, with how many responses and excerpts carry each. */
export async function listTags(actor: Curator, callId: string) {
  authorizeIn(actor, "forum.read", await forumOf(db, "call", callId), "callNotFound");
  const tags = await db.tag.findMany({
    where: { callId },
    orderBy: { name: "asc" },
    select: { ...tagSelect, _count: { select: { responses: true, excerpts: true } } },
  });
  return tags.map(({ _count, ...tag }) => ({ ...tag, responseCount: _count.responses, excerptCount: _count.excerpts }));
}

export async function createTag(actor: Curator, input: TagInput) {
  return nameConflictAware(() =>
    db.$transaction(async (tx) => {
      authorizeIn(actor, "responses.curate", await forumOf(tx, "call", input.callId), "callNotFound");
      const call = await tx.call.findUnique({ where: { id: input.callId }, select: { id: true } });
      if (!call) throw NotFound("callNotFound");
      await lockCallTags(tx, call.id);
      if ((await tx.tag.count({ where: { callId: call.id } })) >= CURATION_LIMITS.tagsPerCall) throw Conflict("tooManyTags");
      await requireFreeName(tx, call.id, input.name);
      const tag = await tx.tag.create({ data: input, select: tagSelect });
      await recordAudit(tx, {
        actor: auditActor(actor),
        action: "tag.create",
        itemType: "tag",
        itemId: tag.id,
        callId: tag.callId,
        after: { name: tag.name, description: tag.description },
      });
      return tag;
    }),
  );
}

async function findTag(tx: DbClient, tagId: string) {
  const tag = await tx.tag.findUnique({ where: { id: tagId }, select: tagSelect });
  if (!tag) throw NotFound("tagNotFound");
  return tag;
}

/** Renames a tag or changes its description (everywhere it is used: responses and excerpts keep it). */
export async function updateTag(actor: Curator, input: TagUpdate) {
  return nameConflictAware(() =>
    db.$transaction(async (tx) => {
      authorizeIn(actor, "responses.curate", await forumOf(tx, "tag", input.tagId), "tagNotFound");
      const { callId } = await findTag(tx, input.tagId);
      await lockCallTags(tx, callId);
      // Read again under the lock: a rename that committed meanwhile is seen.
      const before = await findTag(tx, input.tagId);
      await checkRevision(tx, { type: "tag", id: before.id, revision: before.revision }, input.revision, () => ({
        name: before.name,
        description: before.description,
      }));
      await requireFreeName(tx, before.callId, input.name, before.id);
      const tag = await tx.tag.update({
        where: { id: before.id },
        data: { name: input.name, description: input.description, ...nextRevision },
        select: tagSelect,
      });
      await recordAudit(tx, {
        actor: auditActor(actor),
        action: "tag.update",
        itemType: "tag",
        itemId: tag.id,
        callId: tag.callId,
        before: { name: before.name, description: before.description },
        after: { name: tag.name, description: tag.description },
      });
      return tag;
    }),
  );
}

/** Deletes a tag; it goes from every response and excerpt (the excerpts themselves stay). */
export async function deleteTag(actor: Curator, tagId: string) {
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "responses.curate", await forumOf(tx, "tag", tagId), "tagNotFound");
    const tag = await findTag(tx, tagId);
    const [responses, excerpts] = await Promise.all([
      tx.responseTag.count({ where: { tagId } }),
      tx.excerptTag.count({ where: { tagId } }),
    ]);
    await tx.tag.delete({ where: { id: tag.id }, select: { id: true } });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "tag.delete",
      itemType: "tag",
      itemId: tag.id,
      callId: tag.callId,
      before: { name: tag.name, description: tag.description, responses, excerpts },
    });
    return { id: tag.id, callId: tag.callId };
  });
}

/**
 * Puts a tag on (or takes it off) a whole submitted response of the tag's own call. Doing what is already
 * done changes nothing and writes no audit entry (a double click, a replayed form).
 */
export async function setResponseTag(actor: Curator, input: { responseId: string; tagId: string }, on: boolean) {
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "responses.curate", await forumOf(tx, "response", input.responseId), "responseNotFound");
    const response = await lockSubmittedResponse(tx, input.responseId);
    const [tagId] = await requireTagsOfCall(tx, response.callId, [input.tagId]);
    const key = { responseId_tagId: { responseId: response.id, tagId: tagId! } };
    const existing = await tx.responseTag.findUnique({ where: key, select: { tagId: true } });
    if (Boolean(existing) === on) return { responseId: response.id, tagId: tagId!, changed: false };
    if (on)
      await tx.responseTag.create({
        data: { responseId: response.id, tagId: tagId!, taggedById: actor.id },
        select: { tagId: true },
      });
    else await tx.responseTag.delete({ where: key, select: { tagId: true } });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: on ? "response.tag" : "response.untag",
      itemType: "response",
      itemId: response.id,
      callId: response.callId,
      before: { tagId: on ? null : tagId! },
      after: { tagId: on ? tagId! : null },
    });
    return { responseId: response.id, tagId: tagId!, changed: true };
  });
}

/**
 * The call the coding page is about: its id, title and forum (the page shows the forms to those who may
 * curate there); not found for an unknown id or a forum the actor has no part in.
 */
export async function getCallForCoding(actor: Curator, callId: string) {
  authorizeIn(actor, "forum.read", await forumOf(db, "call", callId), "callNotFound");
  const call = await db.call.findUnique({ where: { id: callId }, select: { id: true, forumId: true, title: true } });
  if (!call) throw NotFound("callNotFound");
  return call;
}

/**
 * Puts a tag on every submitted response of a campaign at once (whole responses, or those whose answer to
 * one question is in it), in one transaction, each newly tagged response audited. Responses that already
 * carry the tag are left as they are. Gives back how many were tagged now and how many already were.
 */
export async function tagCampaign(actor: Curator, input: { clusterId: string; tagId: string }) {
  return db.$transaction(async (tx) => {
    const campaign = await tx.responseCluster.findUnique({
      where: { id: input.clusterId },
      select: { id: true, callId: true, call: { select: { forumId: true } } },
    });
    if (!campaign) throw NotFound("campaignNotFound");
    authorizeIn(actor, "responses.curate", campaign.call.forumId, "campaignNotFound");
    const [tagId] = await requireTagsOfCall(tx, campaign.callId, [input.tagId]);
    // The members, locked in id order as every bulk change locks them (no deadlock with another).
    const members = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM responses r
      WHERE r."callId" = ${campaign.callId} AND r.status = 'SUBMITTED' AND ${isCampaignMember(campaign.id)}
      ORDER BY r.id FOR UPDATE`;
    const tagged = await tagAll(tx, actor, campaign.callId, members, tagId!, { campaignId: campaign.id });
    return { tagged: tagged.length, already: members.length - tagged.length };
  });
}

/** Tags the given locked responses of one call, each newly tagged one audited; gives back those tagged now. */
async function tagAll(
  tx: DbClient,
  actor: Curator,
  callId: string,
  responses: { id: string }[],
  tagId: string,
  context: Record<string, string> = {},
) {
  const tagged = await tx.$queryRaw<{ responseId: string }[]>`
    INSERT INTO response_tags ("responseId", "tagId", "taggedById")
    SELECT id, ${tagId}, ${actor.id} FROM unnest(${responses.map((r) => r.id)}::text[]) AS m(id)
    ON CONFLICT DO NOTHING RETURNING "responseId"`;
  for (const { responseId } of tagged)
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: "response.tag",
      itemType: "response",
      itemId: responseId,
      callId,
      before: { tagId: null },
      after: { tagId, ...context },
    });
  return tagged.map((row) => row.responseId);
}

/**
 * Puts a tag on several submitted responses of one call at once (the queue's bulk form), in one
 * transaction, rows locked in id order. A response not of the call or not submitted refuses the whole action
 * as unknown; those that already carry the tag are given back as `already`.
 */
export async function tagResponses(actor: Curator, input: { callId: string; responseIds: readonly string[]; tagId: string }) {
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "responses.curate", await forumOf(tx, "call", input.callId), "callNotFound");
    const [tagId] = await requireTagsOfCall(tx, input.callId, [input.tagId]);
    const ids = [...new Set(input.responseIds)];
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM responses WHERE id = ANY(${ids}::text[]) AND "callId" = ${input.callId} AND status = 'SUBMITTED'
      ORDER BY id FOR UPDATE`;
    if (rows.length !== ids.length) throw NotFound("responseNotFound");
    const tagged = await tagAll(tx, actor, input.callId, rows, tagId!);
    return { tagged, already: ids.filter((id) => !tagged.includes(id)) };
  });
}
