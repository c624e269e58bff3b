// Compiling draft messages: a moderator writes a paragraph citing an excerpt, sees who it draws on, saves
// and publishes a version; the cited response then says where it was used, and the public page shows the
// paragraph and its source. A stakeholder is refused the editor, and a replayed action changes nothing.
import { DEMO_MESSAGES_SLUG } from "@/prisma/demo-messages";
import { createCall, createForum, uniqueSuffix } from "@/prisma/factories";
import { createExcerpt, createSourceResponse } from "@/prisma/factories-messages";
import { db, expect, expectAccessible, signInAppointed, signInAs, test, watchCsp } from "./fixtures";

async function sourceOf(callId: string, word: string) {
  const response = await createSourceResponse(db, {
    callId,
    stakeholderGroup: "CIVIL_SOCIETY",
    region: "AFRICA",
    text: `Community networks in rural areas need ${word} support before any norm can work for them.`,
  });
  const excerpt = await createExcerpt(db, {
    responseId: response.id,
    questionId: response.questionId,
    quote: `Community networks in rural areas need ${word} support`,
    tags: ["capacity"],
  });
  return { response, excerpt };
}

test("a moderator compiles a message citing an excerpt; the response page then shows where it was used", async ({
  context,
  page,
}) => {
  const csp = watchCsp(page);
  const suffix = uniqueSuffix();
  const word = `zq${suffix}`;
  const call = await createCall(db);
  const { response } = await sourceOf(call.id, word);
  await signInAs(context, "MODERATOR");

  await page.goto(`/moderation/calls/${call.id}/messages`);
  await expect(page.getByRole("link", { name: "Draft messages" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  const title = `IGF 2026 messages – Security, Safety, Stability and Resilience ${suffix}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create message set" }).click();
  await expect(page).toHaveURL(/\/moderation\/messages\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // An empty heading is refused in the browser with a clear message, nothing sent.
  await page.getByRole("button", { name: "Add heading" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();
  await page.getByLabel("Heading", { exact: true }).fill("Policy and Cooperation");
  await page.getByRole("button", { name: "Add heading" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Policy and Cooperation" })).toBeVisible();

  const body = `Norms work when **every** stakeholder group shapes them early (${suffix}).`;
  await page.getByLabel("New paragraph under “Policy and Cooperation”").fill(body);
  await page.getByRole("button", { name: "Preview New paragraph under “Policy and Cooperation”" }).click();
  const preview = page.getByRole("region", { name: "Preview of New paragraph under “Policy and Cooperation”" });
  await expect(preview.locator("strong", { hasText: "every" })).toBeVisible();
  await page.getByRole("button", { name: "Add paragraph" }).click();
  const paragraph = page.getByRole("article", { name: "Paragraph 1" });
  await expect(paragraph.locator("strong", { hasText: "every" })).toBeVisible();
  await expect(paragraph).toContainText("This paragraph has no source yet.");

  // Find the excerpt in the side panel and cite it in paragraph 1.
  const panel = page.getByRole("complementary", { name: "Find sources" });
  await panel.getByLabel("Words or receipt number").fill(word);
  await panel.getByLabel("Tag").selectOption({ label: "capacity" });
  await panel.getByRole("button", { name: "Search" }).click();
  const excerpts = panel.getByRole("list", { name: "Excerpts" });
  await expect(excerpts.getByRole("listitem")).toHaveCount(1);
  await expect(excerpts).toContainText(`Community networks in rural areas need ${word} support`);
  await excerpts.getByLabel(/Cite in paragraph/).selectOption({ label: "Paragraph 1" });
  await excerpts.getByRole("button", { name: /^Cite/ }).click();
  await expect(excerpts.getByRole("status")).toHaveText("Source cited.");
  await expect(paragraph).toContainText(response.reference);
  await expect(paragraph).toContainText("Draws on 1 Civil Society, 0 Government, 0 Private Sector");
  await expect(paragraph).toContainText("Regions: 1 Africa, 0 Asia-Pacific");
  await expect(paragraph).toContainText("rests on a single stakeholder group (Civil Society)");
  // Citing it again is refused, clearly.
  await excerpts.getByRole("button", { name: /^Cite/ }).click();
  await expect(excerpts.getByRole("status")).toHaveText("This paragraph already cites this source.");
  await expectAccessible(page);

  await page.getByLabel("What changed").fill("First draft for public comment");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByText("Version 1 saved.")).toBeVisible();
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("link", { name: "View the published messages" })).toBeVisible();
  const set = await db.messageSet.findFirstOrThrow({ where: { callId: call.id }, select: { slug: true, status: true } });
  expect(set.status).toBe("PUBLISHED");

  // The contributor's response now says where it was used, linking to the paragraph.
  await page.goto(`/responses/${response.reference}`);
  const used = page.getByRole("link", { name: `Used in ${title}, paragraph 1` });
  await expect(used).toHaveAttribute("href", `/messages/${set.slug}#p-1`);
  await expectAccessible(page);
  await used.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const published = page.locator("#p-1");
  await expect(published).toContainText(`Norms work when every stakeholder group shapes them early (${suffix}).`);
  await published.getByText("Sources of paragraph 1 (1)").click();
  await expect(published.getByRole("link", { name: response.reference })).toHaveAttribute(
    "href",
    `/responses/${response.reference}`,
  );
  await expect(published).toContainText("Civil Society · Africa");
  await expectAccessible(page);
  expect(csp).toEqual([]);
});

test("unpublished messages are not public, and a hidden source is listed without its details", async ({ page }) => {
  const call = await createCall(db);
  const { response, excerpt } = await sourceOf(call.id, `zq${uniqueSuffix()}`);
  const slug = `draft-messages-${uniqueSuffix()}`;
  const set = await db.messageSet.create({
    data: {
      callId: call.id,
      slug,
      title: "Draft messages on resilience",
      sections: { create: { position: 1, heading: "Capacity Building" } },
    },
    select: { id: true, sections: { select: { id: true } } },
  });
  const paragraph = await db.messageParagraph.create({
    data: { setId: set.id, sectionId: set.sections[0]!.id, position: 1, body: "Capacity building must be local." },
    select: { id: true },
  });
  const citation = {
    responseId: response.id,
    excerptId: excerpt.id,
    reference: response.reference,
    stakeholderGroup: "CIVIL_SOCIETY",
    region: "AFRICA",
    quote: excerpt.quote,
  };
  const content = [
    {
      heading: "Capacity Building",
      paragraphs: [{ paragraphId: paragraph.id, body: "Capacity building must be local.", citations: [citation] }],
    },
  ];
  await db.messageSetVersion.create({ data: { setId: set.id, number: 1, summary: "Draft", content } });
  expect((await page.goto(`/messages/${slug}`))?.status()).toBe(404);
  await page.goto(`/responses/${response.reference}`);
  await expect(page.getByRole("heading", { name: "Used in messages" })).toHaveCount(0);

  await db.messageSetVersion.updateMany({ where: { setId: set.id }, data: { publishedAt: new Date() } });
  await db.messageSet.update({ where: { id: set.id }, data: { status: "PUBLISHED" } });
  await db.response.update({ where: { id: response.id }, data: { moderationState: "HIDDEN" } });
  await page.goto(`/messages/${slug}`);
  await page.getByText("Sources of paragraph 1 (1)").click();
  await expect(page.locator("#p-1")).toContainText("Source no longer available");
  await expect(page.locator("#p-1")).not.toContainText(response.reference);
});

test("a stakeholder is refused the editor pages, and a replayed action changes nothing", async ({ browser }) => {
  const call = await createCall(db);
  const set = await db.messageSet.create({
    data: {
      callId: call.id,
      slug: `replay-${uniqueSuffix()}`,
      title: "Messages to protect",
      sections: { create: { position: 1, heading: "Policy" } },
    },
    select: { id: true, sections: { select: { id: true } } },
  });
  const paragraph = await db.messageParagraph.create({
    data: { setId: set.id, sectionId: set.sections[0]!.id, position: 1, body: "The original text." },
    select: { id: true },
  });
  const bodyOf = async () =>
    (await db.messageParagraph.findUniqueOrThrow({ where: { id: paragraph.id }, select: { body: true } })).body;

  const moderatorContext = await browser.newContext();
  await signInAs(moderatorContext, "MODERATOR");
  const moderator = await moderatorContext.newPage();
  await moderator.goto(`/moderation/messages/${set.id}`);
  await moderator.getByText("Edit paragraph 1").click();
  await moderator.getByLabel("Text", { exact: true }).fill("The moderator's text.");
  const [request] = await Promise.all([
    moderator.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    moderator.getByRole("button", { name: "Save paragraph" }).click(),
  ]);
  await expect(moderator.getByText("Saved.")).toBeVisible();
  expect(await bodyOf()).toBe("The moderator's text.");
  await db.messageParagraph.update({ where: { id: paragraph.id }, data: { body: "The original text." } });
  const replay = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
  delete replay.headers.cookie;

  const stakeholderContext = await browser.newContext();
  await signInAs(stakeholderContext, "STAKEHOLDER");
  const stakeholder = await stakeholderContext.newPage();
  for (const path of [`/moderation/messages/${set.id}`, `/moderation/calls/${call.id}/messages`]) {
    expect((await stakeholder.goto(path))?.status()).toBe(403);
    await expect(stakeholder.getByRole("heading", { name: "Access denied" })).toBeVisible();
  }
  const refused = await stakeholderContext.request.fetch(request.url(), {
    method: "POST",
    headers: replay.headers,
    data: replay.body,
  });
  expect(await refused.text()).toContain("You are not allowed to do this.");
  expect(await bodyOf()).toBe("The original text.");

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/moderation/messages/${set.id}`);
  await expect(visitorPage).toHaveURL(/\/signin\?callbackUrl=/);
  const anonymous = await visitor.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await anonymous.text()).toContain("Please sign in first.");
  expect(await bodyOf()).toBe("The original text.");
  const audit = await db.auditEntry.count({ where: { itemId: paragraph.id, action: "messageParagraph.update" } });
  expect(audit).toBe(1);
  await Promise.all([moderatorContext.close(), stakeholderContext.close(), visitor.close()]);
});

test("the demo messages are public, numbered, with their sources and a single-group paragraph", async ({ page }) => {
  await page.goto(`/messages/${DEMO_MESSAGES_SLUG}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "IGF 2026 messages – Security, Safety, Stability and Resilience" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Policy and Cooperation", "Capacity Building"]);
  await expect(page.locator("li[id^='p-']")).toHaveCount(5);
  await page.getByText("Sources of paragraph 5").click();
  await expect(page.locator("#p-5")).toContainText("Draws on 2 Civil Society, 0 Government");
  await expect(page.locator("#p-5").getByRole("link", { name: /^CYB26-/ })).toHaveCount(2);
  await expectAccessible(page);
});

test("'Find sources for paragraph 2' makes the panel cite into paragraph 2", async ({ browser }) => {
  const suffix = uniqueSuffix();
  const forum = await createForum(db);
  const call = await createCall(db, { forumId: forum.id });
  const { response } = await sourceOf(call.id, `zt${suffix}`);
  const set = await db.messageSet.create({
    data: {
      callId: call.id,
      slug: `target-${suffix}`,
      title: "Messages with two paragraphs",
      sections: { create: { position: 1, heading: "Capacity" } },
    },
    select: { id: true, sections: { select: { id: true } } },
  });
  const sectionId = set.sections[0]!.id;
  await db.messageParagraph.createMany({
    data: [
      { setId: set.id, sectionId, position: 1, body: "Funding must be predictable." },
      { setId: set.id, sectionId, position: 2, body: "Training must reach small CERTs." },
    ],
  });
  const second = await db.messageParagraph.findFirstOrThrow({ where: { setId: set.id, position: 2 }, select: { id: true } });

  const context = await browser.newContext();
  await signInAppointed(context, forum.id, "FACILITATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/messages/${set.id}`);
  await page.getByRole("article", { name: "Paragraph 2" }).getByRole("link", { name: "Find sources for paragraph 2" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?for=${second.id}#sources-heading$`));
  const panel = page.getByRole("complementary", { name: "Find sources" });
  await expect(panel.getByText("Finding sources for paragraph 2")).toBeVisible();
  const item = panel.getByRole("list", { name: "Responses" }).getByRole("listitem").filter({ hasText: response.reference });
  await expect(item.getByLabel(/Cite in paragraph/).locator("option:checked")).toHaveText("Paragraph 2");
  await item.getByRole("button", { name: /^Cite/ }).click();
  await expect(item.getByRole("status")).toHaveText("Source cited.");
  expect(await db.citation.count({ where: { paragraphId: second.id, responseId: response.id } })).toBe(1);
  await expectAccessible(page);
  await context.close();
});
