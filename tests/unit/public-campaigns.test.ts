// Campaigns in the public list: shown once with the count of their other published members, never counting
// or showing private, pending or hidden ones; the keyset pagination stays exact when collapsed; a campaign's
// own list shows only its published members.
import { afterAll, describe, expect, it } from "vitest";
import { computeClusters, systemAudit } from "@/lib/curation/cluster-call";
import { db, disconnectDb } from "@/lib/db";
import type { Consent, ModerationState, UnRegion } from "@/lib/generated/prisma/enums";
import { listPublishedResponses } from "@/lib/responses/public";
import { createCall, createQuestion } from "@/prisma/factories";
import {
  CAMPAIGN_TEXT,
  campaignCopy,
  distinctText,
  plantResponses,
  seededRandom,
  type PlantedResponse,
} from "@/prisma/factories-clusters";

afterAll(disconnectDb);

const MINUTE = 60_000;
const base = Date.now() - 3 * 24 * 60 * MINUTE;

/** Copy i of the campaign: 0 private, 1 pending, 2 hidden, 3 published in Asia-Pacific, the rest published in Africa. */
const copyState = (i: number): { consent: Consent; moderationState: ModerationState; region: UnRegion } => ({
  consent: i === 0 ? "PRIVATE" : "PUBLISH_NAMED",
  moderationState: i === 1 ? "PENDING" : i === 2 ? "HIDDEN" : "PUBLISHED",
  region: i === 3 ? "ASIA_PACIFIC" : "AFRICA",
});

async function campaignCall() {
  const call = await createCall(db);
  const question = await createQuestion(db, { callId: call.id });
  const rng = seededRandom(42);
  const rows: PlantedResponse[] = [];
  let copies = 0;
  const isCopy: boolean[] = [];
  for (let i = 0; i < 50; i++) {
    const copy = i % 2 === 1 && copies < 20; // interleaved with distinct texts, the first copy second
    isCopy.push(copy);
    rows.push({
      texts: [copy ? campaignCopy(CAMPAIGN_TEXT, rng) : distinctText(rng)],
      submittedAt: new Date(base + i * MINUTE),
      ...(copy ? copyState(copies++) : { consent: "PUBLISH_ANONYMOUS" as const, region: "AFRICA" as const }),
    });
  }
  const ids = await plantResponses(db, call.id, [question.id], rows);
  await computeClusters(db, null, call.id, systemAudit);
  const copyIds = ids.filter((_, i) => isCopy[i]);
  const cluster = await db.responseCluster.findFirstOrThrow({ where: { callId: call.id }, select: { id: true, size: true } });
  return { call, ids, copyIds, cluster };
}

async function walk(callId: string, options: Parameters<typeof listPublishedResponses>[1]) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await listPublishedResponses(callId, { ...options, cursor });
    pages.push(page.items.map((item) => item.id));
    if (!page.next) return { pages, last: page };
    cursor = page.next;
  }
  throw new Error("too many pages");
}

describe("campaigns in the public list", () => {
  it("shows a campaign once, as its earliest published member, counting only published members", async () => {
    const { call, ids, copyIds, cluster } = await campaignCall();
    expect(copyIds).toHaveLength(20);
    expect(cluster.size).toBe(20); // private, pending and hidden copies are clustered for moderators
    const published = copyIds.slice(3); // 17 published copies
    const distinct = ids.filter((id) => !copyIds.includes(id));

    const all = await listPublishedResponses(call.id, { limit: 100 });
    expect(all.total).toBe(distinct.length + published.length);
    expect(all.hasCampaigns).toBe(true);
    expect(all.items.every((item) => item.campaign === null)).toBe(true);

    const collapsed = await listPublishedResponses(call.id, { limit: 100, collapseCampaigns: true });
    expect(collapsed.total).toBe(distinct.length + 1);
    const shown = collapsed.items.filter((item) => copyIds.includes(item.id));
    expect(shown.map((item) => item.id)).toEqual([published[0]]);
    expect(shown[0]!.campaign).toEqual({ id: cluster.id, similar: published.length - 1 });
    expect(collapsed.items.filter((item) => !copyIds.includes(item.id)).every((item) => item.campaign === null)).toBe(true);
  });

  it("picks the earliest member that matches the filters, and counts only matching ones", async () => {
    const { call, copyIds } = await campaignCall();
    const africa = await listPublishedResponses(call.id, { limit: 100, collapseCampaigns: true, region: "AFRICA" });
    const shown = africa.items.filter((item) => copyIds.includes(item.id));
    expect(shown.map((item) => item.id)).toEqual([copyIds[4]]);
    expect(shown[0]!.campaign?.similar).toBe(15);
    // The count of a collapsed list is the number of rows it lists (a campaign once).
    expect(africa.total).toBe(africa.items.length);
    expect(africa.hasCampaigns).toBe(true);
    // In Asia-Pacific the campaign has one published member: nothing to collapse.
    const asia = await listPublishedResponses(call.id, { limit: 100, collapseCampaigns: true, region: "ASIA_PACIFIC" });
    expect(asia.items.map((item) => item.id)).toEqual([copyIds[3]]);
    expect(asia).toMatchObject({ total: 1, hasCampaigns: false });
  });

  it("keeps the keyset pagination exact, forwards and backwards, when collapsed", async () => {
    const { call } = await campaignCall();
    const whole = (await listPublishedResponses(call.id, { limit: 100, collapseCampaigns: true })).items.map((item) => item.id);
    const { pages, last } = await walk(call.id, { limit: 7, collapseCampaigns: true });
    expect(pages.flat()).toEqual(whole);
    expect(pages.length).toBe(Math.ceil(whole.length / 7));
    const previous = await listPublishedResponses(call.id, { limit: 7, collapseCampaigns: true, cursor: last.previous! });
    expect(previous.items.map((item) => item.id)).toEqual(pages[pages.length - 2]);
  });

  it("lists a campaign's published members only, never the private, pending or hidden ones", async () => {
    const { call, copyIds, cluster } = await campaignCall();
    const members = await listPublishedResponses(call.id, { limit: 100, campaign: cluster.id, collapseCampaigns: true });
    expect(members.total).toBe(17);
    expect(members.items.map((item) => item.id).sort()).toEqual(copyIds.slice(3).sort());
    const other = await listPublishedResponses(call.id, { campaign: "no-such-campaign" });
    expect(other.total).toBe(0);
  });
});
