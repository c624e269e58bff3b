// Personal data in the browser: a stakeholder downloads everything held about them and deletes their
// account keeping their response anonymised; the response stays public without their name. A visitor is
// sent to sign in and cannot download anything.
import { readFile } from "node:fs/promises";
import { createCall, createQuestion, createResponse } from "@/prisma/factories";
import { db, expect, expectAccessible, signInAs, test, watchCsp } from "./fixtures";

test("a replayed deletion request deletes nobody when sent by a visitor or another user", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await signInAs(ownerContext, "STAKEHOLDER");
  const page = await ownerContext.newPage();
  await page.goto("/my/data?responses=remove");
  await page.getByLabel("Type your email address to confirm").fill(owner.email);
  // Capture the request without letting it reach the server.
  await page.route("**/my/data**", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    page.getByRole("button", { name: "Delete my account" }).click(),
  ]);
  const replay = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
  delete replay.headers.cookie;
  const visitor = await browser.newContext();
  const anonymous = await visitor.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await anonymous.text()).toContain("Please sign in first.");
  const otherContext = await browser.newContext();
  const other = await signInAs(otherContext, "STAKEHOLDER");
  const refused = await otherContext.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await refused.text()).toContain("emailMismatch");
  expect(await db.user.count({ where: { id: { in: [owner.id, other.id] } } })).toBe(2);
  await Promise.all([ownerContext.close(), visitor.close(), otherContext.close()]);
});

test("a visitor is sent to sign in from /my/data and gets 401 from the export", async ({ page, request }) => {
  await page.goto("/my/data");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmy%2Fdata/);
  const response = await request.get("/api/me/export");
  expect(response.status()).toBe(401);
  expect(await response.text()).not.toContain("email");
});

test("a stakeholder downloads their data, then deletes their account keeping their response anonymised", async ({
  context,
  page,
}) => {
  const csp = watchCsp(page);
  const me = await signInAs(context, "STAKEHOLDER");
  const { displayName } = await db.profile.findUniqueOrThrow({ where: { userId: me.id }, select: { displayName: true } });
  const call = await createCall(db);
  const question = await createQuestion(db, { callId: call.id });
  const response = await createResponse(db, {
    callId: call.id,
    authorId: me.id,
    status: "SUBMITTED",
    answers: [{ questionId: question.id, text: "Local champions make norms work." }],
  });

  await page.goto("/my/data");
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^igf-personal-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(data.user.email).toBe(me.email);
  expect(data.responses.map((r: { reference: string }) => r.reference)).toContain(response.reference);
  expect(JSON.stringify(data)).not.toContain(me.sessionToken);
  const headers = await (await context.request.get("/api/me/export")).headers();
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["content-disposition"]).toMatch(/^attachment;/);

  await page.getByLabel("Keep them, anonymised").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Confirm the deletion" })).toBeVisible();
  await expect(page.getByText("You chose to keep your submitted responses, anonymised.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Type your email address to confirm").fill("someone-else@example.org");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("This is not the email address of your account.")).toBeVisible();
  expect(await db.user.count({ where: { id: me.id } })).toBe(1);

  await page.getByLabel("Type your email address to confirm").fill(me.email);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
  await expect(page.getByRole("link", { name: "My data" })).toHaveCount(0);
  await expect(page.getByText("Your submitted responses are kept without your name.")).toBeVisible();
  expect(await db.user.count({ where: { id: me.id } })).toBe(0);

  await page.goto(`/responses/${response.reference}`);
  await expect(page.getByText("Local champions make norms work.")).toBeVisible();
  await expect(page.locator("main")).not.toContainText(displayName);
  await expect(page.locator("main")).toContainText("Civil Society");

  await page.goto("/my/data");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmy%2Fdata/);
  expect(csp).toEqual([]);
});
