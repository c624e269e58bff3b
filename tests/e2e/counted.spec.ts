// A response a facilitator hides in the queue counts nowhere (lib/responses/counted.ts): the public
// participation page no longer hears its group or region, and its author is not among the recipients of the
// call's next email. The other places (exact figures, gaps, final totals, outreach) are in
// tests/unit/counted-responses.test.ts.
import { queueDraftOpened } from "@/lib/notifications/events";
import { createCall, createForum } from "@/prisma/factories";
import { createResponseFrom } from "@/prisma/factories-insights";
import { BASE_URL } from "@/playwright.config";
import { db, expect, signInAppointed, test } from "./fixtures";

// Emails are rendered where they are queued: here, for the app at BASE_URL.
process.env.NEXTAUTH_URL = BASE_URL;

test("a hidden response leaves the public participation and the next email's recipients", async ({ browser }) => {
  const forum = await createForum(db);
  const call = await createCall(db, { forumId: forum.id });
  const from = (
    group: "CIVIL_SOCIETY" | "GOVERNMENT" | "TECHNICAL_COMMUNITY",
    region: "AFRICA" | "EASTERN_EUROPE" | "LATIN_AMERICA_CARIBBEAN",
  ) => createResponseFrom(db, { callId: call.id, group, region, consent: "PUBLISH_NAMED" });
  const civil = await from("CIVIL_SOCIETY", "AFRICA");
  const government = await from("GOVERNMENT", "EASTERN_EUROPE");
  // The only response from its group and region: an advertisement.
  const advert = await from("TECHNICAL_COMMUNITY", "LATIN_AMERICA_CARIBBEAN");
  const reference = advert.response.reference!;

  const visitor = await browser.newPage();
  await visitor.goto(`/calls/${call.slug}/participation`);
  const byGroup = visitor.getByRole("img", { name: /^Responses by stakeholder group/ });
  await expect(visitor.getByText("3 responses submitted so far.")).toBeVisible();
  await expect(byGroup).toContainText("Technical Communityfewer than 5");

  const facilitator = await browser.newContext();
  await signInAppointed(facilitator, forum.id, "FACILITATOR");
  const page = await facilitator.newPage();
  await page.goto(`/moderation/calls/${call.id}/queue`);
  const item = page.getByRole("article").filter({ hasText: reference });
  await item.getByText("Hide with a reason…").click();
  await item.getByLabel(/Reason for hiding/).fill("An advertisement for a security product, not a contribution.");
  await item.getByRole("button", { name: `Hide ${reference}` }).click();
  await expect(page.getByRole("status")).toContainText(`${reference} is now hidden`);
  await facilitator.close();

  await visitor.reload();
  await expect(visitor.getByText("2 responses submitted so far.")).toBeVisible();
  await expect(byGroup).toContainText("Technical Community0 (0%)");
  // The call's page says who has not been heard.
  await visitor.goto(`/calls/${call.slug}`);
  await expect(visitor.getByText(/^No response yet from (?!these regions)/)).toContainText("Technical Community");
  await expect(visitor.getByText(/^No response yet from these regions/)).toContainText("Latin America and the Caribbean");
  await visitor.close();

  // The next email to the call's audience: a draft opened for comment.
  const set = await db.messageSet.create({
    data: { callId: call.id, slug: `counted-${call.slug}`, title: "Draft messages" },
    select: { id: true },
  });
  const version = await db.messageSetVersion.create({
    data: { setId: set.id, number: 1, title: "Draft messages", introduction: "", content: [] },
    select: { id: true },
  });
  await db.$transaction((tx) => queueDraftOpened(tx, { versionId: version.id }));
  const recipients = await db.emailJob.findMany({
    where: { dedupeKey: { startsWith: `draft-opened:${version.id}:` } },
    select: { userId: true },
  });
  expect(recipients.map((row) => row.userId).sort()).toEqual([civil.user.id, government.user.id].sort());
});
