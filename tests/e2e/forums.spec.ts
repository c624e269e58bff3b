// Forums run by their own people: a facilitator of forum A sees and changes only forum A (forum B's pages are
// 404, as for an unknown id, and a replayed action against forum B's objects changes nothing); an observer
// of forum A reads its queue with every button absent, and their replayed actions are refused.
import type { Request } from "@playwright/test";
import { createModeratedCall, createModeratedResponse } from "@/prisma/factories-moderation";
import { db, expect, expectAccessible, signInAppointed, signInAs, test } from "./fixtures";

const isAction = (r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]);
const stateOf = async (id: string) =>
  (await db.response.findUniqueOrThrow({ where: { id }, select: { moderationState: true } })).moderationState;

test("a facilitator works in their forum only; an observer reads it without a button; replays elsewhere change nothing", async ({
  browser,
}) => {
  test.slow();
  const [callA, callB] = await Promise.all([createModeratedCall(db), createModeratedCall(db)]);
  const [responseA, responseB, unreviewed] = await Promise.all([
    createModeratedResponse(db, { callId: callA.id, questionId: callA.questionId }),
    createModeratedResponse(db, { callId: callB.id, questionId: callB.questionId }),
    createModeratedResponse(db, { callId: callA.id, questionId: callA.questionId }),
  ]);

  // The facilitator of forum A: forum A on the moderation home, forum B nowhere.
  const facilitatorContext = await browser.newContext();
  await signInAppointed(facilitatorContext, callA.forumId, "FACILITATOR");
  const page = await facilitatorContext.newPage();
  await page.goto("/moderation");
  await expect(page.getByRole("row").filter({ hasText: callA.title })).toContainText("2 new · 0 reported · 0 hidden");
  await expect(page.getByText("You facilitate this forum.")).toBeVisible();
  await expect(page.getByText(callB.title)).toHaveCount(0);
  await expectAccessible(page);
  for (const path of [
    `/moderation/calls/${callB.id}`,
    `/moderation/calls/${callB.id}/queue`,
    `/moderation/calls/${callB.id}/coding`,
    `/moderation/calls/${callB.id}/messages`,
    `/moderation/calls/${callB.id}/exports`,
    `/moderation/responses/${responseB.id}`,
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  expect((await page.request.get(`/api/moderation/calls/${callB.id}/export/responses.csv`)).status()).toBe(404);

  // Who wrote forum A's response, as filed, on its queue item and its page (the public sees only what the
  // consent allows).
  const authorA = await db.response.findUniqueOrThrow({
    where: { id: responseA.id },
    select: { organisation: true, author: { select: { email: true, profile: { select: { displayName: true } } } } },
  });
  await page.goto(`/moderation/calls/${callA.id}/queue`);
  const item = page.getByRole("article").filter({ hasText: responseA.reference! });
  await expect(item).toContainText(authorA.author!.profile!.displayName);
  await expect(item).toContainText(authorA.author!.email);
  await expect(item).toContainText(authorA.organisation!);
  await expect(item).toContainText("Published with name");
  await page.goto(`/moderation/responses/${responseA.id}`);
  const authorSection = page.getByRole("region", { name: "Author", exact: true });
  await expect(authorSection).toContainText(authorA.author!.profile!.displayName);
  await expect(authorSection).toContainText(authorA.organisation!);
  await expect(authorSection).toContainText("The public sees the name, organisation, stakeholder group and region.");
  await expectAccessible(page);

  // Hide forum A's response, keeping the request the browser sends.
  await page.goto(`/moderation/calls/${callA.id}/queue`);
  await item.getByText("Hide with a reason…").click();
  await item.getByLabel(/Reason for hiding/).fill("It shows a private phone number.");
  const [request] = await Promise.all([
    page.waitForRequest(isAction),
    item.getByRole("button", { name: `Hide ${responseA.reference}` }).click(),
  ]);
  await expect(page.getByRole("status")).toContainText(`${responseA.reference} is now hidden`);
  expect(await stateOf(responseA.id)).toBe("HIDDEN");
  await db.response.update({ where: { id: responseA.id }, data: { moderationState: "PUBLISHED", hiddenReason: null } });

  // The same request with forum B's response in it changes nothing there.
  const headers = await request.allHeaders();
  delete headers.cookie;
  const original = request.postDataBuffer()!;
  const forged = Buffer.from(original.toString("latin1").split(responseA.id).join(responseB.id), "latin1");
  expect(forged.equals(original)).toBe(false);
  const replayed = await page.request.fetch(request.url(), { method: "POST", headers, data: forged });
  expect(await replayed.text()).not.toContain("is now hidden");
  expect(await stateOf(responseB.id)).toBe("PUBLISHED");

  // The observer of forum A: the queue and the response, read only.
  const observerContext = await browser.newContext();
  await signInAppointed(observerContext, callA.forumId, "OBSERVER");
  const observer = await observerContext.newPage();
  await observer.goto("/moderation");
  await expect(observer.getByText("You observe this forum: you can read everything in it and change nothing.")).toBeVisible();
  await expect(observer.getByRole("link", { name: /New call/ })).toHaveCount(0);
  await observer.goto(`/moderation/calls/${callA.id}/queue`);
  const observed = observer.getByRole("article").filter({ hasText: unreviewed.reference! });
  await expect(observed).toContainText("monthly security clinics");
  await expect(observer.getByRole("main").getByRole("button")).toHaveCount(0);
  await expectAccessible(observer);
  await observer.goto(`/moderation/responses/${responseA.id}`);
  await expect(observer.getByRole("main")).toContainText("monthly security clinics");
  await expect(observer.getByRole("main").getByRole("button")).toHaveCount(0);
  await observer.goto(`/moderation/calls/${callA.id}/coding`);
  await expect(observer.getByRole("main").getByRole("button", { name: "Add tag" })).toHaveCount(0);
  expect((await observer.goto(`/moderation/calls/${callA.id}/exports`))?.status()).toBe(403);
  const refused = await observerContext.request.fetch(request.url(), { method: "POST", headers, data: original });
  expect(await refused.text()).toContain("You are not allowed to do this.");
  expect(await stateOf(responseA.id)).toBe("PUBLISHED");

  await Promise.all([facilitatorContext.close(), observerContext.close()]);
});

test("the forum pages pass the accessibility scan: the list and editor for an administrator, the people page", async ({
  browser,
}) => {
  const call = await createModeratedCall(db);
  const adminContext = await browser.newContext();
  await signInAs(adminContext, "ADMIN");
  const admin = await adminContext.newPage();
  await admin.goto("/admin/forums");
  await expect(admin.getByRole("heading", { level: 1, name: "Forums" })).toBeVisible();
  await expectAccessible(admin);
  await admin.goto(`/admin/forums/${call.forumId}`);
  await expect(admin.getByRole("textbox", { name: "Name" })).toBeVisible();
  await expectAccessible(admin);
  await admin.goto(`/moderation/forums/${call.forumId}`);
  await expect(admin.getByRole("button", { name: /appoint/i }).first()).toBeVisible();
  await expectAccessible(admin);

  const observerContext = await browser.newContext();
  await signInAppointed(observerContext, call.forumId, "OBSERVER");
  const observer = await observerContext.newPage();
  await observer.goto(`/moderation/forums/${call.forumId}`);
  await expect(observer.getByRole("main").getByRole("button")).toHaveCount(0);
  await expectAccessible(observer);
  expect((await observer.goto("/admin/forums"))?.status()).toBe(403);
  await Promise.all([adminContext.close(), observerContext.close()]);
});
