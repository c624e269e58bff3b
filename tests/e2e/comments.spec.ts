// Public comment in the browser: a stakeholder comments on paragraph 3, a moderator answers with a
// disposition, and the public table shows what was said and what was done; replies and anonymity; the
// closed period (the page and a replayed post); the moderator page refused to stakeholders and visitors.
import type { Browser, Request } from "@playwright/test";
import { createUser, uniqueSuffix } from "@/prisma/factories";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import { db, expect, expectAccessible, signInAs, test, waitForMail, watchCsp } from "./fixtures";

const isAction = (r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]);

/** Replays a captured server-action request as another stakeholder and as a visitor; returns both answers. */
async function replay(browser: Browser, request: Request) {
  const headers = await request.allHeaders();
  delete headers.cookie;
  const answers: string[] = [];
  for (const role of ["STAKEHOLDER", null] as const) {
    const context = await browser.newContext();
    if (role) await signInAs(context, role);
    const response = await context.request.fetch(request.url(), {
      method: "POST",
      headers,
      data: request.postDataBuffer()!,
      maxRedirects: 0,
    });
    answers.push(await response.text());
    await context.close();
  }
  return answers;
}

test("a stakeholder comments on paragraph 3; a moderator answers; the public table shows the disposition", async ({
  browser,
}) => {
  test.slow(); // three people, two replays and five axe scans
  const { set, paragraphIds } = await createCommentableSet(db);
  const stakeholderContext = await browser.newContext();
  const stakeholder = await signInAs(stakeholderContext, "STAKEHOLDER");
  const page = await stakeholderContext.newPage();
  const csp = watchCsp(page);
  await page.goto(`/messages/${set.slug}`);
  await expect(page.getByText(/^Open for comment until/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Comment on paragraph 3 (no comments yet)" }).click();
  await expect(page).toHaveURL(new RegExp(`/messages/${set.slug}/discuss/${paragraphIds[2]}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Comments on paragraph 3" })).toBeVisible();

  // Empty: refused in the browser with a clear message.
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByText("Write your comment first.")).toBeVisible();
  const body = `Please say which stakeholder groups must be consulted before laws are drafted (${uniqueSuffix()}). <b>not bold</b>`;
  await page.getByLabel("Your comment").fill(body);
  await expect(page.getByText(`${body.length} of 4000 characters`)).toBeVisible();
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you: your comment is published.");
  const thread = page.getByRole("article").filter({ hasText: body });
  await expect(thread).toContainText("Civil Society · Africa");
  await expect(thread.locator("b")).toHaveCount(0);
  await expectAccessible(page);
  expect(csp).toEqual([]);
  const comment = await db.comment.findFirstOrThrow({ where: { setId: set.id }, select: { id: true, paragraphId: true } });
  expect(comment.paragraphId).toBe(paragraphIds[2]);
  await page.goto(`/messages/${set.slug}`);
  await expect(page.getByRole("link", { name: "Comment on paragraph 3 (1 comment)" })).toBeVisible();

  const moderatorContext = await browser.newContext();
  await signInAs(moderatorContext, "MODERATOR");
  const moderator = await moderatorContext.newPage();
  await moderator.goto(`/moderation/messages/${set.id}`);
  await moderator.getByRole("link", { name: "Comments on these messages" }).click();
  await expect(moderator.getByRole("heading", { level: 1, name: "Comments" })).toBeVisible();
  const item = moderator.getByRole("article").filter({ hasText: body });
  await expect(item).toContainText("on paragraph 3");
  await expectAccessible(moderator);
  await item.getByLabel(/^Disposition/).selectOption({ label: "Not incorporated" });
  await item.getByRole("button", { name: /^Save answer/ }).click();
  await expect(item.getByText("Say why the comment was not incorporated: the reason is published with it.")).toBeVisible();
  const reason = "The forum's messages do not prescribe national consultation procedures.";
  await item.getByLabel(/^Reason \(required/).fill(reason);
  await item.getByLabel(/^Answer \(public\)/).fill("Thank you: we will raise it at the session.");
  const [request] = await Promise.all([
    moderator.waitForRequest(isAction),
    item.getByRole("button", { name: /^Save answer/ }).click(),
  ]);
  await expect(moderator.getByRole("status")).toHaveText("The answer and disposition are saved and public.");
  // The commenter is told by email, through the queue (sent in the background, never in the request).
  const mail = await waitForMail(stakeholder.email, { timeout: 30_000 });
  expect(mail.text).toContain("The moderators answered your comment on");
  expect(mail.text).toContain("Not incorporated");
  expect(mail.text).toContain(reason);
  expect(mail.text).toMatch(/\/unsubscribe\/[\w-]+\?kind=/);
  const answered = await db.comment.findUniqueOrThrow({
    where: { id: comment.id },
    select: { disposition: true, dispositionReason: true },
  });
  expect(answered).toEqual({ disposition: "NOT_INCORPORATED", dispositionReason: reason });

  // The captured answer, replayed by a stakeholder and a visitor with another disposition: refused.
  await db.comment.update({ where: { id: comment.id }, data: { disposition: "NOTED", dispositionReason: null } });
  const [asStakeholder, asVisitor] = await replay(browser, request!);
  expect(asStakeholder).toContain("You are not allowed to do this.");
  expect(asVisitor).toContain("Please sign in first.");
  expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { disposition: true } })).disposition).toBe(
    "NOTED",
  );
  await db.comment.update({ where: { id: comment.id }, data: { disposition: "NOT_INCORPORATED", dispositionReason: reason } });

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/messages/${set.slug}/comments`);
  await expect(visitor.getByRole("heading", { level: 1, name: "What you said, what we did" })).toBeVisible();
  const table = visitor.getByRole("table", { name: "Paragraph 3" });
  await expect(table.getByRole("row").filter({ hasText: body })).toContainText("Not incorporated");
  await expect(table).toContainText(reason);
  await expect(table).toContainText("Version 1");
  await expectAccessible(visitor);
  await Promise.all([stakeholderContext.close(), moderatorContext.close()]);
});

test("replies show under their comment; anonymity hides the name; visitors get a sign-in link; the group filter works", async ({
  browser,
}) => {
  test.slow();
  const { set, version, paragraphIds } = await createCommentableSet(db);
  const named = await createUser(db, {
    profile: { displayName: `Eva Tamm ${uniqueSuffix()}`, stakeholderGroup: "GOVERNMENT", region: "EASTERN_EUROPE" },
  });
  const parent = await createComment(db, {
    setId: set.id,
    versionId: version.id,
    paragraphId: paragraphIds[0]!,
    authorId: named.id,
    stakeholderGroup: "GOVERNMENT",
    region: "EASTERN_EUROPE",
    body: "Early drafting needs remote participation.",
  });
  const context = await browser.newContext();
  await signInAs(context, "STAKEHOLDER");
  const page = await context.newPage();
  await page.goto(`/messages/${set.slug}/discuss/${paragraphIds[0]}`);
  const thread = page.locator(`#comment-${parent.id}`);
  await expect(thread.getByRole("heading", { level: 3 })).toContainText(`${named.profile!.displayName} · Government`);
  await thread.locator("summary", { hasText: /^Reply/ }).click();
  const reply = `Agreed, with captioning too (${uniqueSuffix()}).`;
  await thread.getByLabel(/^Your reply to/).fill(reply);
  await thread.getByLabel(/^Comment anonymously/).check();
  await thread.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you: your comment is published.");
  const replies = page.locator(`#comment-${parent.id}`).getByRole("list", { name: /^Replies to the comment by/ });
  await expect(replies).toContainText(reply);
  await expect(replies.getByRole("heading", { level: 4 })).toHaveText("Anonymous · Civil Society · Africa");
  const row = await db.comment.findFirstOrThrow({
    where: { parentId: parent.id },
    select: { anonymous: true, paragraphId: true },
  });
  expect(row).toEqual({ anonymous: true, paragraphId: paragraphIds[0] });
  await expectAccessible(page);

  // Reporting someone else's comment: "Other" needs details, then the report is taken.
  await page
    .locator(`#comment-${parent.id}`)
    .locator("summary", { hasText: /^Report/ })
    .click();
  await page.locator(`#comment-${parent.id}`).getByLabel("Other", { exact: true }).check();
  await page.locator(`#comment-${parent.id}`).getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Say what is wrong when you choose “Other”.")).toBeVisible();
  await page
    .locator(`#comment-${parent.id}`)
    .getByLabel(/^Details/)
    .fill("It repeats another comment word for word.");
  await page.locator(`#comment-${parent.id}`).getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Thank you. A moderator will review this comment.")).toBeVisible();
  expect(await db.report.count({ where: { commentId: parent.id, reason: "OTHER" } })).toBe(1);

  await page.getByLabel("Stakeholder group", { exact: true }).selectOption({ label: "Academia" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/group=ACADEMIA/);
  await expect(page.getByText("No comments from this stakeholder group.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "2 comments" })).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/messages/${set.slug}/discuss/set`);
  await expect(visitor.getByRole("link", { name: "Sign in to comment" })).toHaveAttribute("href", /\/signin\?callbackUrl=/);
  await expect(visitor.getByLabel("Your comment")).toHaveCount(0);
  await expectAccessible(visitor);
  await context.close();
});

test("after closing the form gives way to the closed notice, and a replayed post is refused", async ({ browser }) => {
  const { set, version } = await createCommentableSet(db);
  const context = await browser.newContext();
  await signInAs(context, "STAKEHOLDER");
  const page = await context.newPage();
  await page.goto(`/messages/${set.slug}/discuss/set`);
  await page.getByLabel("Your comment").fill("A comment on the whole text, sent while the period was open.");
  const [request] = await Promise.all([
    page.waitForRequest(isAction),
    page.getByRole("button", { name: "Send comment" }).click(),
  ]);
  await expect(page.getByRole("status")).toHaveText("Thank you: your comment is published.");

  const closesAt = new Date(Date.now() - 60_000);
  await db.messageSetVersion.update({ where: { id: version.id }, data: { commentClosesAt: closesAt } });
  await page.goto(`/messages/${set.slug}/discuss/set`);
  await expect(page.getByText(/^Comments closed on/).first()).toBeVisible();
  await expect(page.getByLabel("Your comment")).toHaveCount(0);
  await expect(page.locator("summary", { hasText: /^Reply/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`/messages/${set.slug}`);
  await expect(page.getByRole("link", { name: "Comments on paragraph 1 (none)" })).toBeVisible();

  // The same post, replayed by another stakeholder (a new author, so not a double submit): refused by the server.
  const [asStakeholder, asVisitor] = await replay(browser, request!);
  expect(asStakeholder).toContain("Comments on this draft closed on");
  expect(asVisitor).toContain("Please sign in first.");
  expect(await db.comment.count({ where: { versionId: version.id } })).toBe(1);
  await context.close();
});

test("the moderators' comments page is refused to stakeholders and visitors", async ({ browser }) => {
  const { set } = await createCommentableSet(db);
  const path = `/moderation/messages/${set.id}/comments`;
  const context = await browser.newContext();
  await signInAs(context, "STAKEHOLDER");
  const page = await context.newPage();
  expect((await page.goto(path))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(path);
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);
  await context.close();
});
