// The six UN languages in the browser: the first visit in the browser's language, the switcher on every page,
// Arabic right to left, English addresses unchanged, an unknown language a 404.
import { expect, expectAccessible, test } from "./fixtures";

test.describe("a French-speaking browser", () => {
  test.use({ locale: "fr-FR" });

  test("lands on the French home page, switches to Arabic on the same page, right to left, and back to English", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/fr$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Consultations ouvertes" })).toBeVisible();
    await expect(page.locator('link[rel="alternate"][hreflang="ar"]')).toHaveAttribute("href", "/ar");

    // A call page, then the switcher, by keyboard: each language named in itself, the current one marked.
    await page
      .getByRole("link", { name: /Cybersecurity norms in practice/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/fr\/calls\/cybersecurity-norms-2026$/);
    const switcher = page.getByRole("navigation", { name: "Langue" });
    await expect(switcher.getByRole("link", { name: "Français" })).toHaveAttribute("aria-current", "true");
    const arabic = switcher.getByRole("link", { name: "العربية" });
    await expect(arabic).toHaveAttribute("lang", "ar");
    await arabic.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/ar\/calls\/cybersecurity-norms-2026$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.getByRole("navigation", { name: "اللغة" })).toBeVisible();
    await expectAccessible(page);

    // English: the unprefixed address, kept on the next visit although the browser asks for French.
    await page.getByRole("navigation", { name: "اللغة" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/calls\/cybersecurity-norms-2026$/);
    expect(new URL(page.url()).pathname).toBe("/calls/cybersecurity-norms-2026");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByRole("heading", { level: 1, name: "Open consultations" })).toBeVisible();
  });
});

test("the Arabic home page is right to left and accessible", async ({ page }) => {
  await page.goto("/ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "المشاورات المفتوحة" })).toBeVisible();
  await expectAccessible(page);
});

test("an address in a language the platform does not speak is not found; English addresses are unchanged", async ({ page }) => {
  const unknown = await page.goto("/de/calls/cybersecurity-norms-2026");
  expect(unknown?.status()).toBe(404);
  const english = await page.goto("/calls/cybersecurity-norms-2026");
  expect(english?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe("/calls/cybersecurity-norms-2026");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
