// Campaigns per answer (issue 17): a campaign text pasted into one answer of otherwise different responses is
// found in that question's answers (and only there); a campaign found in whole responses is not listed again
// per question; a whole campaign is tagged at once; and a campaign is cited as one source "with N signatories"
// (its members counted as the figures count them), frozen into the version and shown on the public page.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { getCampaigns } from "@/lib/curation/campaigns";
import { moderatorDataset, publicDataset } from "@/lib/exports/exports";
import { exportStream } from "@/lib/exports/stream";
import { csvObjects } from "@/tests/support/csv-parse";
import { readAll } from "./exports-scenario";
import { clusterCall } from "@/lib/curation/clusters";
import { tagCampaign } from "@/lib/curation/tags";
import { cite } from "@/lib/messages/citations";
import { englishText, sourceLabel } from "@/lib/messages/final-document";
import { getPublishedMessageSet } from "@/lib/messages/public";
import { listCitableCampaigns } from "@/lib/messages/sources";
import { publishVersion, saveVersion } from "@/lib/messages/versions";
import { createCall, createQuestion } from "@/prisma/factories";
import { createTag } from "@/prisma/factories-coding";
import {
  CAMPAIGN_TEXT,
  campaignCopy,
  distinctText,
  pastedCampaignRows,
  plantResponses,
  seededRandom,
  type PlantedResponse,
} from "@/prisma/factories-clusters";
import { createSetWithParagraphs } from "@/prisma/factories-versions";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

const MINUTE = 60_000;
const base = Date.now() - 3 * 24 * 60 * MINUTE;

/**
 * A call of four questions and 14 responses, each written separately (long distinct answers), of which
 * `pasted` carry the coalition's campaign text as their answer to question 1 (lightly edited each time).
 */
async function pastedCampaign(seed: number, pasted: number[], call?: { id: string }) {
  const target = call ?? (await createCall(db));
  const questions = [];
  for (let q = 0; q < 4; q++) questions.push(await createQuestion(db, { callId: target.id }));
  const rows = pastedCampaignRows(
    seededRandom(seed),
    14,
    (i) => pasted.includes(i),
    base,
    (i) => (i === pasted[0] ? "PRIVATE" : "PUBLISH_ANONYMOUS"),
  );
  const ids = await plantResponses(
    db,
    target.id,
    questions.map((q) => q.id),
    rows,
  );
  return { callId: target.id, questions, ids, members: pasted.map((i) => ids[i]!) };
}

describe("campaigns found in one question's answers", () => {
  it("finds a campaign pasted into question 1 of four otherwise different responses, naming the question", async () => {
    const call = await createCall(db);
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const { questions, members } = await pastedCampaign(11, [2, 5, 9, 12], call);

    const summary = await clusterCall(facilitator, call.id);
    expect(summary).toMatchObject({ clusters: 1, answerClusters: 1, clustered: 0, responses: 14 });
    // Whole responses are too different to be one campaign: nothing is collapsed on the public lists.
    expect(await db.response.count({ where: { callId: call.id, clusterId: { not: null } } })).toBe(0);

    const view = await getCampaigns(facilitator, call.id);
    expect(view.clusters).toHaveLength(1);
    const campaign = view.clusters[0]!;
    expect(campaign.question).toMatchObject({ id: questions[0]!.id, position: questions[0]!.position });
    expect(campaign.size).toBe(4);
    expect(campaign.members.map((m) => m.id)).toEqual(members); // earliest first
    expect(campaign.members[0]).toMatchObject({ representative: true, score: 1 });
    // Single linkage: a copy may score a little under 0.6 against the first, joined through a closer copy.
    expect(campaign.minScore).toBeGreaterThan(0.5);
    // The text shown is the first member's answer to that question, not the whole response.
    expect(campaign.representativeText).toContain("Coalition for an Open and Secure Internet");
    const answer = await db.answer.findFirstOrThrow({ where: { responseId: members[0]!, questionId: questions[1]!.id } });
    expect(campaign.representativeText).not.toContain(answer.text.slice(0, 40));
    // The members' answers to question 1 carry the campaign, their other answers none.
    const marked = await db.answer.findMany({
      where: { clusterId: campaign.id },
      select: { responseId: true, questionId: true },
    });
    expect(marked.map((a) => a.questionId)).toEqual(Array(4).fill(questions[0]!.id));
    expect(marked.map((a) => a.responseId).sort()).toEqual([...members].sort());
  });

  it("does not list a campaign of whole responses a second time per question, and a second run replaces the first", async () => {
    const moderator = await actor("MODERATOR");
    const call = await createCall(db);
    const q = [await createQuestion(db, { callId: call.id }), await createQuestion(db, { callId: call.id })];
    const rng = seededRandom(22);
    const halves = (text: string) => {
      const words = text.split(" ");
      return [words.slice(0, words.length / 2).join(" "), words.slice(words.length / 2).join(" ")];
    };
    const rows: PlantedResponse[] = Array.from({ length: 12 }, (_, i) => ({
      texts: halves(i % 2 ? campaignCopy(CAMPAIGN_TEXT, rng, 2) : distinctText(rng, 10)),
      submittedAt: new Date(base + i * MINUTE),
    }));
    await plantResponses(
      db,
      call.id,
      q.map((x) => x.id),
      rows,
    );
    const first = await clusterCall(moderator, call.id);
    expect(first).toMatchObject({ clusters: 1, answerClusters: 0, clustered: 6 });
    const again = await clusterCall(moderator, call.id);
    expect(again).toMatchObject({ clusters: 1, answerClusters: 0 });
    expect(await db.responseCluster.count({ where: { callId: call.id } })).toBe(1);
    expect(await db.answer.count({ where: { question: { callId: call.id }, clusterId: { not: null } } })).toBe(0);
  });
});

