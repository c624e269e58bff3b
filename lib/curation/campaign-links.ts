// Adding responses to a campaign by hand (the queue's "Add to a campaign"): a campaign text retyped rather
// than pasted, or sent by letter, may not reach the similarity threshold, and a moderator who recognises it
// puts it with its campaign. The link is kept (CampaignLink: with the campaign's first response), so each
// recomputation joins them again (lib/curation/cluster-call.ts); until then the response is a member at once.
// Only campaigns of whole responses; a response already in a campaign is left where it is (and said so).
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { auditActor, type Curator } from "./access";

/** The call's campaigns of whole responses, to choose from: biggest first, named by their first response. */
export async function listCampaignChoices(actor: Curator, callId: string) {
  authorizeIn(actor, "responses.curate", await forumOf(db, "call", callId), "callNotFound");
  const clusters = await db.responseCluster.findMany({
    where: { callId, questionId: null },
    orderBy: [{ size: "desc" }, { id: "asc" }],
    select: { id: true, size: true, representativeId: true },
  });
  const firsts = await db.response.findMany({
    where: { id: { in: clusters.map((c) => c.representativeId) } },
    select: { id: true, reference: true },
  });
  const referenceOf = new Map(firsts.map((r) => [r.id, r.reference ?? ""]));
  return clusters.map((c) => ({ id: c.id, size: c.size, reference: referenceOf.get(c.representativeId) ?? "" }));
}

/**
 * Adds the ticked responses of one call to one of its campaigns of whole responses, in one transaction:
 * each added one is linked, made a member and audited. A response of another call (or not submitted) refuses
 * the whole action as unknown.
 * @returns the responses added now, those already in this campaign, and those in another one (left there).
 */
export async function addToCampaign(
  actor: Curator,
  input: { callId: string; responseIds: readonly string[]; clusterId: string },
) {
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "responses.curate", await forumOf(tx, "call", input.callId), "callNotFound");
    const campaign = await tx.responseCluster.findFirst({
      where: { id: input.clusterId, callId: input.callId, questionId: null },
      select: { id: true, representativeId: true },
    });
    if (!campaign) throw NotFound("campaignNotFound");
    const ids = [...new Set(input.responseIds)];
    const rows = await tx.$queryRaw<{ id: string; clusterId: string | null }[]>`
      SELECT id, "clusterId" FROM responses WHERE id = ANY(${ids}::text[]) AND "callId" = ${input.callId} AND status = 'SUBMITTED'
      ORDER BY id FOR UPDATE`;
    if (rows.length !== ids.length) throw NotFound("responseNotFound");
    const already = rows.filter((r) => r.clusterId === campaign.id).map((r) => r.id);
    const elsewhere = rows.filter((r) => r.clusterId !== null && r.clusterId !== campaign.id).map((r) => r.id);
    const added = rows.filter((r) => r.clusterId === null).map((r) => r.id);
    for (const responseId of added) {
      await tx.campaignLink.upsert({
        where: { responseId },
        create: { callId: input.callId, responseId, withResponseId: campaign.representativeId, createdById: actor.id },
        update: { withResponseId: campaign.representativeId, createdById: actor.id },
        select: { id: true },
      });
      await tx.response.update({
        where: { id: responseId },
        data: { clusterId: campaign.id, clusterScore: 0 },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: auditActor(actor),
        action: "response.campaign.add",
        itemType: "response",
        itemId: responseId,
        callId: input.callId,
        before: { clusterId: null },
        after: { clusterId: campaign.id, withResponseId: campaign.representativeId },
      });
    }
    if (added.length)
      await tx.responseCluster.update({
        where: { id: campaign.id },
        data: { size: await tx.response.count({ where: { clusterId: campaign.id } }), minScore: 0 },
        select: { id: true },
      });
    return { added, already, elsewhere };
  });
}

/** Which of these responses were added to their campaign by hand. */
export async function addedByHand(responseIds: readonly string[]) {
  const links = await db.campaignLink.findMany({ where: { responseId: { in: [...responseIds] } }, select: { responseId: true } });
  return new Set(links.map((link) => link.responseId));
}
