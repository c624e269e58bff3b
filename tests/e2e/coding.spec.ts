// Tags and excerpts: a moderator creates a tag, selects a passage of an answer with the mouse (or the
// keyboard), saves it as an excerpt with the tag, and finds it highlighted and on the call's coding page.
// Stakeholders and visitors are refused the pages, and a replayed action changes nothing.
import { uniqueSuffix } from "@/prisma/factories";
import { createCodingCall } from "@/prisma/factories-coding";
import { db, expect, expectAccessible, signInAs, test, watchCsp } from "./fixtures";
import { dragOver } from "./selection";

const ANSWER =
  "Our network trains 🌍 community trainers every month.\n" +
  "Human rights defenders need secure tools before any new norm is agreed. Capacity building must reach them first.";
const PASSAGE = "Human rights defenders need secure tools";

test("a moderator tags a passage, sees it highlighted and listed; others are refused and a replay changes nothing", async ({
  browser,
  context,
  page,
}) => {
  test.slow();
  const csp = watchCsp(page);
  const { call, question, responses } = await createCodingCall(db, [
    { answer: ANSWER, stakeholderGroup: "ACADEMIA", region: "LATIN_AMERICA_CARIBBEAN" },
  ]);
  const response = responses[0]!;
  const tagName = `human rights ${uniqueSuffix()}`;
  await signInAs(context, "MODERATOR");

  // A tag for the call.
  await page.goto(`/moderation/calls/${call.id}/coding`);
  await expect(page.getByRole("link", { name: "Tags and excerpts" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByText("Use at least 2 characters.")).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(tagName);
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Tag “${tagName}” added.` })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(tagName.toUpperCase());
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByText("This call already has a tag with this name.").first()).toBeVisible();
  expect(await db.tag.count({ where: { callId: call.id } })).toBe(1);
  await expectAccessible(page);

  // The passage, selected with the mouse, saved with the tag and a note.
  await page.getByRole("region", { name: "Responses to code" }).getByRole("link", { name: response.reference! }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Response ${response.reference}` })).toBeVisible();
  await expectAccessible(page);
  await dragOver(page, question.id, PASSAGE);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    (async () => {
      await page.getByRole("button", { name: "Save excerpt" }).click();
      const form = page.getByRole("form", { name: "Save this excerpt" });
      await expect(form).toContainText(`Selected in answer 1: “${PASSAGE}”`);
      await form.getByLabel(tagName).check();
      await form.getByLabel("Note (optional)").fill("Protection comes before new norms.");
      await form.getByRole("button", { name: "Save this excerpt" }).click();
    })(),
  ]);
  await expect(page.getByRole("status").filter({ hasText: "Excerpt saved." })).toBeVisible();
  await expect(page.locator(`[data-answer="${question.id}"] mark`)).toHaveText(PASSAGE);
  const saved = await db.excerpt.findMany({
    where: { responseId: response.id },
    select: {
      start: true,
      end: true,
      quote: true,
      note: true,
      sourceVersion: true,
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
  const start = ANSWER.indexOf(PASSAGE);
  expect(saved).toEqual([
    {
      start,
      end: start + PASSAGE.length,
      quote: PASSAGE,
      note: "Protection comes before new norms.",
      sourceVersion: 1,
      tags: [{ tag: { name: tagName } }],
    },
  ]);
  await expect(page.getByRole("region", { name: "Excerpts of this response" }).locator("blockquote")).toHaveText(PASSAGE);
  await expectAccessible(page);

  // By keyboard: focus the answer, move to the start, extend by word.
  await page.locator(`[data-answer="${question.id}"]`).focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Control+Shift+ArrowRight");
  await page.getByRole("button", { name: "Save excerpt" }).click();
  await expect(page.getByRole("form", { name: "Save this excerpt" })).toContainText("Selected in answer 1: “Our network trains”");
  await page.getByRole("button", { name: "Cancel" }).click();

  // A passage selected before the author changed the answer is refused; nothing is saved.
  await dragOver(page, question.id, "Capacity building must reach them");
  await page.getByRole("button", { name: "Save excerpt" }).click();
  await db.answer.update({
    where: { responseId_questionId: { responseId: response.id, questionId: question.id } },
    data: { text: `Edited: ${ANSWER}` },
  });
  await page.getByRole("form", { name: "Save this excerpt" }).getByRole("button", { name: "Save this excerpt" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "The answer has changed since you selected this passage" }),
  ).toBeVisible();
  expect(await db.excerpt.count({ where: { responseId: response.id } })).toBe(1);

  // The coding page lists it (the source moved by the edit), and counts the tag for Academia.
  await page.goto(`/moderation/calls/${call.id}/coding`);
  const list = page.getByRole("region", { name: "Excerpts" });
  await expect(list.locator("blockquote")).toHaveText(PASSAGE);
  await expect(list).toContainText("Source edited; passage moved");
  await expect(list).toContainText(tagName);
  const row = page.getByRole("table", { name: /by stakeholder group/ }).getByRole("row", { name: new RegExp(tagName) });
  await expect(row.getByRole("cell")).toHaveText(["1", "", "0", "0", "0", "0", "0", "1"]);
  await page.getByLabel("Stakeholder group", { exact: true }).selectOption("GOVERNMENT");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No excerpts match.")).toBeVisible();
  await expectAccessible(page);
  expect(csp).toEqual([]);

  // The captured action, replayed by a stakeholder and by a visitor: refused, nothing changes.
  const replay = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
  delete replay.headers.cookie;
  await db.answer.update({
    where: { responseId_questionId: { responseId: response.id, questionId: question.id } },
    data: { text: ANSWER },
  });
  const stakeholder = await browser.newContext();
  await signInAs(stakeholder, "STAKEHOLDER");
  const refused = await stakeholder.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await refused.text()).toContain("You are not allowed to do this.");
  const visitor = await browser.newContext();
  const anonymous = await visitor.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await anonymous.text()).toContain("Please sign in first.");
  expect(await db.excerpt.count({ where: { responseId: response.id } })).toBe(1);

  // Both pages: 403 for a stakeholder, sign-in for a visitor.
  const stakeholderPage = await stakeholder.newPage();
  for (const path of [`/moderation/calls/${call.id}/coding`, `/moderation/responses/${response.id}`]) {
    expect((await stakeholderPage.goto(path))?.status()).toBe(403);
    await expect(stakeholderPage.getByRole("heading", { name: "Access denied" })).toBeVisible();
    await expect(stakeholderPage.getByText(PASSAGE)).toHaveCount(0);
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(path);
    await expect(visitorPage).toHaveURL(/\/signin\?callbackUrl=/);
  }
  await stakeholder.close();
  await visitor.close();
});

