// Downloads: a visitor takes the published responses from a call's page as CSV (parsed here, quotes and
// all) and finds no private response in it; a moderator downloads the full export from the exports page;
// a stakeholder is refused (403) and a visitor asked to sign in (401); bad file names get 400/404.
import { readFileSync } from "node:fs";
import type { Download, Page } from "@playwright/test";
import { createCall, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { csvObjects } from "@/tests/support/csv-parse";
import { db, expect, expectAccessible, signInAs, test, watchCsp } from "./fixtures";

async function callWithResponses() {
  const call = await createCall(db, { title: `Exports test call ${uniqueSuffix()}` });
  const question = await createQuestion(db, { callId: call.id, prompt: "What are typical norms in your community?" });
  const made = [];
  for (const consent of ["PUBLISH_NAMED", "PUBLISH_ANONYMOUS", "PRIVATE"] as const) {
    const marker = `${consent.toLowerCase()}-${uniqueSuffix()}`;
    const user = await createUser(db, { profile: { displayName: `Ilse ${marker}`, organisation: `Org ${marker}` } });
    const response = await createResponse(db, {
      callId: call.id,
      authorId: user.id,
      status: "SUBMITTED",
      consent,
      submittedAt: new Date(Date.now() - (3 - made.length) * 60_000),
      answers: [{ questionId: question.id, text: `Norms, "quoted", and\na second line (${marker})` }],
    });
    made.push({ ...response, marker, name: `Ilse ${marker}` });
  }
  const [named, anonymous, hidden] = made as [(typeof made)[number], (typeof made)[number], (typeof made)[number]];
  return { call, named, anonymous, hidden };
}

async function download(page: Page, linkName: string | RegExp): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  return { file, text: readFileSync((await file.path())!, "utf8") };
}

test("a visitor downloads the published responses as CSV from the call page; it parses and holds no private response", async ({
  page,
}) => {
  const { call, named, anonymous, hidden } = await callWithResponses();
  const csp = watchCsp(page);
  await page.goto(`/calls/${call.slug}`);
  await expect(page.getByRole("heading", { name: "Open data" })).toBeVisible();
  await expectAccessible(page);
  const { file, text } = await download(page, "Download the published responses as CSV");
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${call.slug}-published-responses-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const rows = csvObjects(text);
  expect(rows.map((row) => row.reference)).toEqual([named.reference, anonymous.reference]);
  expect(rows[0]!.name).toBe(named.name);
  expect(rows[0]!["Q1. What are typical norms in your community?"]).toBe(`Norms, "quoted", and\na second line (${named.marker})`);
  expect(rows[1]).toMatchObject({ name: "", organisation: "" });
  for (const secret of [hidden.marker, hidden.reference!, anonymous.name, `Org ${anonymous.marker}`])
    expect(text).not.toContain(secret);

  const json = await page.request.get(`/api/calls/${call.slug}/export/responses.json`);
  expect(json.headers()["x-content-type-options"]).toBe("nosniff");
  expect(((await json.json()) as { rows: unknown[] }).rows).toHaveLength(2);
  expect(csp).toEqual([]);
});

test("a moderator sees the exports page and downloads every response, private ones included", async ({ context, page }) => {
  const { call, hidden } = await callWithResponses();
  await signInAs(context, "MODERATOR");
  const csp = watchCsp(page);
  await page.goto(`/moderation/calls/${call.id}/exports`);
  await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Exports" })).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("row", { name: /^Responses/ });
  await expect(row).toContainText("3 rows");
  await expectAccessible(page);
  const { file, text } = await download(page, "Responses as CSV");
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${call.slug}-responses-.*\\.csv$`));
  const rows = csvObjects(text);
  expect(rows).toHaveLength(3);
  expect(rows[2]).toMatchObject({
    reference: hidden.reference,
    consent: "PRIVATE",
    name: hidden.name,
    organisation: `Org ${hidden.marker}`,
  });

  const response = await page.request.get(`/api/moderation/calls/${call.id}/export/message-sets.json`);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=/);
  expect(await response.json()).toMatchObject({ rows: [] });
  expect(csp).toEqual([]);
});

test("a stakeholder is refused the exports page and route; a visitor is asked to sign in; bad names get 400/404", async ({
  browser,
}) => {
  const { call } = await callWithResponses();
  const route = `/api/moderation/calls/${call.id}/export/responses.csv`;
  const before = await db.auditEntry.count({ where: { callId: call.id } });

  const stakeholder = await browser.newContext();
  await signInAs(stakeholder, "STAKEHOLDER");
  const page = await stakeholder.newPage();
  expect((await page.goto(`/moderation/calls/${call.id}/exports`))?.status()).toBe(403);
  const refused = await page.request.get(route);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ ok: false, code: "forbidden", message: "You are not allowed to do this." });
  await stakeholder.close();

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  const anonymous = await visitorPage.request.get(route);
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.text()).not.toContain(call.referencePrefix);
  await visitorPage.goto(`/moderation/calls/${call.id}/exports`);
  await expect(visitorPage).toHaveURL(/\/signin\?callbackUrl=/);
  expect((await visitorPage.request.get(`/api/calls/${call.slug}/export/responses.xml`)).status()).toBe(400);
  expect((await visitorPage.request.get(`/api/calls/${call.slug}/export/excerpts.csv`)).status()).toBe(404);
  expect((await visitorPage.request.get(`/api/calls/no-such-call-${uniqueSuffix()}/export/responses.csv`)).status()).toBe(404);
  await visitor.close();
  expect(await db.auditEntry.count({ where: { callId: call.id } })).toBe(before);

  const moderator = await browser.newContext();
  await signInAs(moderator, "MODERATOR");
  const modPage = await moderator.newPage();
  expect((await modPage.request.get(`/api/moderation/calls/no-such-call/export/responses.csv`)).status()).toBe(404);
  const badFormat = await modPage.request.get(`/api/moderation/calls/${call.id}/export/responses.xlsx`);
  expect(badFormat.status()).toBe(400);
  expect(await badFormat.json()).toEqual({
    ok: false,
    code: "exportFormat",
    message: "This format is not available: use .csv or .json.",
  });
  expect((await modPage.goto(`/moderation/calls/no-such-call/exports`))?.status()).toBe(404);
  await moderator.close();
});
