// The near-duplicate method on its own (no database): normalisation, the threshold's margins on both sides,
// short texts, determinism.
import { describe, expect, it } from "vitest";
import { findClusters, MIN_WORDS, normalise, similarity, THRESHOLD } from "@/lib/curation/similarity";
import { CAMPAIGN_TEXT as CAMPAIGN, campaignCopy, distinctText, seededRandom, sentence } from "@/prisma/factories-clusters";

describe("normalise", () => {
  it("folds case, Unicode compatibility forms, punctuation and whitespace", () => {
    expect(normalise("  Cyber-Security,\n\tＮＯＲＭＳ…  (2026) ")).toBe("cyber security norms 2026");
    expect(normalise("ﬁnal   report!!")).toBe("final report");
  });
});

describe("threshold", () => {
  it("keeps a 150-word text with light edits above the threshold", () => {
    expect(CAMPAIGN.split(" ").length).toBeGreaterThanOrEqual(140);
    const rng = seededRandom(7);
    const scores = Array.from({ length: 50 }, () => similarity(CAMPAIGN, campaignCopy(CAMPAIGN, rng))!);
    expect(Math.min(...scores)).toBeGreaterThan(THRESHOLD + 0.05);
    // Punctuation and case alone change nothing.
    expect(similarity(CAMPAIGN, CAMPAIGN.toUpperCase().replace(/,/g, " ;"))).toBe(1);
  });

  it("keeps texts written separately on the same topic, from the same stock phrases, well below it", () => {
    const rng = seededRandom(11);
    const texts = Array.from({ length: 60 }, () => distinctText(rng));
    let highest = 0;
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) highest = Math.max(highest, similarity(texts[i]!, texts[j]!)!);
    }
    expect(highest).toBeLessThan(THRESHOLD / 2);
    expect(highest).toBeGreaterThan(0); // they do share phrases: the test would notice a broken Jaccard
  });

  it("does not cluster texts shorter than the minimum, even identical ones", () => {
    const short = "We support the draft norms and thank the facilitators for their work.";
    expect(short.split(" ").length).toBeLessThan(MIN_WORDS);
    expect(similarity(short, short)).toBeNull();
    expect(
      findClusters([
        { id: "a", text: short },
        { id: "b", text: short },
      ]),
    ).toEqual([]);
  });
});

describe("findClusters", () => {
  const rng = seededRandom(3);
  const copies = Array.from({ length: 20 }, (_, i) => ({ id: `copy-${i}`, text: campaignCopy(CAMPAIGN, rng) }));
  const others = Array.from({ length: 30 }, (_, i) => ({ id: `other-${i}`, text: distinctText(rng) }));
  const pair = sentence(rng) + " " + distinctText(rng, 6);
  // Interleaved as they would arrive.
  const items = [
    ...others.slice(0, 10),
    ...copies.slice(0, 10),
    ...others.slice(10),
    { id: "pair-a", text: pair },
    ...copies.slice(10),
    { id: "pair-b", text: pair.replace(/\.$/, "!") },
  ];

  it("finds the campaign as one cluster, the earliest copy as representative, and nothing else but the pair", () => {
    const clusters = findClusters(items);
    expect(clusters.map((c) => c.members.length)).toEqual([20, 2]);
    const [campaign, twins] = clusters as [(typeof clusters)[0], (typeof clusters)[0]];
    expect(campaign.representativeId).toBe("copy-0");
    expect(campaign.members.map((m) => m.id).sort()).toEqual(copies.map((c) => c.id).sort());
    expect(campaign.members[0]).toEqual({ id: "copy-0", score: 1 });
    expect(campaign.minScore).toBe(Math.min(...campaign.members.map((m) => m.score)));
    expect(campaign.minScore).toBeGreaterThan(THRESHOLD - 0.1); // may be reached through another copy
    expect(twins.members.map((m) => m.id)).toEqual(["pair-a", "pair-b"]);
  });

  it("is deterministic", () => {
    expect(findClusters(items)).toEqual(findClusters(items.map((item) => ({ ...item }))));
  });
});