test("without JavaScript a moderator pastes a passage and tags the whole response", async ({ browser }) => {
  const { call, question, responses } = await createCodingCall(db, [{ answer: ANSWER }]);
  const response = responses[0]!;
  const tag = await db.tag.create({
    data: { callId: call.id, name: `capacity building ${uniqueSuffix()}` },
    select: { id: true, name: true },
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(context, "MODERATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/responses/${response.id}`);

  // Words that are not in the answer: refused, nothing saved, the pasted text kept.
  await page.getByText("Or paste a passage").click();
  await page.getByLabel("Passage").fill("Capacity building must reach everyone");
  await page.getByRole("button", { name: "Save this excerpt" }).click();
  await expect(page.getByText("These words are not in the answer as it reads now").first()).toBeVisible();
  expect(await db.excerpt.count({ where: { responseId: response.id } })).toBe(0);
  await expect(page.getByLabel("Passage")).toHaveValue("Capacity building must reach everyone");

  await page.getByLabel("Passage").fill("Capacity building must reach them first.");
  await page.getByLabel(tag.name).check();
  await page.getByRole("button", { name: "Save this excerpt" }).click();
  await expect(page.getByRole("region", { name: "Excerpts of this response" }).locator("blockquote")).toHaveText(
    "Capacity building must reach them first.",
  );
  const start = ANSWER.indexOf("Capacity building must reach them first.");
  expect(
    await db.excerpt.findMany({ where: { responseId: response.id }, select: { questionId: true, start: true, end: true } }),
  ).toEqual([{ questionId: question.id, start, end: start + 40 }]);
  await expect(page.locator(`[data-answer="${question.id}"] mark`)).toHaveText("Capacity building must reach them first.");

  await page.getByLabel("Tag to add").selectOption(tag.id);
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("button", { name: `Remove the tag “${tag.name}”` })).toBeVisible();
  expect(await db.responseTag.count({ where: { responseId: response.id, tagId: tag.id } })).toBe(1);
  await page.getByRole("button", { name: `Remove the tag “${tag.name}”` }).click();
  await expect(page.getByText("No tags on this response yet.")).toBeVisible();
  expect(await db.responseTag.count({ where: { responseId: response.id } })).toBe(0);
  await context.close();
});
