// Participation insights in the browser: a moderator sets targets and reads the gaps in words with people
// to reach out to; the public page shows small cells as "fewer than 5" and states the rule; a stakeholder is
// refused the moderator page and a replayed targets action; both pages pass axe and the CSP.
import { createCall, createForum } from "@/prisma/factories";
import { createResponseFrom } from "@/prisma/factories-insights";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { db, expect, expectAccessible, signInAs, test, watchCsp } from "./fixtures";

async function callWith(specs: [StakeholderGroup, UnRegion, number][], forumId?: string) {
  const call = await createCall(db, { forumId, title: `Norms in practice ${Date.now()}` });
  for (const [group, region, n] of specs) {
    for (let i = 0; i < n; i++) await createResponseFrom(db, { callId: call.id, group, region });
  }
  return call;
}

const targetsOf = (callId: string) =>
  db.call.findUniqueOrThrow({ where: { id: callId }, select: { targetMinGroupShare: true, targetAllRegions: true } });

test("a moderator sets targets and sees the gaps in words, with past contributors to reach out to", async ({ browser }) => {
  const forum = await createForum(db);
  const call = await callWith(
    [
      ["GOVERNMENT", "AFRICA", 6],
      ["CIVIL_SOCIETY", "AFRICA", 1],
    ],
    forum.id,
  );
  const earlier = await createCall(db, { forumId: forum.id });
  const past = await createResponseFrom(db, {
    callId: earlier.id,
    group: "INTERGOVERNMENTAL",
    region: "ASIA_PACIFIC",
    name: `Outreach Person ${Date.now()}`,
  });

  const context = await browser.newContext();
  await signInAs(context, "MODERATOR");
  const page = await context.newPage();
  const csp = watchCsp(page);
  await page.goto(`/moderation/calls/${call.id}/participation`);
  await expect(page.getByRole("heading", { level: 1, name: "Participation and balance" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Tools for this call" }).getByRole("link", { name: "Participation" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("7 responses submitted so far.")).toBeVisible();

  await page.getByLabel(/Smallest share of responses/).fill("20");
  await page.getByLabel("Every UN region should be represented").check();
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    page.getByRole("button", { name: "Save targets" }).click(),
  ]);
  await expect(page.getByRole("status")).toContainText("Targets saved.");
  expect(await targetsOf(call.id)).toEqual({ targetMinGroupShare: 20, targetAllRegions: true });

  const gaps = page.getByRole("region", { name: "Gaps" });
  await expect(gaps).toContainText(
    "No response yet from Intergovernmental and International Organisations (target: at least 20% of responses).",
  );
  await expect(gaps).toContainText("Civil Society: 1 response, 14.3% of all, below the target of 20%.");
  await expect(gaps).toContainText("No response yet from Asia-Pacific (target: every region represented).");
  await expect(gaps).not.toContainText("Government:");
  await expect(page.getByText("Current targets: at least 20% from each group; every region represented.")).toBeVisible();

  const outreach = page.getByRole("table", { name: "Past contributors from the missing groups and regions" });
  const row = outreach.getByRole("row").filter({ hasText: past.user.profile!.displayName });
  await expect(row).toContainText(past.user.email);
  await expect(row).toContainText("this forum");

  // The exact figures (1 is shown as 1 to moderators) and the charts with their text alternatives.
  const matrix = page.getByRole("table", { name: /Submitted responses by stakeholder group/ });
  await expect(matrix.getByRole("row", { name: /Civil Society/ })).toContainText("1");
  await expect(page.getByRole("img", { name: "Responses by stakeholder group" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Responses submitted so far, day by day/ })).toBeVisible();
  await expectAccessible(page);

  const audit = await db.auditEntry.findFirst({ where: { itemId: call.id, action: "call.targets" }, select: { after: true } });
  expect(audit?.after).toEqual({ targetMinGroupShare: 20, targetAllRegions: true });

  // The same action request, replayed by a stakeholder and by a visitor, changes nothing.
  await db.call.update({ where: { id: call.id }, data: { targetMinGroupShare: null, targetAllRegions: false } });
  const replay = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
  delete replay.headers.cookie;
  const stakeholder = await browser.newContext();
  await signInAs(stakeholder, "STAKEHOLDER");
  const refused = await stakeholder.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await refused.text()).toContain("You are not allowed to do this.");
  const visitor = await browser.newContext();
  const anonymous = await visitor.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await anonymous.text()).toContain("Please sign in first.");
  expect(await targetsOf(call.id)).toEqual({ targetMinGroupShare: null, targetAllRegions: false });
  expect(csp).toEqual([]);
  await Promise.all([context.close(), stakeholder.close(), visitor.close()]);
});

test("a stakeholder gets 403 on the moderator page and a visitor is sent to sign in", async ({ browser }) => {
  const call = await createCall(db);
  const path = `/moderation/calls/${call.id}/participation`;
  const stakeholder = await browser.newContext();
  await signInAs(stakeholder, "STAKEHOLDER");
  const page = await stakeholder.newPage();
  expect((await page.goto(path))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(path);
  await expect(visitor).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path)}`));
  await stakeholder.close();
});

test("the public participation page shows small cells as fewer than 5 and states the rule", async ({ page }) => {
  const csp = watchCsp(page);
  const call = await callWith([
    ["GOVERNMENT", "AFRICA", 6],
    ["GOVERNMENT", "ASIA_PACIFIC", 5],
    ["CIVIL_SOCIETY", "AFRICA", 2],
    ["CIVIL_SOCIETY", "ASIA_PACIFIC", 5],
  ]);
  await page.goto(`/calls/${call.slug}`);
  const callTable = page.getByRole("table", { name: /Submitted responses by stakeholder group/ });
  await expect(callTable.getByRole("row", { name: /Civil Society/ })).toContainText("fewer than 5");
  await page.getByRole("link", { name: "Participation in detail, with its growth over time" }).click();

  await expect(page).toHaveURL(`/calls/${call.slug}/participation`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(call.title);
  await expect(page.getByText("18 responses submitted so far.")).toBeVisible();
  await expect(page.getByRole("region", { name: "How the figures protect contributors" })).toContainText(
    "a number from 1 to 4 is shown as “fewer than 5”",
  );
  const table = page.getByRole("table", { name: /Submitted responses by stakeholder group/ });
  const civil = table.getByRole("row", { name: /Civil Society/ });
  await expect(civil.getByRole("cell").nth(0)).toHaveText("fewer than 5");
  await expect(civil.getByRole("cell").nth(1)).toHaveText("fewer than 5");
  await expect(civil.getByRole("cell").nth(2)).toHaveText("0");
  await expect(civil.getByRole("cell").nth(5)).toHaveText("7");
  await expect(page.getByRole("img", { name: "Responses by stakeholder group" })).toContainText("11 (61.1%)");
  await page.getByText("Table: responses per day").click();
  await expect(
    page
      .getByRole("table", { name: /Submitted responses per day/ })
      .locator("tbody tr")
      .last(),
  ).toContainText("18");
  await expectAccessible(page);
  expect(csp).toEqual([]);
});
