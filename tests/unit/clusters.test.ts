// Campaigns on a real database: a planted campaign is found whole, distinct texts stay apart, a second run
// replaces the first, withdrawn responses are left out, private ones are shown to moderators only here,
// and only moderators may run it or look.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { getCampaigns } from "@/lib/curation/campaigns";
import { clusterCall } from "@/lib/curation/clusters";
import { AppError } from "@/lib/errors";
import { createCall, createQuestion } from "@/prisma/factories";
import {
  CAMPAIGN_TEXT,
  campaignCopy,
  distinctText,
  plantResponses,
  seededRandom,
  type PlantedResponse,
} from "@/prisma/factories-clusters";
import { actor } from "./helpers";

afterAll(disconnectDb);

const MINUTE = 60_000;
const base = Date.now() - 5 * 24 * 60 * MINUTE;

/** A call with two questions, 30 distinct responses and a 20-copy campaign, interleaved in time. */
async function plantedCall(seed: number, extra: PlantedResponse[] = []) {
  const call = await createCall(db);
  const questions = [await createQuestion(db, { callId: call.id }), await createQuestion(db, { callId: call.id })];
  const rng = seededRandom(seed);
  const split = (text: string) => {
    const words = text.split(" ");
    const half = Math.floor(words.length / 2);
    return [words.slice(0, half).join(" "), words.slice(half).join(" ")];
  };
  const rows: PlantedResponse[] = [];
  for (let i = 0; i < 50; i++) {
    // Copies at the odd minutes from 5 on, distinct texts everywhere else: the first copy is not the first row.
    const copy = i >= 5 && i % 2 === 1 && rows.filter((r) => r.stakeholderGroup === "ACADEMIA").length < 20;
    rows.push({
      texts: split(copy ? campaignCopy(CAMPAIGN_TEXT, rng) : distinctText(rng)),
      submittedAt: new Date(base + i * MINUTE),
      consent: i % 3 === 0 ? "PRIVATE" : "PUBLISH_ANONYMOUS",
      stakeholderGroup: copy ? "ACADEMIA" : "CIVIL_SOCIETY",
    });
  }
  const ids = await plantResponses(
    db,
    call.id,
    questions.map((q) => q.id),
    [...rows, ...extra],
  );
  const copies = ids.filter((_, i) => rows[i]?.stakeholderGroup === "ACADEMIA");
  return { call, ids, copies, distinct: ids.slice(0, rows.length).filter((id) => !copies.includes(id)) };
}

const membersOf = async (callId: string) =>
  db.response.findMany({
    where: { callId, clusterId: { not: null } },
    select: { id: true, clusterId: true, clusterScore: true },
  });

