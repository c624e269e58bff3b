// Who may see and do what. Every page and action checks the user on the server: a visitor is sent to sign
// in, a lower role gets 403, and a request replayed by hand to an action changes nothing.
import { DEMO_CALLS } from "@/prisma/demo-content";
import { createUser } from "@/prisma/factories";
import { db, expect, expectAccessible, signInAs, test } from "./fixtures";

const openCall = DEMO_CALLS.find((call) => call.key === "open")!;

test("a visitor is sent to sign in from protected pages", async ({ page }) => {
  for (const path of ["/moderation", "/admin/users", "/profile"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path)}`));
  }
});

test("a stakeholder is refused the moderation and administration pages", async ({ context, page }) => {
  await signInAs(context, "STAKEHOLDER");
  for (const path of ["/moderation", "/admin/users"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Moderation" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a moderator sees the calls with their response counts, but not the administration", async ({ context, page }) => {
  await signInAs(context, "MODERATOR");
  await page.goto("/moderation");
  const row = page.getByRole("row").filter({ hasText: openCall.title });
  await expect(row).toContainText("Open");
  await expect(row).toContainText(/of 6/);
  await expectAccessible(page);
  expect((await page.goto("/admin/users"))?.status()).toBe(403);
});

test("an administrator changes a role; the same request from a stakeholder or a moderator changes nothing", async ({
  browser,
}) => {
  const target = await createUser(db, { role: "STAKEHOLDER" });
  const roleOf = async () => (await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true } })).role;

  const adminContext = await browser.newContext();
  await signInAs(adminContext, "ADMIN");
  const admin = await adminContext.newPage();
  await admin.goto(`/admin/users?q=${encodeURIComponent(target.email)}`);
  await expectAccessible(admin);
  const row = admin.getByRole("row").filter({ hasText: target.email });
  // Moderator, the global rank from before forums, can no longer be given.
  await expect(row.getByRole("combobox").getByRole("option")).toHaveText(["Stakeholder", "Administrator"]);
  await row.getByRole("combobox").selectOption("ADMIN");

  // Keep the action request the browser sends, to replay it as other users.
  const [request] = await Promise.all([
    admin.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    row.getByRole("button", { name: "Save" }).click(),
  ]);
  await expect(row.getByRole("status")).toContainText(`The role of ${target.email} is now Administrator.`);
  expect(await roleOf()).toBe("ADMIN");
  await db.user.update({ where: { id: target.id }, data: { role: "STAKEHOLDER" } });

  const replay = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
  delete replay.headers.cookie;
  for (const role of ["STAKEHOLDER", "MODERATOR"] as const) {
    const context = await browser.newContext();
    await signInAs(context, role);
    const response = await context.request.fetch(request.url(), {
      method: "POST",
      headers: replay.headers,
      data: replay.body,
    });
    expect(await response.text()).toContain("You are not allowed to do this.");
    expect(await roleOf()).toBe("STAKEHOLDER");
    await context.close();
  }
  const anonymous = await browser.newContext();
  const response = await anonymous.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await response.text()).toContain("Please sign in first.");
  expect(await roleOf()).toBe("STAKEHOLDER");
  await anonymous.close();
  await adminContext.close();
});
