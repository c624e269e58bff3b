// Moderation in the browser: a moderator hides a response with a reason its author sees, approves a
// pre-moderated one, three reports hide a response; stakeholders and visitors are refused every
// moderation page and action, including an action request replayed by hand.
import type { Browser, Request } from "@playwright/test";
import { createModeratedCall, createModeratedResponse, createReports, establishUser } from "@/prisma/factories-moderation";
import { createResponse } from "@/prisma/factories";
import { db, expect, expectAccessible, signInAs, test, watchCsp } from "./fixtures";

const stateOf = (id: string) =>
  db.response.findUniqueOrThrow({ where: { id }, select: { moderationState: true, hiddenReason: true, reviewedAt: true } });
const auditCount = (itemId: string) => db.auditEntry.count({ where: { itemId } });

/** Replays a captured server-action request as a stakeholder and as a visitor; returns the two answers. */
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

const isAction = (r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]);

test("a moderator hides a response with a reason; the author sees it, the public does not; replays change nothing", async ({
  browser,
}) => {
  const call = await createModeratedCall(db);
  const authorContext = await browser.newContext();
  const author = await signInAs(authorContext, "STAKEHOLDER");
  const response = await createResponse(db, {
    callId: call.id,
    authorId: author.id,
    status: "SUBMITTED",
    answers: [{ questionId: call.questionId, text: "<script>alert('x')</script> Our hotline is 555-0100 (ask for Dana)." }],
  });
  const reference = response.reference!;

  const moderatorContext = await browser.newContext();
  await signInAs(moderatorContext, "MODERATOR");
  const page = await moderatorContext.newPage();
  const csp = watchCsp(page);
  await page.goto("/moderation");
  await page
    .getByRole("row")
    .filter({ hasText: call.title })
    .getByRole("link", { name: /1 new · 0 reported · 0 hidden/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/moderation/calls/${call.id}/queue`));
  await expect(page.getByRole("link", { name: "Moderation queue" })).toHaveAttribute("aria-current", "page");
  const item = page.getByRole("article").filter({ hasText: reference });
  await expect(item).toContainText("<script>alert('x')</script> Our hotline");
  await expect(item.getByRole("link", { name: reference })).toHaveAttribute("href", `/moderation/responses/${response.id}`);
  await expectAccessible(page);

  // The hide form is folded under each response, so the queue stays short.
  await item.getByText("Hide with a reason…").click();
  const reasonField = item.getByLabel(/Reason for hiding/);
  await reasonField.fill("abc");
  await item.getByRole("button", { name: `Hide ${reference}` }).click();
  await expect(item.getByText("Give a reason of at least 5 characters")).toBeVisible();
  expect((await stateOf(response.id)).moderationState).toBe("PUBLISHED");

  const reason = "It shows a private phone number. Please submit it again without it.";
  await reasonField.fill(reason);
  const [request] = await Promise.all([
    page.waitForRequest(isAction),
    item.getByRole("button", { name: `Hide ${reference}` }).click(),
  ]);
  await expect(page.getByRole("status")).toContainText(`${reference} is now hidden`);
  expect(await stateOf(response.id)).toMatchObject({ moderationState: "HIDDEN", hiddenReason: reason });
  await page.getByRole("link", { name: /^Hidden \(/ }).click();
  await expect(page.getByRole("article").filter({ hasText: reference })).toContainText(`Hidden: ${reason}`);
  await expectAccessible(page);
  expect(csp).toEqual([]);

  const own = await authorContext.newPage();
  await own.goto(`/my/responses/${response.id}`);
  await expect(own.getByText(`Hidden by a moderator: ${reason}`)).toBeVisible();
  await own.goto("/my/contributions");
  await expect(own.getByRole("row").filter({ hasText: call.title })).toContainText(`Hidden by a moderator: ${reason}`);
  const visitor = await browser.newContext();
  expect((await (await visitor.newPage()).goto(`/responses/${reference}`))?.status()).toBe(404);

  // The captured request, replayed by a stakeholder and a visitor on a published response: refused, unchanged.
  await db.response.update({
    where: { id: response.id },
    data: { moderationState: "PUBLISHED", hiddenReason: null, hiddenAt: null, reviewedAt: null },
  });
  const entries = await auditCount(response.id);
  const [asStakeholder, asVisitor] = await replay(browser, request!);
  expect(asStakeholder).toContain("You are not allowed to do this.");
  expect(asVisitor).toContain("Please sign in first.");
  expect(await stateOf(response.id)).toEqual({ moderationState: "PUBLISHED", hiddenReason: null, reviewedAt: null });
  expect(await auditCount(response.id)).toBe(entries);
  await Promise.all([visitor.close(), authorContext.close(), moderatorContext.close()]);
});

test("pre-moderation: a response is public only once a moderator approves it", async ({ browser }) => {
  const call = await createModeratedCall(db, { moderationMode: "PRE" });
  const authorContext = await browser.newContext();
  const author = await signInAs(authorContext, "STAKEHOLDER");
  const response = await createResponse(db, {
    callId: call.id,
    authorId: author.id,
    status: "SUBMITTED",
    answers: [{ questionId: call.questionId, text: "Waiting for approval." }],
  });
  await db.response.update({ where: { id: response.id }, data: { moderationState: "PENDING" } });
  const ownPage = await authorContext.newPage();
  await ownPage.goto(`/my/responses/${response.id}`);
  await expect(ownPage.getByText(/Awaiting moderation/)).toBeVisible();
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(`/responses/${response.reference}`))?.status()).toBe(404);

  const moderatorContext = await browser.newContext();
  await signInAs(moderatorContext, "MODERATOR");
  const page = await moderatorContext.newPage();
  await page.goto(`/moderation/calls/${call.id}/queue`);
  await expect(page.getByText("This call is pre-moderated")).toBeVisible();
  const item = page.getByRole("article").filter({ hasText: response.reference! });
  await expect(item).toContainText("Awaiting approval");
  const [request] = await Promise.all([
    page.waitForRequest(isAction),
    item.getByRole("button", { name: `Approve ${response.reference}` }).click(),
  ]);
  await expect(page.getByRole("status")).toContainText(`${response.reference} was approved`);
  expect((await visitor.goto(`/responses/${response.reference}`))?.status()).toBe(200);
  await ownPage.reload();
  await expect(ownPage.getByText(/Awaiting moderation/)).toHaveCount(0);

  await db.response.update({ where: { id: response.id }, data: { moderationState: "PENDING", reviewedAt: null } });
  await replay(browser, request!);
  expect((await stateOf(response.id)).moderationState).toBe("PENDING");
  await Promise.all([authorContext.close(), moderatorContext.close(), visitor.context().close()]);
});

test("three established users report a response: it is hidden; a second report by the same user is refused", async ({
  browser,
}) => {
  const call = await createModeratedCall(db, { reportThreshold: 3 });
  const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
  const path = `/responses/${response.reference}`;

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(path);
  await expect(visitor.getByRole("link", { name: "Sign in to report this response" })).toHaveAttribute(
    "href",
    `/signin?callbackUrl=${encodeURIComponent(path)}`,
  );

  for (const [index, reason] of (["Spam or advertising", "Off topic", "Other"] as const).entries()) {
    const context = await browser.newContext();
    // Only accounts a day old with a published response weigh toward the automatic hide.
    await establishUser(db, (await signInAs(context, "STAKEHOLDER")).id);
    const page = await context.newPage();
    const csp = watchCsp(page);
    await page.goto(path);
    await page.getByText("Report this response").click(); // unfold the <details>
    await page.getByRole("radio", { name: reason }).check();
    if (reason === "Other") {
      await page.getByRole("button", { name: "Send report" }).click();
      await expect(page.getByText("Say what is wrong")).toBeVisible();
      await page.getByLabel("Details").fill("It repeats another response word for word.");
    }
    if (index === 0) await expectAccessible(page);
    const [sent] = await Promise.all([page.waitForRequest(isAction), page.getByRole("button", { name: "Send report" }).click()]);
    await expect(page.getByRole("status")).toContainText("your report was sent");
    if (index === 0) {
      // The same report replayed by a visitor: refused, no second report.
      const visitorContext = await browser.newContext();
      const headers = await sent.allHeaders();
      delete headers.cookie;
      const answer = await visitorContext.request.fetch(sent.url(), { method: "POST", headers, data: sent.postDataBuffer()! });
      expect(await answer.text()).toContain("Please sign in first.");
      await visitorContext.close();
    }
    if (index === 0) {
      await page.reload();
      await page.getByText("Report this response").click();
      await page.getByRole("radio", { name: "Spam or advertising" }).check();
      await page.getByRole("button", { name: "Send report" }).click();
      await expect(page.getByText("You have already reported this response.")).toBeVisible();
      expect(await db.report.count({ where: { responseId: response.id } })).toBe(1);
    }
    expect(csp).toEqual([]);
    await context.close();
  }
  expect(await stateOf(response.id)).toMatchObject({
    moderationState: "HIDDEN",
    hiddenReason: expect.stringContaining("after 3 reports"),
  });
  expect((await visitor.goto(path))?.status()).toBe(404);
  await visitor.context().close();
});

test("moderators see who reported, why, when, and which reports counted toward the automatic hide", async ({ browser }) => {
  const call = await createModeratedCall(db, { reportThreshold: 3 });
  const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
  await createReports(db, response.id, 2, "SPAM", { counted: false });
  await createReports(db, response.id, 1, "OFF_TOPIC");
  const reports = await db.report.findMany({
    where: { responseId: response.id },
    select: { countsTowardHide: true, reporter: { select: { profile: { select: { displayName: true } } } } },
  });
  const context = await browser.newContext();
  await signInAs(context, "MODERATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/calls/${call.id}/queue?tab=reported`);
  const item = page.getByRole("article").filter({ hasText: response.reference! });
  await expect(item.getByText("3 open reports; 1 counts toward the automatic hide.")).toBeVisible();
  const list = item.getByRole("list", { name: "Reports, oldest first" });
  for (const { countsTowardHide, reporter } of reports) {
    const entry = list.getByRole("listitem").filter({ hasText: reporter.profile!.displayName });
    await expect(entry).toContainText("(Civil Society)");
    await expect(entry.locator("time")).toHaveCount(1);
    await expect(entry).toContainText(
      countsTowardHide ? "counts toward the automatic hide" : "does not count: new or inactive account",
    );
    await expect(entry).toContainText(countsTowardHide ? "Off topic" : "Spam or advertising");
  }
  await expectAccessible(page);
  await context.close();
});

test("the queue works without JavaScript: a plain form post hides a response and shows the result", async ({ browser }) => {
  const call = await createModeratedCall(db);
  const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(context, "MODERATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/calls/${call.id}/queue`);
  const item = page.getByRole("article").filter({ hasText: response.reference! });
  await item.getByText("Hide with a reason…").click();
  await item.getByLabel(/Reason for hiding/).fill("Off topic: about a different consultation.");
  await item.getByRole("button", { name: `Hide ${response.reference}` }).click();
  await expect(page.getByRole("status")).toContainText(`${response.reference} is now hidden`);
  expect(await stateOf(response.id)).toMatchObject({
    moderationState: "HIDDEN",
    hiddenReason: "Off topic: about a different consultation.",
  });
  await context.close();
});

test("stakeholders are refused the queue and the audit log; visitors are sent to sign in", async ({ browser }) => {
  const call = await createModeratedCall(db);
  const paths = [`/moderation/calls/${call.id}/queue`, "/admin/audit"];
  const stakeholder = await browser.newContext();
  await signInAs(stakeholder, "STAKEHOLDER");
  const page = await stakeholder.newPage();
  for (const path of paths) {
    expect((await page.goto(path))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  }
  const moderator = await browser.newContext();
  await signInAs(moderator, "MODERATOR");
  // A moderator reads the audit log of the forums they facilitate (every forum, for a moderator from before
  // forums); the entries about accounts stay the administrators' (tests/unit/audit.test.ts).
  expect((await (await moderator.newPage()).goto("/admin/audit"))?.status()).toBe(200);
  const visitor = await (await browser.newContext()).newPage();
  for (const path of paths) {
    await visitor.goto(path);
    await expect(visitor).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path)}`));
  }
  await Promise.all([stakeholder.close(), moderator.close(), visitor.context().close()]);
});

test("an administrator reads and filters the audit log", async ({ browser }) => {
  const call = await createModeratedCall(db);
  const response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
  const moderatorContext = await browser.newContext();
  await signInAs(moderatorContext, "MODERATOR");
  const moderatorPage = await moderatorContext.newPage();
  await moderatorPage.goto(`/moderation/calls/${call.id}/queue`);
  await moderatorPage.getByRole("button", { name: `Mark reviewed ${response.reference}` }).click();
  await expect(moderatorPage.getByRole("status")).toContainText("was marked reviewed");

  const adminContext = await browser.newContext();
  const admin = await signInAs(adminContext, "ADMIN");
  const page = await adminContext.newPage();
  const csp = watchCsp(page);
  await page.goto("/admin/audit");
  await page.getByLabel("Action").selectOption("response.review");
  await page.getByLabel("Call").selectOption({ label: call.title });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=response.review/);
  await expect(page.getByRole("status")).toHaveText("1 entry shown.");
  // The item by its receipt number, linked to the moderation page of the response.
  const row = page.getByRole("row").filter({ hasText: response.reference! });
  await expect(row).toContainText("Moderator");
  await expect(row).toContainText('"reviewed": true');
  await expect(row.getByRole("link", { name: response.reference! })).toHaveAttribute(
    "href",
    `/moderation/responses/${response.id}`,
  );
  await expectAccessible(page);
  expect(csp).toEqual([]);

  // An entry about the call names it by its title, as a link to its moderation page; one about an item that
  // is gone shows its type and id.
  const goneId = `gone-${response.id}`;
  await db.auditEntry.createMany({
    data: [
      { actorId: admin.id, actorRole: "ADMIN", action: "call.update", itemType: "call", itemId: call.id, callId: call.id },
      { actorId: admin.id, actorRole: "ADMIN", action: "tag.delete", itemType: "tag", itemId: goneId, callId: call.id },
    ],
  });
  await page.goto(`/admin/audit?call=${call.id}&action=call.update`);
  const callRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "call.update" }) });
  await expect(callRow.getByRole("link", { name: call.title })).toHaveAttribute("href", `/moderation/calls/${call.id}`);
  await page.goto(`/admin/audit?call=${call.id}&action=tag.delete`);
  const goneRow = page.getByRole("row").filter({ hasText: goneId });
  await expect(goneRow).toContainText(`tag ${goneId}`);
  await expect(goneRow.getByRole("link")).toHaveCount(0);
  await Promise.all([moderatorContext.close(), adminContext.close()]);
});

test("a moderator sets pre-moderation and the report threshold in the call editor", async ({ browser }) => {
  const call = await createModeratedCall(db);
  const context = await browser.newContext();
  await signInAs(context, "MODERATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/calls/${call.id}`);
  await page.getByLabel("How responses are moderated").selectOption("PRE");
  await page.getByLabel("Reports that hide a response").fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter a whole number from 1 to 100.")).toBeVisible();
  await page.getByLabel("Reports that hide a response").fill("5");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The call has been saved.")).toBeVisible();
  expect(
    await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { moderationMode: true, reportThreshold: true } }),
  ).toEqual({ moderationMode: "PRE", reportThreshold: 5 });
  expect(await db.auditEntry.count({ where: { itemId: call.id, action: "call.update" } })).toBe(1);
  await context.close();
});
