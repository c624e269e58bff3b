// "Your sessions" on My data: where the account is signed in, and "Sign out everywhere else", which ends
// only the user's own other sessions. And the sign-in email limit as a person meets it.
import { randomBytes } from "node:crypto";
import { askForSignInLink, db, expect, expectAccessible, signInAs, test } from "./fixtures";

const extraSession = async (userId: string, userAgent: string | null = null) => {
  const sessionToken = randomBytes(32).toString("base64url");
  await db.session.create({
    data: { sessionToken, userId, userAgent, expires: new Date(Date.now() + 24 * 3600 * 1000) },
    select: { id: true },
  });
  return sessionToken;
};
const sessionCount = (userId: string) => db.session.count({ where: { userId } });

test("a user sees their sessions and signs out everywhere else; nobody else's session ends", async ({ browser }) => {
  const context = await browser.newContext();
  const user = await signInAs(context, "STAKEHOLDER");
  await extraSession(user.id, "Safari/iOS");
  await extraSession(user.id, "Firefox/Windows");
  const otherContext = await browser.newContext();
  const other = await signInAs(otherContext, "STAKEHOLDER");
  await extraSession(other.id);

  const page = await context.newPage();
  await page.goto("/my/data");
  const section = page.getByRole("region", { name: "Your sessions" });
  await expect(section.getByRole("listitem")).toHaveCount(3);
  await expect(section.getByRole("listitem").filter({ hasText: "this device" })).toHaveCount(1);
  await expect(section.getByText("Safari on iOS")).toBeVisible();
  await expect(section.getByText("Firefox on Windows")).toBeVisible();
  await expectAccessible(page);

  // Capture the action's request, to replay it as a visitor and as another user afterwards.
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    section.getByRole("button", { name: "Sign out everywhere else" }).click(),
  ]);
  await expect(section.getByRole("status")).toHaveText("Signed out of 2 other sessions.");
  expect(await sessionCount(user.id)).toBe(1);
  expect(await db.session.count({ where: { sessionToken: user.sessionToken } })).toBe(1);
  expect(await sessionCount(other.id)).toBe(2);
  await page.reload();
  await expect(section.getByRole("listitem")).toHaveCount(1);
  await expect(section.getByText("You are not signed in anywhere else.")).toBeVisible();

  const replay = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
  delete replay.headers.cookie;
  await extraSession(user.id);
  const visitor = await browser.newContext();
  const anonymous = await visitor.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await anonymous.text()).toContain("Please sign in first.");
  expect(await sessionCount(user.id)).toBe(2);
  // Sent by another user, it ends that user's other sessions only.
  await otherContext.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  expect(await sessionCount(other.id)).toBe(1);
  expect(await sessionCount(user.id)).toBe(2);
  await Promise.all([context.close(), otherContext.close(), visitor.close()]);
});

test("after 5 sign-in links for one address in an hour, the form and next-auth say when to try again", async ({ page }) => {
  const email = `limit-${randomBytes(4).toString("hex")}@test.example.org`;
  for (let i = 0; i < 5; i++) {
    await askForSignInLink(page, email);
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  await askForSignInLink(page, email);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /Too many sign-in links were asked for\. Please try again in (59|60) minutes\./,
  );
  await expectAccessible(page);

  // A form post straight to next-auth (no JavaScript, no JSON) lands on the sign-in error page.
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await page.evaluate(
    ({ email, csrfToken }) => {
      const form = document.createElement("form");
      form.method = "POST";
      form.action = "/api/auth/signin/email";
      for (const [name, value] of Object.entries({ email, csrfToken, callbackUrl: "/" })) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    { email, csrfToken },
  );
  await expect(page).toHaveURL(/\/signin\/error\?error=TooManyEmails/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Please try again in (59|60) minutes\./);
});
