import { DEMO_CALLS } from "@/prisma/demo-content";
import { expect, expectAccessible, test, watchCsp } from "./fixtures";

const callTitle = (key: "open" | "closed") => DEMO_CALLS.find((call) => call.key === key)!.title;

test("a visitor sees the open demo call on the home page, served with security headers", async ({ page }) => {
  const csp = watchCsp(page);
  // Everything the page loads is there (the site's icon once answered 404: the language's rewrite took it).
  const failed: string[] = [];
  page.on("response", (answer) => {
    if (answer.status() >= 400) failed.push(`${answer.status()} ${answer.url()}`);
  });
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);

  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toContain("max-age=");

  const openCalls = page.locator("section", { hasText: "BPF Cybersecurity" });
  await expect(openCalls.getByRole("heading", { name: callTitle("open") })).toBeVisible();
  await expect(openCalls.getByRole("listitem").filter({ hasText: callTitle("open") })).toContainText("Open");
  await expect(openCalls.getByRole("listitem").filter({ hasText: callTitle("closed") })).toContainText("Closed");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await expectAccessible(page);
  expect(csp).toEqual([]);
  expect(failed).toEqual([]);
});

test("an unknown page answers 404 with a page of its own", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