describe("acting on a whole campaign", () => {
  it("tags every member at once, each audited, and refuses those who may not curate there", async () => {
    const call = await createCall(db);
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const { members } = await pastedCampaign(33, [1, 4, 6, 10, 13], call);
    await clusterCall(facilitator, call.id);
    const campaign = await db.responseCluster.findFirstOrThrow({ where: { callId: call.id } });
    const tag = await createTag(db, { callId: call.id, name: "Coalition text" });
    // One member already carries the tag: it is counted as such, not tagged twice.
    await db.responseTag.create({ data: { responseId: members[2]!, tagId: tag.id } });

    const elsewhere = await createCall(db);
    for (const who of [
      await actor("STAKEHOLDER"),
      await appointee(call.forumId, "OBSERVER"),
      await appointee(elsewhere.forumId, "FACILITATOR"),
    ])
      await expect(tagCampaign(who, { clusterId: campaign.id, tagId: tag.id })).rejects.toBeDefined();
    await expect(tagCampaign(facilitator, { clusterId: "no-such-campaign", tagId: tag.id })).rejects.toMatchObject({
      kind: "not_found",
      code: "campaignNotFound",
    });
    const otherTag = await createTag(db, { callId: elsewhere.id, name: "Elsewhere" });
    await expect(tagCampaign(facilitator, { clusterId: campaign.id, tagId: otherTag.id })).rejects.toMatchObject({
      code: "tagOtherCall",
    });
    expect(await db.responseTag.count({ where: { tagId: tag.id } })).toBe(1);

    expect(await tagCampaign(facilitator, { clusterId: campaign.id, tagId: tag.id })).toEqual({ tagged: 4, already: 1 });
    const tagged = await db.responseTag.findMany({ where: { tagId: tag.id }, select: { responseId: true } });
    expect(tagged.map((t) => t.responseId).sort()).toEqual([...members].sort());
    const audit = await db.auditEntry.findMany({ where: { action: "response.tag", actorId: facilitator.id } });
    expect(audit.map((a) => a.itemId).sort()).toEqual(members.filter((_, i) => i !== 2).sort());
    // Again: nothing left to do.
    expect(await tagCampaign(facilitator, { clusterId: campaign.id, tagId: tag.id })).toEqual({ tagged: 0, already: 5 });
  });

  it("cites a campaign as one source with its signatories, frozen into the version and shown publicly", async () => {
    const facilitator = await actor("MODERATOR");
    const { call, set, paragraphs } = await createSetWithParagraphs(facilitator, [
      ["Norms", ["Many asked for a fund for small CERTs.", "A second paragraph."]],
    ]);
    const { members } = await pastedCampaign(44, [0, 3, 7, 8, 11, 12], call);
    // One member is hidden by moderation: it is not a signatory (the figures do not count it either).
    await db.response.update({ where: { id: members[4]! }, data: { moderationState: "HIDDEN", hiddenReason: "Spam" } });
    await clusterCall(facilitator, call.id);
    const campaign = await db.responseCluster.findFirstOrThrow({ where: { callId: call.id } });

    const listed = await listCitableCampaigns(facilitator, call.id);
    expect(listed).toEqual([expect.objectContaining({ id: campaign.id, question: 1, signatories: 5 })]);

    const citation = await cite(facilitator, { paragraphId: paragraphs[0]!.id, clusterId: campaign.id });
    // The first member is private: the earliest public one stands for the campaign.
    const standing = await db.response.findUniqueOrThrow({ where: { id: members[1]! }, select: { reference: true } });
    expect(citation).toMatchObject({ responseId: members[1], excerptId: null, reference: standing.reference, signatories: 5 });
    await expect(cite(facilitator, { paragraphId: paragraphs[0]!.id, clusterId: campaign.id })).rejects.toMatchObject({
      code: "alreadyCited",
    });
    await expect(cite(facilitator, { paragraphId: paragraphs[1]!.id, clusterId: "gone" })).rejects.toMatchObject({
      code: "campaignNotFound",
    });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "citation.create", itemId: citation.id } });
    expect(audit.after).toMatchObject({ campaignId: campaign.id, signatories: 5 });

    const version = await saveVersion(facilitator, { setId: set.id, summary: "" });
    const stored = await db.messageSetVersion.findUniqueOrThrow({ where: { id: version.id }, select: { content: true } });
    expect(JSON.stringify(stored.content)).toContain('"signatories":5');
    await publishVersion(facilitator, {
      versionId: version.id,
      opensNow: true,
      commentClosesAt: new Date(Date.now() + 7 * 86_400_000),
    });
    const published = await getPublishedMessageSet(set.slug);
    const source = published!.sections[0]!.paragraphs[0]!.sources[0]!;
    expect(source).toMatchObject({ available: true, reference: standing.reference, signatories: 5 });
    expect(sourceLabel(source as { stakeholderGroup: null; region: null; signatories: number }, englishText())).toContain(
      "and 4 other signatories of the same text",
    );
    // The open data export of message sets carries the number too (moderators' and the public's).
    const slug = (await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { slug: true } })).slug;
    const rows = csvObjects(await readAll(exportStream((await publicDataset(slug, "message-sets")).dataset, "csv")));
    expect(rows.find((row) => row.reference === standing.reference)).toMatchObject({ signatories: "5" });
    const all = csvObjects(
      await readAll(exportStream((await moderatorDataset(facilitator, call.id, "message-sets")).dataset, "csv")),
    );
    expect(all.find((row) => row.reference === standing.reference)).toMatchObject({ signatories: "5" });
    expect(all.filter((row) => row.reference !== standing.reference).every((row) => row.signatories === "")).toBe(true);
  });

  it("refuses to cite a campaign none of whose members may be cited", async () => {
    const moderator = await actor("MODERATOR");
    const { call, paragraphs } = await createSetWithParagraphs(moderator, [["Norms", ["One paragraph."]]]);
    const { members } = await pastedCampaign(55, [1, 2, 3], call);
    await db.response.updateMany({ where: { id: { in: members } }, data: { consent: "PRIVATE" } });
    await clusterCall(moderator, call.id);
    const campaign = await db.responseCluster.findFirstOrThrow({ where: { callId: call.id } });
    expect(await listCitableCampaigns(moderator, call.id)).toEqual([]);
    await expect(cite(moderator, { paragraphId: paragraphs[0]!.id, clusterId: campaign.id })).rejects.toMatchObject({
      kind: "conflict",
      code: "citeCampaignPrivate",
    });
    expect(await db.citation.count({ where: { paragraphId: paragraphs[0]!.id } })).toBe(0);
  });
});
