// Campaigns (near-duplicate responses): a moderator computes them and sees "a campaign of 20 responses" with
// its members; a stakeholder gets 403 on the page and a replayed Recompute request changes nothing; the
// public list shows the campaign once with its count and links to its published members.
import { computeClusters, systemAudit } from "@/lib/curation/cluster-call";
import { createCall, createQuestion } from "@/prisma/factories";
import {
  CAMPAIGN_TEXT,
  campaignCopy,
  distinctText,
  pastedCampaignRows,
  plantResponses,
  seededRandom,
} from "@/prisma/factories-clusters";
import { createTag } from "@/prisma/factories-coding";
import { createMessageSet } from "@/prisma/factories-exports";
import { db, expect, expectAccessible, signInAppointed, test, watchCsp, signInAs } from "./fixtures";

const MINUTE = 60_000;
// Fixed texts and times, so every run plants the same responses: the generator's seed, and submissions a
// minute apart from a fixed instant in the past (only their order matters: the first copy is the earliest).
const SEED = 20_251;
const START = Date.UTC(2026, 0, 5, 9, 0);

/** A published, open call with a 20-copy campaign (the first copy carrying markup) and 5 distinct responses. */
async function campaignCall() {
  const call = await createCall(db);
  const question = await createQuestion(db, { callId: call.id });
  const rng = seededRandom(SEED);
  const start = START;
  const copies = Array.from({ length: 20 }, (_, i) => ({
    texts: [(i === 0 ? "<em>Note</em> " : "") + campaignCopy(CAMPAIGN_TEXT, rng)],
    submittedAt: new Date(start + (i + 5) * MINUTE),
  }));
  const distinct = Array.from({ length: 5 }, (_, i) => ({
    texts: [distinctText(rng)],
    submittedAt: new Date(start + i * MINUTE),
  }));
  const ids = await plantResponses(db, call.id, [question.id], [...distinct, ...copies]);
  return { call, copyIds: ids.slice(5) };
}

const clusterIdsOf = async (callId: string) =>
  (await db.responseCluster.findMany({ where: { callId }, orderBy: { id: "asc" }, select: { id: true } })).map((c) => c.id);

test("a moderator recomputes the campaigns and sees a campaign of 20 responses; others are refused", async ({ browser }) => {
  const { call, copyIds } = await campaignCall();
  const path = `/moderation/calls/${call.id}/campaigns`;

  const moderatorContext = await browser.newContext();
  const moderatorUser = await signInAs(moderatorContext, "MODERATOR");
  const page = await moderatorContext.newPage();
  const csp = watchCsp(page);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Campaigns", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Campaigns have not been computed for this call yet.")).toBeVisible();
  await expect(page.getByText(/at least 60% of their runs of words are shared/)).toBeVisible();
  await expectAccessible(page);

  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    page.getByRole("button", { name: "Recompute campaigns" }).click(),
  ]);
  await expect(page.getByRole("status")).toContainText("One campaign found among 25 responses.");
  await expect(page.getByRole("heading", { name: "A campaign of 20 responses" })).toBeVisible();
  await expect(page.getByText("Up to date.")).toBeVisible();
  // The first copy's markup is shown as text, never interpreted.
  await expect(page.locator("blockquote")).toContainText("<em>Note</em>");
  await expect(page.locator("blockquote em")).toHaveCount(0);

  await page.getByText("Show the 20 responses").click();
  const rows = page.locator("details tbody tr");
  await expect(rows).toHaveCount(20);
  await expect(rows.first().getByRole("link")).toHaveAttribute("href", `/moderation/responses/${copyIds[0]}`);
  await expect(rows.first()).toContainText("(first)");
  await expect(rows.first()).toContainText("100%");
  await expectAccessible(page);
  expect(csp).toEqual([]);

  const audit = await db.auditEntry.findMany({ where: { callId: call.id, action: "call.cluster" }, select: { actorId: true } });
  expect(audit).toEqual([{ actorId: moderatorUser.id }]);
  const clusters = await clusterIdsOf(call.id);
  expect(clusters).toHaveLength(1);

  // The same request, replayed by a stakeholder and by a visitor, changes nothing.
  const replay = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
  delete replay.headers.cookie;
  const stakeholderContext = await browser.newContext();
  await signInAs(stakeholderContext, "STAKEHOLDER");
  const refused = await stakeholderContext.request.fetch(request.url(), {
    method: "POST",
    headers: replay.headers,
    data: replay.body,
  });
  expect(await refused.text()).toContain("You are not allowed to do this.");
  const anonymous = await browser.newContext();
  const signedOut = await anonymous.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await signedOut.text()).toContain("Please sign in first.");
  expect(await clusterIdsOf(call.id)).toEqual(clusters);
  expect(await db.auditEntry.count({ where: { callId: call.id, action: "call.cluster" } })).toBe(1);

  // The page itself: 403 for a stakeholder, sign-in for a visitor.
  const stakeholderPage = await stakeholderContext.newPage();
  expect((await stakeholderPage.goto(path))?.status()).toBe(403);
  await expect(stakeholderPage.getByText("A campaign of 20 responses")).toHaveCount(0);
  const visitorPage = await anonymous.newPage();
  await visitorPage.goto(path);
  await expect(visitorPage).toHaveURL(/\/signin\?callbackUrl=/);

  await Promise.all([moderatorContext.close(), stakeholderContext.close(), anonymous.close()]);
});

