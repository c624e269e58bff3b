// The return path after signing in cannot lead to another site: a hostile callbackUrl, given to the
// sign-in page, to next-auth directly, or to the profile form, ends on this site's home page. A fake
// evil.example answers in the browser, so a test that went there would see it rather than a network error.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createUser } from "@/prisma/factories";
import { BASE_URL } from "@/playwright.config";
import { askForSignInLink, db, expect, signInAs, test, waitForMail } from "./fixtures";

const ORIGIN = new URL(BASE_URL).origin;
const linkIn = (text: string) => text.match(/http:\/\/localhost:\d+\/api\/auth\/callback\/email\?\S+/)?.[0];
const newEmail = () => `return-${randomBytes(4).toString("hex")}@test.example.org`;

test.beforeEach(async ({ context }) => {
  await context.route(
    (url) => url.hostname.endsWith("evil.example"),
    (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>You left the site</h1>" }),
  );
});

async function expectHomeOfThisSite(page: Page) {
  await expect(page).toHaveURL(`${BASE_URL}/`);
  expect(new URL(page.url()).origin).toBe(ORIGIN);
  await expect(page.getByText("You left the site")).toHaveCount(0);
}

async function requestLinkThroughForm(page: Page, email: string, callbackUrl: string) {
  await askForSignInLink(page, email, `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  return linkIn((await waitForMail(email)).text)!;
}

test("a new user signing in with the return path /<TAB>/evil.example ends on this site", async ({ page }) => {
  const email = newEmail();
  const link = await requestLinkThroughForm(page, email, "/\t/evil.example");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await page.getByLabel("Name").fill("Ines Duarte");
  await page.getByLabel("Stakeholder group").selectOption({ label: "Technical Community" });
  await page.getByLabel("UN region").selectOption({ label: "Africa" });
  await page.getByLabel("Country").selectOption({ label: "Nigeria" });
  await page.getByRole("button", { name: "Save profile" }).click();
  await expectHomeOfThisSite(page);
  await expect(page.getByText("Signed in as Ines Duarte")).toBeVisible();
});

for (const hostile of ["/\t/evil.example", "/%09/evil.example", "/.//evil.example", "/\\evil.example"]) {
  test(`an existing user signing in with the return path ${JSON.stringify(hostile)} ends on this site`, async ({ page }) => {
    const user = await createUser(db, { email: newEmail() });
    const link = await requestLinkThroughForm(page, user.email, hostile);
    await page.goto(link);
    await expectHomeOfThisSite(page);
  });
}

test("a return path posted straight to next-auth passes the same check", async ({ page }) => {
  const user = await createUser(db, { email: newEmail() });
  await page.goto("/signin");
  const status = await page.evaluate(
    async ({ email, callbackUrl }) => {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/signin/email", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email, csrfToken, callbackUrl, json: "true" }),
      });
      return response.status;
    },
    { email: user.email, callbackUrl: "/\t/evil.example" },
  );
  expect(status).toBe(200);
  await page.goto(linkIn((await waitForMail(user.email)).text)!);
  await expectHomeOfThisSite(page); // not //evil.example on this site either
});

test("a signed-in user sent to the sign-in page or the profile form with a hostile path stays on this site", async ({
  context,
  page,
}) => {
  await signInAs(context, "STAKEHOLDER");
  for (const hostile of ["/\t/evil.example", "/\n/evil.example", "/\\/evil.example"]) {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(hostile)}`);
    await expectHomeOfThisSite(page);
  }
  await page.goto(`/profile?callbackUrl=${encodeURIComponent("/\t/evil.example")}`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expectHomeOfThisSite(page);
  // A path of this site is kept.
  await page.goto(`/profile?callbackUrl=${encodeURIComponent("/calls?from=profile")}`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/calls?from=profile`);
});