describe("clusterCall", () => {
  it("finds a planted 20-copy campaign as exactly one cluster and does not merge 30 distinct texts", async () => {
    const moderator = await actor("MODERATOR");
    const { call, copies, distinct } = await plantedCall(101);
    expect(copies).toHaveLength(20);
    expect(distinct).toHaveLength(30);

    const summary = await clusterCall(moderator, call.id);
    expect(summary).toMatchObject({ clusters: 1, clustered: 20, responses: 50 });
    const clusters = await db.responseCluster.findMany({ where: { callId: call.id } });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ size: 20, representativeId: copies[0] });
    const members = await membersOf(call.id);
    expect(members.map((m) => m.id).sort()).toEqual([...copies].sort());
    expect(members.find((m) => m.id === copies[0])?.clusterScore).toBe(1);
    const scores = members.map((m) => m.clusterScore!);
    expect(clusters[0]!.minScore).toBeCloseTo(Math.min(...scores), 10);
    // Single linkage: a copy may score a little under 0.6 against the representative, joined through a
    // closer copy, but never far from it.
    expect(clusters[0]!.minScore).toBeGreaterThan(0.5);

    const after = await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { clusteredAt: true } });
    expect(after.clusteredAt?.getTime()).toBe(summary.clusteredAt.getTime());
    const audit = await db.auditEntry.findMany({ where: { callId: call.id, action: "call.cluster" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: moderator.id, actorRole: "MODERATOR", itemType: "call", itemId: call.id });
    expect(audit[0]!.after).toMatchObject({ clusters: 1, clusteredResponses: 20 });
  });

  it("is idempotent: a second run replaces the clusters with the same ones", async () => {
    const moderator = await actor("MODERATOR");
    const { call, copies } = await plantedCall(202);
    await clusterCall(moderator, call.id);
    const first = await db.responseCluster.findFirstOrThrow({ where: { callId: call.id } });
    await clusterCall(moderator, call.id);
    const clusters = await db.responseCluster.findMany({ where: { callId: call.id } });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.id).not.toBe(first.id);
    expect(clusters[0]).toMatchObject({ size: first.size, minScore: first.minScore, representativeId: first.representativeId });
    const members = await membersOf(call.id);
    expect(members.map((m) => m.id).sort()).toEqual([...copies].sort());
    expect(new Set(members.map((m) => m.clusterId))).toEqual(new Set([clusters[0]!.id]));
    expect(await db.responseCluster.count({ where: { id: first.id } })).toBe(0);
  });

  it("leaves withdrawn responses out and shows moderators private members", async () => {
    const moderator = await actor("MODERATOR");
    const rng = seededRandom(303);
    const withdrawn = {
      texts: [campaignCopy(CAMPAIGN_TEXT, rng), ""],
      submittedAt: new Date(base - MINUTE),
      status: "WITHDRAWN" as const,
    };
    const { call, ids, copies } = await plantedCall(303, [withdrawn]);
    await clusterCall(moderator, call.id);
    const withdrawnId = ids[ids.length - 1]!;
    const view = await getCampaigns(moderator, call.id);
    expect(view.stale).toBe(false);
    expect(view.clusters).toHaveLength(1);
    const cluster = view.clusters[0]!;
    expect(cluster.size).toBe(20);
    expect(cluster.members.map((m) => m.id)).toEqual(copies); // earliest first
    expect(cluster.members.map((m) => m.id)).not.toContain(withdrawnId);
    expect(cluster.members.some((m) => m.consent === "PRIVATE")).toBe(true);
    expect(cluster.members[0]).toMatchObject({ representative: true, score: 1 });
    expect(cluster.representativeText).toContain("Coalition for an Open and Secure Internet");
    expect(cluster.maxScore).toBeGreaterThanOrEqual(cluster.minScore);
    expect(cluster.maxScore).toBeLessThanOrEqual(1);
  });

  it("says the clustering is out of date once a response is submitted after it", async () => {
    const moderator = await actor("MODERATOR");
    const { call } = await plantedCall(404);
    expect((await getCampaigns(moderator, call.id)).stale).toBe(true); // never run
    await clusterCall(moderator, call.id);
    expect((await getCampaigns(moderator, call.id)).stale).toBe(false);
    const [question] = await db.question.findMany({ where: { callId: call.id }, select: { id: true } });
    await plantResponses(
      db,
      call.id,
      [question!.id],
      [{ texts: [distinctText(seededRandom(1))], submittedAt: new Date(Date.now() + 1000) }],
    );
    expect((await getCampaigns(moderator, call.id)).stale).toBe(true);
  });

  it("refuses a stakeholder, who changes nothing and sees nothing", async () => {
    const stakeholder = await actor("STAKEHOLDER");
    const { call } = await plantedCall(505);
    for (const attempt of [() => clusterCall(stakeholder, call.id), () => getCampaigns(stakeholder, call.id)]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).kind).toBe("forbidden");
    }
    expect(await db.responseCluster.count({ where: { callId: call.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { callId: call.id } })).toBe(0);
    expect((await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { clusteredAt: true } })).clusteredAt).toBeNull();
  });

  it("stores no cluster for a call without responses, and records the run", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createCall(db);
    expect(await clusterCall(moderator, call.id)).toMatchObject({ clusters: 0, clustered: 0, responses: 0 });
    expect(await db.responseCluster.count({ where: { callId: call.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { callId: call.id, action: "call.cluster" } })).toBe(1);
  });

  it("answers not found for an unknown call", async () => {
    const moderator = await actor("MODERATOR");
    const error = await clusterCall(moderator, "no-such-call").catch((e: unknown) => e);
    expect((error as AppError).kind).toBe("not_found");
  });
});