test("the public list shows a campaign once, with its count and a link to its members", async ({ page }) => {
  const { call } = await campaignCall();
  await computeClusters(db, null, call.id, systemAudit);
  const csp = watchCsp(page);
  await page.goto(`/calls/${call.slug}/responses`);
  await expect(page.getByRole("status")).toContainText("6 published responses match.");
  const similar = page.getByRole("link", { name: "and 19 similar responses" });
  await expect(similar).toHaveCount(1);
  await expectAccessible(page);

  await similar.click();
  await expect(page).toHaveURL(/campaign=/);
  await expect(page.getByRole("heading", { name: "Responses of one campaign" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("20 published responses match.");
  await expect(page.locator(".result-list > li")).toHaveCount(20);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Back to all responses" }).click();
  await page.getByRole("link", { name: "Show every response" }).click();
  await expect(page).toHaveURL(/view=all/);
  await expect(page.getByRole("status")).toContainText("25 published responses match.");
  await expect(page.getByRole("link", { name: /similar responses/ })).toHaveCount(0);
  expect(csp).toEqual([]);
});

test("a campaign pasted into question 1 of four otherwise different responses is found, tagged at once and cited as one source", async ({
  browser,
}) => {
  const call = await createCall(db);
  const questions = [];
  for (let q = 0; q < 4; q++) questions.push(await createQuestion(db, { callId: call.id }));
  // Twelve responses written separately; four of them paste the coalition's text as their answer to question 1.
  const pasted = [1, 4, 7, 10];
  const rows = pastedCampaignRows(seededRandom(SEED + 1), 12, (i) => pasted.includes(i), START);
  const ids = await plantResponses(
    db,
    call.id,
    questions.map((q) => q.id),
    rows,
  );
  const members = pasted.map((i) => ids[i]!);
  await createTag(db, { callId: call.id, name: "Coalition text" });
  const set = await createMessageSet(db, {
    callId: call.id,
    title: "Messages on norms",
    sections: [{ heading: "Norms", paragraphs: [{ body: "Many respondents asked for a fund for small CERTs.", citations: [] }] }],
  });

  const context = await browser.newContext();
  await signInAppointed(context, call.forumId, "FACILITATOR");
  const page = await context.newPage();
  const csp = watchCsp(page);
  await page.goto(`/moderation/calls/${call.id}/campaigns`);
  await page.getByRole("button", { name: "Recompute campaigns" }).click();
  await expect(page.getByRole("status").first()).toContainText("One campaign found among 12 responses.");
  await expect(page.getByRole("heading", { name: "A campaign of 4 responses" })).toBeVisible();
  await expect(page.getByText(`Found in the answers to question 1 alone: “${questions[0]!.prompt}”`)).toBeVisible();
  await expect(page.getByText("Text of the first response's answer")).toBeVisible();
  await expectAccessible(page);

  // Tag all four in one action.
  await page.getByLabel("Tag every response of this campaign with").selectOption({ label: "Coalition text" });
  await page.getByRole("button", { name: /^Tag all/ }).click();
  await expect(page.getByText("4 responses tagged; none had the tag already.")).toBeVisible();
  const tagged = await db.responseTag.findMany({ where: { tag: { callId: call.id } }, select: { responseId: true } });
  expect(tagged.map((t) => t.responseId).sort()).toEqual([...members].sort());

  // Cite it as one source in the draft's paragraph 1.
  await page.goto(`/moderation/messages/${set.id}`);
  const campaigns = page.getByRole("list", { name: "Campaigns" });
  await expect(campaigns.locator("strong")).toHaveText("A campaign of 4 responses, in the answers to question 1");
  await campaigns.getByRole("button", { name: /^Cite/ }).click();
  await expect(page.getByText(/a campaign: and 3 other signatories/)).toBeVisible();
  const citation = await db.citation.findFirstOrThrow({ where: { paragraph: { setId: set.id } } });
  expect(citation).toMatchObject({ responseId: members[0], signatories: 4 });
  await expectAccessible(page);
  expect(csp).toEqual([]);
  await context.close();
});
