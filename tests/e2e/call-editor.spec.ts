// Moderators create, edit and publish calls. A stakeholder is refused the pages, and a replayed editor
// request changes nothing. Once a call has responses its questions are read-only.
import { toLocalDateTime } from "@/lib/calls/time";
import { createCall, createForum, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { db, expect, expectAccessible, signInAs, test } from "./fixtures";

const DAY = 24 * 3600 * 1000;
const zurich = (offsetDays: number) => toLocalDateTime(new Date(Date.now() + offsetDays * DAY), "Europe/Zurich");

test("a moderator creates a call with three kinds of question and a glossary, publishes it, and visitors see it", async ({
  context,
  page,
}) => {
  test.slow(); // a long form, filled field by field, with four axe scans
  const forum = await createForum(db);
  const taken = await createCall(db, { forumId: forum.id, publishedAt: null });
  const suffix = uniqueSuffix();
  const title = `Norms that work ${suffix}`;
  await signInAs(context, "MODERATOR");

  await page.goto("/moderation");
  await page.getByRole("link", { name: "New call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New call for contributions" })).toBeVisible();
  await expectAccessible(page);

  // Nothing filled in: every required field says what is missing, and the page stays accessible.
  await page.getByRole("button", { name: "Create draft call" }).click();
  await expect(page.getByText("Choose the forum that runs this call.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel("Forum").selectOption({ label: forum.name });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Web address").fill(taken.slug);
  await page.getByLabel("Receipt prefix").fill(`e${suffix}`);
  await page.getByLabel("Thematic track (optional)").fill("Security, Safety, Stability and Resilience");
  await page.getByLabel("Introduction (optional)").fill("Tell us which **norms** work in your community.");
  await page.getByLabel("Time zone").selectOption("Europe/Zurich");
  await page.getByLabel("Opens").fill(zurich(-1));
  await page.getByLabel("Closes").fill(zurich(30));

  const question = (n: number) => page.getByRole("group", { name: `Question ${n}` });
  await question(1).getByLabel("Question").fill("Which norms does your community follow?");
  await question(1).getByLabel("An answer is required").check();
  await page.getByRole("button", { name: "Add a question" }).click();
  await expect(question(2).getByLabel("Question")).toBeFocused();
  await question(2).getByLabel("Question").fill("Which multiple-choice question comes first?");
  await question(2).getByLabel("Answer type").selectOption("MULTIPLE_CHOICE");
  await question(2).getByLabel("Choices, one per line").fill("Capacity building\nPolicy and cooperation\nSafety online");
  await page.getByRole("button", { name: "Add a question" }).click();
  await question(3).getByLabel("Question").fill("Your sector, in a few words");
  await question(3).getByLabel("Answer type").selectOption("SHORT_TEXT");
  // Reorder from the keyboard: the short question moves up, and focus follows it.
  await question(3).getByRole("button", { name: "Move up Question 3" }).focus();
  await page.keyboard.press("Enter");
  await expect(question(2).getByLabel("Question")).toHaveValue("Your sector, in a few words");
  await expect(question(2).getByRole("button", { name: "Move up Question 2" })).toBeFocused();

  await page.getByRole("button", { name: "Add a term" }).click();
  await page.getByRole("group", { name: "Term 1" }).getByLabel("Term").fill("Norm");
  await page.getByRole("group", { name: "Term 1" }).getByLabel("Definition").fill("An expectation of appropriate behaviour.");
  await page.getByRole("button", { name: "Add a term" }).click();
  await page.getByRole("group", { name: "Term 2" }).getByLabel("Term").fill("CfC");
  await page.getByRole("group", { name: "Term 2" }).getByLabel("Definition").fill("Call for contributions.");

  // The server refuses the taken address on its field; everything typed stays.
  await page.getByRole("button", { name: "Create draft call" }).click();
  await expect(page.locator("#editor-notice")).toContainText("Another call already uses this web address.");
  await expect(page.getByLabel("Web address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("group", { name: "Term 2" }).getByLabel("Definition")).toHaveValue("Call for contributions.");
  await expectAccessible(page);

  await page.getByLabel("Web address").fill(`norms-${suffix}`);
  await page.getByRole("button", { name: "Create draft call" }).click();
  await expect(page).toHaveURL(/\/moderation\/calls\/[^/]+\?created=1$/);
  await expect(page.getByRole("status").filter({ hasText: "created as a draft" })).toBeVisible();
  await expect(page.locator(".status-panel .badge")).toHaveText("Draft");
  await expectAccessible(page);

  const saved = await db.call.findUniqueOrThrow({
    where: { slug: `norms-${suffix}` },
    select: {
      referencePrefix: true,
      timeZone: true,
      questions: { orderBy: { position: "asc" }, select: { type: true, required: true, options: true, maxLength: true } },
      glossary: { orderBy: { position: "asc" }, select: { term: true } },
    },
  });
  expect(saved.referencePrefix).toBe(`E${suffix.toUpperCase()}`);
  expect(saved.timeZone).toBe("Europe/Zurich");
  expect(saved.questions).toEqual([
    { type: "LONG_TEXT", required: true, options: [], maxLength: 5000 },
    { type: "SHORT_TEXT", required: false, options: [], maxLength: 300 },
    {
      type: "MULTIPLE_CHOICE",
      required: false,
      options: ["Capacity building", "Policy and cooperation", "Safety online"],
      maxLength: null,
    },
  ]);
  expect(saved.glossary.map((term) => term.term)).toEqual(["Norm", "CfC"]);

  // Saved questions keep their ids: adding one and saving twice makes four, not five.
  await page.getByRole("button", { name: "Add a question" }).click();
  await question(4).getByLabel("Question").fill("Anything else?");
  for (let i = 0; i < 2; i++) {
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The call has been saved." })).toBeVisible();
  }
  expect(await db.question.count({ where: { call: { slug: `norms-${suffix}` } } })).toBe(4);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.locator(".status-panel .badge")).toHaveText("Open");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Open");
});

test("a stakeholder is refused the editor pages, and a replayed save changes nothing", async ({ browser }) => {
  const call = await createCall(db, { publishedAt: null, title: `Draft call ${uniqueSuffix()}` });
  await createQuestion(db, { callId: call.id, prompt: "What works?" });
  const titleOf = async () => (await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { title: true } })).title;

  const moderatorContext = await browser.newContext();
  await signInAs(moderatorContext, "MODERATOR");
  const moderator = await moderatorContext.newPage();
  await moderator.goto(`/moderation/calls/${call.id}`);
  await moderator.getByLabel("Title").fill("Renamed by the moderator");
  const [request] = await Promise.all([
    moderator.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    moderator.getByRole("button", { name: "Save changes" }).click(),
  ]);
  await expect(moderator.getByRole("status").filter({ hasText: "The call has been saved." })).toBeVisible();
  expect(await titleOf()).toBe("Renamed by the moderator");
  await db.call.update({ where: { id: call.id }, data: { title: call.title } });

  const stakeholderContext = await browser.newContext();
  await signInAs(stakeholderContext, "STAKEHOLDER");
  const stakeholder = await stakeholderContext.newPage();
  for (const path of ["/moderation/calls/new", `/moderation/calls/${call.id}`]) {
    expect((await stakeholder.goto(path))?.status()).toBe(403);
    await expect(stakeholder.getByRole("heading", { name: "Access denied" })).toBeVisible();
  }
  await expectAccessible(stakeholder);

  const replay = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
  delete replay.headers.cookie;
  const response = await stakeholderContext.request.fetch(request.url(), {
    method: "POST",
    headers: replay.headers,
    data: replay.body,
  });
  expect(await response.text()).toContain("You are not allowed to do this.");
  expect(await titleOf()).toBe(call.title);
  await stakeholderContext.close();
  await moderatorContext.close();
});

