// Several responses at once in the moderation queue: a facilitator ticks ten of twelve new responses and
// approves them in one action, then hides the other two with one reason; nothing ticked is refused clearly;
// with the call's tags, ticked responses are tagged at once; with its campaigns, added to one by hand; and
// the comments of a message set are approved several at once too.
import { computeClusters, systemAudit } from "@/lib/curation/cluster-call";
import { createCall, createQuestion } from "@/prisma/factories";
import { CAMPAIGN_TEXT, campaignCopy, distinctText, plantResponses, seededRandom } from "@/prisma/factories-clusters";
import { createTag } from "@/prisma/factories-coding";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import { createModeratedCall, createModeratedResponse } from "@/prisma/factories-moderation";
import { db, expect, expectAccessible, signInAppointed, test } from "./fixtures";

test("a facilitator approves ten responses in one action, and hides two with one reason", async ({ browser }) => {
  const call = await createModeratedCall(db, { moderationMode: "PRE" });
  const responses = [];
  for (let i = 0; i < 12; i++)
    responses.push(
      await createModeratedResponse(db, { callId: call.id, questionId: call.questionId, moderationState: "PENDING" }),
    );
  const statesOf = async () =>
    (
      await db.response.findMany({ where: { callId: call.id }, orderBy: { reference: "asc" }, select: { moderationState: true } })
    ).map((r) => r.moderationState);

  const context = await browser.newContext();
  await signInAppointed(context, call.forumId, "FACILITATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/calls/${call.id}/queue`);
  const bulk = page.getByRole("group", { name: "Several responses at once" });
  await expectAccessible(page);

  // Nothing ticked: said, nothing changed.
  await bulk.getByRole("button", { name: "Apply to the ticked responses" }).click();
  await expect(bulk.getByRole("alert")).toHaveText("Choose at least one first: tick the boxes of the items to act on.");

  const sorted = [...responses].sort((a, b) => a.reference!.localeCompare(b.reference!));
  for (const response of sorted.slice(0, 10)) await page.getByLabel(`Choose ${response.reference}`).check();
  await bulk.getByLabel("What to do with the ticked responses").selectOption("Approve");
  await bulk.getByRole("button", { name: "Apply to the ticked responses" }).click();
  await expect(page.getByRole("status").filter({ hasText: "10 responses were approved." })).toBeVisible();
  expect(await statesOf()).toEqual([...Array(10).fill("PUBLISHED"), "PENDING", "PENDING"]);
  expect(
    await db.auditEntry.count({ where: { action: "response.approve", itemId: { in: sorted.slice(0, 10).map((r) => r.id) } } }),
  ).toBe(10);

  // The new tab now holds the two left (approving marks a response reviewed): "Choose all on this page".
  await expect(page.getByRole("article")).toHaveCount(2);
  await bulk.getByLabel("Choose all on this page").check();
  for (const response of sorted.slice(10)) await expect(page.getByLabel(`Choose ${response.reference}`)).toBeChecked();
  await bulk.getByLabel("What to do with the ticked responses").selectOption("Hide");
  await bulk.getByLabel("Reason, to hide them (each author sees it)").fill("Advertisements, not contributions.");
  await bulk.getByRole("button", { name: "Apply to the ticked responses" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 responses are now hidden." })).toBeVisible();
  expect(await statesOf()).toEqual([...Array(10).fill("PUBLISHED"), "HIDDEN", "HIDDEN"]);
  await context.close();
});

test("a facilitator tags three responses with one of the call's tags in one action", async ({ browser }) => {
  const call = await createModeratedCall(db, { moderationMode: "POST" });
  const tag = await createTag(db, { callId: call.id, name: "Capacity building" });
  const responses = [];
  for (let i = 0; i < 4; i++) responses.push(await createModeratedResponse(db, { callId: call.id, questionId: call.questionId }));
  const sorted = [...responses].sort((a, b) => a.reference!.localeCompare(b.reference!));
  // One of them carries the tag already: it is said, not tagged twice.
  await db.responseTag.create({ data: { responseId: sorted[0]!.id, tagId: tag.id } });

  const context = await browser.newContext();
  await signInAppointed(context, call.forumId, "FACILITATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/calls/${call.id}/queue`);
  const bulk = page.getByRole("group", { name: "Several responses at once" });
  for (const response of sorted.slice(0, 3)) await page.getByLabel(`Choose ${response.reference}`).check();
  await bulk.getByLabel("What to do with the ticked responses").selectOption("Tag");
  await bulk.getByRole("button", { name: "Apply to the ticked responses" }).click();
  await expect(bulk.getByText("Choose the tag to put on the ticked responses.")).toBeVisible();
  expect(await db.responseTag.count({ where: { tagId: tag.id } })).toBe(1);
  await expectAccessible(page);

  for (const response of sorted.slice(0, 3)) await page.getByLabel(`Choose ${response.reference}`).check();
  await bulk.getByLabel("What to do with the ticked responses").selectOption("Tag");
  await bulk.getByLabel("Tag, to tag them").selectOption({ label: "Capacity building" });
  await bulk.getByRole("button", { name: "Apply to the ticked responses" }).click();
  const status = page.getByRole("status").filter({ hasText: "2 responses were tagged." });
  await expect(status).toContainText("1 of them already had the tag.");
  const tagged = await db.responseTag.findMany({ where: { tagId: tag.id }, select: { responseId: true } });
  expect(tagged.map((t) => t.responseId).sort()).toEqual(
    sorted
      .slice(0, 3)
      .map((r) => r.id)
      .sort(),
  );
  expect(await db.auditEntry.count({ where: { action: "response.tag", itemId: { in: sorted.map((r) => r.id) } } })).toBe(2);
  await context.close();
});

test("a facilitator adds a retold copy to its campaign from the queue, and the campaign lists it as added by hand", async ({
  browser,
}) => {
  const call = await createCall(db);
  const question = await createQuestion(db, { callId: call.id });
  const rng = seededRandom(31_337);
  const ids = await plantResponses(
    db,
    call.id,
    [question.id],
    [
      ...Array.from({ length: 3 }, (_, i) => ({
        texts: [campaignCopy(CAMPAIGN_TEXT, rng)],
        submittedAt: new Date(Date.UTC(2026, 0, 5, 9, i)),
      })),
      { texts: [distinctText(rng)], submittedAt: new Date(Date.UTC(2026, 0, 5, 10)) },
    ],
  );
  await computeClusters(db, null, call.id, systemAudit);
  const retold = await db.response.findUniqueOrThrow({ where: { id: ids[3]! }, select: { reference: true } });
  const first = await db.response.findUniqueOrThrow({ where: { id: ids[0]! }, select: { reference: true } });

  const context = await browser.newContext();
  await signInAppointed(context, call.forumId, "FACILITATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/calls/${call.id}/queue`);
  const bulk = page.getByRole("group", { name: "Several responses at once" });
  await page.getByLabel(`Choose ${retold.reference}`).check();
  await bulk.getByLabel("What to do with the ticked responses").selectOption("Add to a campaign");
  await bulk.getByRole("button", { name: "Apply to the ticked responses" }).click();
  await expect(bulk.getByText("Choose the campaign to add the ticked responses to.")).toBeVisible();

  await page.getByLabel(`Choose ${retold.reference}`).check();
  await bulk.getByLabel("What to do with the ticked responses").selectOption("Add to a campaign");
  await bulk.getByLabel("Campaign, to add them to").selectOption({ label: `${first.reference} and its campaign of 3` });
  await bulk.getByRole("button", { name: "Apply to the ticked responses" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 response was added to the campaign." })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/moderation/calls/${call.id}/campaigns`);
  await page.getByText("Show the 4 responses").click();
  const row = page.getByRole("row").filter({ hasText: retold.reference! });
  await expect(row).toContainText("added by hand");
  await context.close();
});

test("a facilitator approves three waiting comments in one action from the comments page", async ({ browser }) => {
  const { call, set, version, paragraphIds } = await createCommentableSet(db, { moderationMode: "PRE" });
  const ids = [];
  for (let i = 0; i < 3; i++)
    ids.push(
      (
        await createComment(db, {
          setId: set.id,
          versionId: version.id,
          paragraphId: paragraphIds[0],
          moderationState: "PENDING",
        })
      ).id,
    );
  const context = await browser.newContext();
  await signInAppointed(context, call.forumId, "FACILITATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/messages/${set.id}/comments`);
  const bulk = page.getByRole("group", { name: "Several comments at once" });
  await bulk.getByRole("button", { name: "Apply to the ticked comments" }).click();
  await expect(bulk.getByRole("alert")).toHaveText("Choose at least one first: tick the boxes of the items to act on.");
  await bulk.getByLabel("Choose all on this page").check();
  await bulk.getByLabel("What to do with the ticked comments").selectOption("Approve");
  await bulk.getByRole("button", { name: "Apply to the ticked comments" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 comments were approved." })).toBeVisible();
  expect(await db.comment.count({ where: { id: { in: ids }, moderationState: "PUBLISHED" } })).toBe(3);
  await expectAccessible(page);
  await context.close();
});
