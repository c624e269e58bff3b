// Adding responses to a campaign by hand (lib/curation/campaign-links.ts): the queue's "Add to a campaign" puts
// a retyped copy with its campaign at once, audited; the link holds through every recomputation; those
// already in it, or in another campaign, are said and left; only the forum's curators may, on a campaign of
// whole responses of the same call.
import { afterAll, describe, expect, it } from "vitest";
import { addToCampaign, listCampaignChoices } from "@/lib/curation/campaign-links";
import { computeClusters, systemAudit } from "@/lib/curation/cluster-call";
import { db, disconnectDb } from "@/lib/db";
import { createCall, createQuestion } from "@/prisma/factories";
import { CAMPAIGN_TEXT, campaignCopy, distinctText, plantResponses, seededRandom } from "@/prisma/factories-clusters";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

const START = Date.UTC(2026, 0, 5, 9, 0);

describe("adding responses to a campaign by hand", () => {
  it("adds a retyped copy at once, keeps it through recomputation, and refuses what the actor may not touch", async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const rng = seededRandom(4_242);
    const rows = [
      ...Array.from({ length: 4 }, (_, i) => ({
        texts: [campaignCopy(CAMPAIGN_TEXT, rng)],
        submittedAt: new Date(START + i * 60_000),
      })),
      // The campaign's demand retold in the person's own words: not similar enough to be found.
      { texts: [distinctText(rng)], submittedAt: new Date(START + 10 * 60_000) },
      { texts: [distinctText(rng)], submittedAt: new Date(START + 11 * 60_000) },
    ];
    const ids = await plantResponses(db, call.id, [question.id], rows);
    await computeClusters(db, null, call.id, systemAudit);
    const campaign = await db.responseCluster.findFirstOrThrow({ where: { callId: call.id, questionId: null } });
    expect(campaign.size).toBe(4);
    const [retold, other] = [ids[4]!, ids[5]!];
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    expect(await listCampaignChoices(facilitator, call.id)).toEqual([
      { id: campaign.id, size: 4, reference: expect.stringMatching(/-0+1$/) },
    ]);

    const elsewhere = await createCall(db);
    for (const who of [
      await actor(),
      await appointee(call.forumId, "OBSERVER"),
      await appointee(elsewhere.forumId, "FACILITATOR"),
    ])
      await expect(addToCampaign(who, { callId: call.id, responseIds: [retold], clusterId: campaign.id })).rejects.toBeDefined();
    await expect(
      addToCampaign(facilitator, { callId: call.id, responseIds: [retold], clusterId: "no-such" }),
    ).rejects.toMatchObject({
      code: "campaignNotFound",
    });
    const foreign = (
      await plantResponses(db, elsewhere.id, [(await createQuestion(db, { callId: elsewhere.id })).id], [rows[4]!])
    )[0]!;
    await expect(
      addToCampaign(facilitator, { callId: call.id, responseIds: [retold, foreign], clusterId: campaign.id }),
    ).rejects.toMatchObject({ code: "responseNotFound" });
    expect(await db.campaignLink.count({ where: { callId: call.id } })).toBe(0);

    const outcome = await addToCampaign(facilitator, { callId: call.id, responseIds: [retold, ids[0]!], clusterId: campaign.id });
    expect(outcome).toEqual({ added: [retold], already: [ids[0]], elsewhere: [] });
    expect(await db.response.findUniqueOrThrow({ where: { id: retold }, select: { clusterId: true } })).toEqual({
      clusterId: campaign.id,
    });
    expect((await db.responseCluster.findUniqueOrThrow({ where: { id: campaign.id } })).size).toBe(5);
    expect(
      await db.auditEntry.count({ where: { itemId: retold, action: "response.campaign.add", actorId: facilitator.id } }),
    ).toBe(1);

    // Recomputed: the campaign is made anew, and the retold response is in it again; the other is not.
    await computeClusters(db, null, call.id, systemAudit);
    const again = await db.responseCluster.findFirstOrThrow({ where: { callId: call.id, questionId: null } });
    expect(again.id).not.toBe(campaign.id);
    expect(again.size).toBe(5);
    const members = await db.response.findMany({ where: { clusterId: again.id }, select: { id: true } });
    expect(members.map((m) => m.id).sort()).toEqual([...ids.slice(0, 4), retold].sort());
    expect((await db.response.findUniqueOrThrow({ where: { id: other } })).clusterId).toBeNull();
  });
});
