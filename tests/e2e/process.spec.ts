// The consultation as a visible process: from the home page a visitor reaches the draft open for comment
// and, for last year's closed call, the final messages in two clicks, through the call page's timeline
// (an ordered list with the current phase marked) or directly from the home page's lists.
import { DEMO_CALLS } from "@/prisma/demo-content";
import { DEMO_FINAL_SLUG } from "@/prisma/demo-final";
import { DEMO_MESSAGES_SLUG } from "@/prisma/demo-messages";
import { expect, expectAccessible, test } from "./fixtures";

const call = (key: "open" | "closed") => DEMO_CALLS.find((c) => c.key === key)!;
const DRAFT_TITLE = "IGF 2026 messages – Security, Safety, Stability and Resilience";
const FINAL_TITLE = "IGF 2025 messages – Building a culture of cybersecurity";

test("home → open call → the draft open for comment, and home → the draft directly", async ({ page }) => {
  await page.goto("/");
  const drafts = page.getByRole("region", { name: "Draft messages open for comment" });
  // Directly from the list (closing soonest first; the demo's may be further down in a busy database).
  const firstDraft = drafts.getByRole("listitem").first();
  await expect(firstDraft).toContainText(/Comments until .+ \w+/);
  await expectAccessible(page);
  const draftLink = firstDraft.getByRole("link");
  const draftTitle = (await draftLink.textContent())!;
  await draftLink.click();
  await expect(page).toHaveURL(/\/messages\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(draftTitle);

  await page.goto("/");

  await page.getByRole("link", { name: call("open").title }).click();
  await expect(page).toHaveURL(`/calls/${call("open").slug}`);
  const timeline = page.getByRole("region", { name: "The consultation cycle" }).getByRole("list").first();
  await expect(timeline.locator(":scope > li")).toHaveCount(4);
  const current = timeline.locator(':scope > li[aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current.getByRole("heading")).toHaveText("Draft messages open for comment");
  await expect(current).toContainText("Version 2 is open for comment.");
  // The comment period in the call's zone and the reader's; the final phase is upcoming, with no date.
  await expect(current.locator("time")).toHaveCount(2);
  await expect(current.getByText(/In your time zone:/)).toHaveCount(2);
  const finalStep = timeline.locator(":scope > li").nth(3);
  await expect(finalStep).toContainText("Not reached yet");
  await expect(finalStep.locator("time")).toHaveCount(0);
  await expectAccessible(page);
  await current.getByRole("link", { name: DRAFT_TITLE }).click();
  await expect(page).toHaveURL(`/messages/${DEMO_MESSAGES_SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: DRAFT_TITLE })).toBeVisible();
});

test("home → closed call → its final messages, and home → the final messages directly", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("region", { name: "BPF Cybersecurity" })
    .getByRole("link", { name: call("closed").title })
    .click();
  await expect(page).toHaveURL(`/calls/${call("closed").slug}`);
  const timeline = page.getByRole("region", { name: "The consultation cycle" }).getByRole("list").first();
  const current = timeline.locator(':scope > li[aria-current="step"]');
  await expect(current.getByRole("heading")).toHaveText("Final messages");
  // Every earlier phase is completed; the draft's comment period is listed with its dates.
  await expect(timeline.locator(":scope > li.is-done")).toHaveCount(3);
  await expect(timeline.locator(":scope > li").nth(2)).toContainText("Comment on version 1 has closed.");
  await expectAccessible(page);
  // Keyboard: the final messages link is reachable and followed with Enter.
  await current.getByRole("link", { name: FINAL_TITLE }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/messages/${DEMO_FINAL_SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: FINAL_TITLE })).toBeVisible();

  // Directly from the home page's list of recently finalised messages.
  await page.goto("/");
  const finalLink = page
    .getByRole("region", { name: "Recently finalised messages" })
    .getByRole("listitem")
    .first()
    .getByRole("link");
  const finalTitle = (await finalLink.textContent())!;
  await finalLink.click();
  await expect(page).toHaveURL(/\/messages\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(finalTitle);
});

test("the timeline stays readable at 375 px", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/calls/${call("open").slug}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
});
