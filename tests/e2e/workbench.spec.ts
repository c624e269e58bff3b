// The synthesis workbench end to end, all through the interface: a moderator tags a passage of a response,
// compiles a draft message citing that excerpt, publishes it, and the contributor's public response page
// then says where it was used, linking to the paragraph, whose sources show the quoted passage.
import { createCall, uniqueSuffix } from "@/prisma/factories";
import { createCodingCall } from "@/prisma/factories-coding";
import { db, expect, expectAccessible, signInAs, test, watchCsp } from "./fixtures";
import { dragOver } from "./selection";

test("a moderator tags a passage, cites it in a message, and the response shows where it was used", async ({ context, page }) => {
  test.slow();
  const csp = watchCsp(page);
  const suffix = uniqueSuffix();
  const passage = `Rural community networks need sustained funding ${suffix}`;
  const answer = `We run twelve access points.\n${passage}, not one-off grants. Training matters as much as hardware.`;
  const { call, question, responses } = await createCodingCall(db, [
    { answer, stakeholderGroup: "TECHNICAL_COMMUNITY", region: "ASIA_PACIFIC" },
  ]);
  const response = responses[0]!;
  const tagName = `funding ${suffix}`;
  await signInAs(context, "MODERATOR");

  // 1. A tag, then the passage selected with the mouse and saved as an excerpt with it.
  await page.goto(`/moderation/calls/${call.id}/coding`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(tagName);
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Tag “${tagName}” added.` })).toBeVisible();
  await page.goto(`/moderation/responses/${response.id}`);
  await dragOver(page, question.id, passage);
  await page.getByRole("button", { name: "Save excerpt" }).click();
  const form = page.getByRole("form", { name: "Save this excerpt" });
  await form.getByLabel(tagName).check();
  await form.getByRole("button", { name: "Save this excerpt" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Excerpt saved." })).toBeVisible();

  // 2. A message set citing that excerpt, found in the side panel by its tag.
  await page.goto(`/moderation/calls/${call.id}/messages`);
  const title = `Messages on community networks ${suffix}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create message set" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel("Heading", { exact: true }).fill("Access and Inclusion");
  await page.getByRole("button", { name: "Add heading" }).click();
  await page.getByLabel("New paragraph under “Access and Inclusion”").fill("Connectivity funding must be predictable.");
  await page.getByRole("button", { name: "Add paragraph" }).click();
  const paragraph = page.getByRole("article", { name: "Paragraph 1" });
  await expect(paragraph).toBeVisible();
  const panel = page.getByRole("complementary", { name: "Find sources" });
  await panel.getByLabel("Tag").selectOption({ label: tagName });
  await panel.getByRole("button", { name: "Search" }).click();
  const excerpts = panel.getByRole("list", { name: "Excerpts" });
  await expect(excerpts.getByRole("listitem")).toHaveCount(1);
  await excerpts.getByLabel(/Cite in paragraph/).selectOption({ label: "Paragraph 1" });
  await excerpts.getByRole("button", { name: /^Cite/ }).click();
  await expect(excerpts.getByRole("status")).toHaveText("Source cited.");
  await expect(paragraph).toContainText("Draws on 1 Technical Community, 0 Government, 0 Civil Society, 0 Private Sector");
  await page.getByLabel("What changed").fill("First draft");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByText("Version 1 saved.")).toBeVisible();
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("link", { name: "View the published messages" })).toBeVisible();

  // 3. The stored citation points at the excerpt, and the response page says where it was used.
  const citation = await db.citation.findFirstOrThrow({
    where: { paragraph: { set: { callId: call.id } } },
    select: { responseId: true, quote: true, excerpt: { select: { quote: true } } },
  });
  expect(citation).toEqual({ responseId: response.id, quote: passage, excerpt: { quote: passage } });
  const set = await db.messageSet.findFirstOrThrow({ where: { callId: call.id }, select: { slug: true } });
  await page.goto(`/responses/${response.reference}`);
  const used = page.getByRole("link", { name: `Used in ${title}, paragraph 1` });
  await expect(used).toHaveAttribute("href", `/messages/${set.slug}#p-1`);
  await used.click();
  const published = page.locator("#p-1");
  await published.getByText("Sources of paragraph 1 (1)").click();
  await expect(published.locator("blockquote")).toHaveText(passage);
  await expectAccessible(page);
  expect(csp).toEqual([]);
});

test("a call's moderation tools are linked from each other and each is axe clean", async ({ context, page }) => {
  const call = await createCall(db);
  await signInAs(context, "MODERATOR");
  for (const tool of [
    "Moderation queue",
    "Campaigns",
    "Tags and excerpts",
    "Draft messages",
    "Participation",
    "Exports",
    "Call and questions",
  ]) {
    await page.goto(`/moderation/calls/${call.id}`);
    await page.getByRole("navigation", { name: "Tools for this call" }).getByRole("link", { name: tool }).click();
    await expect(page.getByRole("navigation", { name: "Tools for this call" }).getByRole("link", { name: tool })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expectAccessible(page);
  }
});

test("a stakeholder is refused every moderation and administration page; a visitor is sent to sign in", async ({ browser }) => {
  const call = await createCall(db);
  const { responses } = await createCodingCall(db, [{ answer: "A response long enough to be looked at by moderators." }]);
  const set = await db.messageSet.create({
    data: { callId: call.id, slug: `refusals-${uniqueSuffix()}`, title: "Refusal checks" },
    select: { id: true },
  });
  const pages = [
    "/moderation",
    "/moderation/calls/new",
    `/moderation/calls/${call.id}`,
    ...["queue", "campaigns", "coding", "messages", "participation", "exports"].map(
      (tool) => `/moderation/calls/${call.id}/${tool}`,
    ),
    `/moderation/responses/${responses[0]!.id}`,
    `/moderation/messages/${set.id}`,
    "/admin/users",
    "/admin/audit",
  ];
  const stakeholder = await browser.newContext();
  await signInAs(stakeholder, "STAKEHOLDER");
  const visitor = await browser.newContext();
  for (const path of pages) {
    const refused = await stakeholder.request.get(path, { maxRedirects: 0 });
    expect(refused.status(), path).toBe(403);
    const anonymous = await visitor.request.get(path, { maxRedirects: 0 });
    expect(anonymous.status(), path).toBe(307);
    expect(anonymous.headers().location, path).toContain("/signin?callbackUrl=");
  }
  await stakeholder.close();
  await visitor.close();
});
