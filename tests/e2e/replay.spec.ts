// The moderator's steps of a 13-response cycle, replayed through the interface and counted (issue 17: the
// 2019 BPF Cybersecurity replay took 15 clicks and 18 page loads to approve 12 responses, and 76 clicks and
// 59 page loads to cite 20 excerpts): approve all 13 waiting responses, tag them all with one tag, cite 20
// excerpts into one paragraph. A click is a click, a tick or a choice in a list; a page load is a change of
// the page's address (a new document or the router's navigation). The counts are printed and kept in
// test-results/replay.json; each is held to a ceiling, so a change that adds steps fails here.
import { mkdir, writeFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { createExcerpt, createTag } from "@/prisma/factories-coding";
import { createModeratedCall, createModeratedResponse } from "@/prisma/factories-moderation";
import { db, expect, signInAppointed, test } from "./fixtures";

type Counter = { clicks: number; loads: number };

/** Counts what the person does on `page` from now on, step by step. */
function counting(page: Page) {
  let current: Counter = { clicks: 0, loads: 0 };
  let address = "";
  // A page is loaded when the address changes (a new document or the router's navigation); Next.js also
  // reports the same address again (history state after hydration, a refresh after an action), not counted.
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame() || frame.url() === address) return;
    address = frame.url();
    current.loads++;
  });
  return {
    step: () => (current = { clicks: 0, loads: 0 }),
    click: async (target: Locator) => {
      current.clicks++;
      await target.click();
    },
    check: async (target: Locator) => {
      current.clicks++;
      await target.check();
    },
    choose: async (target: Locator, option: string | { label: string }) => {
      current.clicks++;
      await target.selectOption(option);
    },
    goto: (path: string) => page.goto(path),
  };
}

test("approve 13, tag 13 and cite 20 excerpts: the moderator's clicks and page loads", async ({ browser }) => {
  test.slow();
  const call = await createModeratedCall(db, { moderationMode: "PRE" });
  const responses = [];
  for (let i = 1; i <= 13; i++)
    responses.push(
      await createModeratedResponse(db, {
        callId: call.id,
        questionId: call.questionId,
        moderationState: "PENDING",
        text: `Clinic ${i} trains local newsrooms in incident response. Network ${i} shares threat data across borders.`,
      }),
    );
  const tag = await createTag(db, { callId: call.id, name: "Capacity building" });
  for (let i = 0; i < 20; i++) {
    const n = (i % 13) + 1;
    await createExcerpt(db, {
      responseId: responses[n - 1]!.id,
      questionId: call.questionId,
      quote: i < 13 ? `Clinic ${n} trains local newsrooms` : `Network ${n} shares threat data`,
    });
  }
  const set = await db.messageSet.create({
    data: {
      callId: call.id,
      slug: `replay-${call.id}`,
      title: "Messages of the replay",
      sections: { create: { position: 1, heading: "Capacity building" } },
    },
    select: { id: true, sections: { select: { id: true } } },
  });
  const paragraph = await db.messageParagraph.create({
    data: { setId: set.id, sectionId: set.sections[0]!.id, position: 1, body: "Training must reach small newsrooms." },
    select: { id: true },
  });

  const context = await browser.newContext();
  await signInAppointed(context, call.forumId, "FACILITATOR");
  const page = await context.newPage();
  const me = counting(page);
  const counts: Record<string, Counter> = {};

  // 1. Tag all 13 with one tag, from the queue (they are all on its first page).
  let step = me.step();
  await me.goto(`/moderation/calls/${call.id}/queue`);
  const bulk = page.getByRole("group", { name: "Several responses at once" });
  await me.check(bulk.getByLabel("Choose all on this page"));
  await me.choose(bulk.getByLabel("What to do with the ticked responses"), "Tag");
  await me.choose(bulk.getByLabel("Tag, to tag them"), { label: "Capacity building" });
  await me.click(bulk.getByRole("button", { name: "Apply to the ticked responses" }));
  await expect(page.getByRole("status").filter({ hasText: "13 responses were tagged." })).toBeVisible();
  counts.tag13 = step;
  expect(await db.responseTag.count({ where: { tagId: tag.id } })).toBe(13);

  // 2. Approve all 13.
  step = me.step();
  await me.check(bulk.getByLabel("Choose all on this page"));
  await me.choose(bulk.getByLabel("What to do with the ticked responses"), "Approve");
  await me.click(bulk.getByRole("button", { name: "Apply to the ticked responses" }));
  await expect(page.getByRole("status").filter({ hasText: "13 responses were approved." })).toBeVisible();
  counts.approve13 = step;
  expect(await db.response.count({ where: { callId: call.id, moderationState: "PUBLISHED" } })).toBe(13);

  // 3. Cite 20 excerpts into the paragraph, from the editor's source panel.
  step = me.step();
  await me.goto(`/moderation/messages/${set.id}`);
  const panel = page.getByRole("complementary", { name: "Find sources" });
  const ticks = panel.getByRole("list", { name: "Excerpts" }).getByRole("checkbox");
  await expect(ticks).toHaveCount(20);
  await me.check(panel.getByLabel("Tick all the excerpts shown"));
  for (const tick of await ticks.all()) await expect(tick).toBeChecked();
  await me.click(panel.getByRole("button", { name: "Cite the ticked excerpts" }));
  await expect(panel.getByRole("status").filter({ hasText: /20/ })).toBeVisible();
  counts.cite20 = step;
  expect(await db.citation.count({ where: { paragraphId: paragraph.id } })).toBe(20);

  console.info(`[replay] ${JSON.stringify(counts)}`);
  await mkdir("test-results", { recursive: true });
  await writeFile("test-results/replay.json", `${JSON.stringify(counts, null, 2)}\n`);
  // Ceilings: the counts as measured when this was written (README, "Bulk work").
  expect(counts.tag13).toEqual({ clicks: 4, loads: expect.any(Number) });
  expect(counts.tag13!.loads).toBeLessThanOrEqual(2);
  expect(counts.approve13).toEqual({ clicks: 3, loads: expect.any(Number) });
  expect(counts.approve13!.loads).toBeLessThanOrEqual(1);
  expect(counts.cite20!.clicks).toBe(2);
  expect(counts.cite20!.loads).toBeLessThanOrEqual(1);
  await context.close();
});