test("once a call has responses its questions are read-only, and the closing time can only move later", async ({
  context,
  page,
}) => {
  const forum = await createForum(db);
  const call = await createCall(db, { forumId: forum.id, timeZone: "Europe/Zurich" });
  await createQuestion(db, { callId: call.id, prompt: "What does security mean to you?", required: true });
  await createQuestion(db, { callId: call.id, prompt: "Pick one", type: "SINGLE_CHOICE" });
  const author = await createUser(db);
  await createResponse(db, { callId: call.id, authorId: author.id, status: "SUBMITTED" });
  await signInAs(context, "MODERATOR");

  await page.goto(`/moderation/calls/${call.id}`);
  await expect(page.getByText("its questions are read-only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a question" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Question 1" }).getByLabel("Question")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Unpublish/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Closes").fill(toLocalDateTime(new Date(call.closesAt.getTime() - 7 * DAY), "Europe/Zurich"));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#editor-notice")).toContainText("its closing time can only be moved later");
  await expect(page.getByLabel("Closes")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  const later = new Date(call.closesAt.getTime() + 14 * DAY);
  await page.getByLabel("Closes").fill(toLocalDateTime(later, "Europe/Zurich"));
  await page.getByRole("group", { name: "Question 1" }).getByLabel("Help text (optional)").fill("One example is enough.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The call has been saved." })).toBeVisible();
  const after = await db.call.findUniqueOrThrow({
    where: { id: call.id },
    select: { closesAt: true, questions: { orderBy: { position: "asc" }, select: { prompt: true, helpText: true } } },
  });
  expect(Math.abs(after.closesAt.getTime() - later.getTime())).toBeLessThan(60_000);
  expect(after.questions).toEqual([
    { prompt: "What does security mean to you?", helpText: "One example is enough." },
    { prompt: "Pick one", helpText: "" },
  ]);
});

test("without JavaScript the editor saves, and a refusal keeps what was typed", async ({ browser }) => {
  const call = await createCall(db, { publishedAt: null, timeZone: "UTC" });
  await createQuestion(db, { callId: call.id, prompt: "What works?" });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(context, "MODERATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/calls/${call.id}`);
  await page.getByLabel("Title").fill("");
  await page.getByLabel("Introduction (optional)").fill("Kept after the refusal.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#editor-notice")).toContainText("please correct the fields marked below");
  await expect(page.getByText("This field is required.")).toBeVisible();
  await expect(page.getByLabel("Introduction (optional)")).toHaveValue("Kept after the refusal.");
  // (axe needs JavaScript; the same markup with errors is scanned in the tests above.)

  await page.getByLabel("Title").fill("Saved without JavaScript");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#editor-notice")).toContainText("The call has been saved.");
  expect(await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { title: true, introduction: true } })).toEqual({
    title: "Saved without JavaScript",
    introduction: "Kept after the refusal.",
  });
  expect(await db.question.count({ where: { callId: call.id } })).toBe(1);
  await context.close();
});
