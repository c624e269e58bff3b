// Multilingual content: a moderator translates a call and a published message set into French beside the
// originals; a French reader then reads them in French with a note and a link to the original. A refused
// translation keeps what was typed; the same request replayed by a stakeholder or a visitor changes nothing.
import type { Page } from "@playwright/test";
import { DEMO_MESSAGES_SLUG } from "@/prisma/demo-messages";
import { db, expect, expectAccessible, signInAs, test } from "./fixtures";

const CALL_SLUG = "cybersecurity-norms-2026";

/** Types a translation into every box of the form: `title` as given, choices line for line, the rest numbered. */
async function fillTranslation(page: Page, title: string, text: (n: number) => string) {
  const boxes = page.locator('form textarea[lang="fr"], form input[type="text"][lang="fr"]');
  const count = await boxes.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const box = boxes.nth(i);
    const name = (await box.getAttribute("name"))!;
    if (name === "title") await box.fill(title);
    else if (name.startsWith("options.")) {
      const original = await page.locator(`[id="tr-${name}-original"]`).innerText();
      await box.fill(
        original
          .split("\n")
          .filter((line) => line.trim())
          .map((_, k) => `Choix ${k + 1}`)
          .join("\n"),
      );
    } else await box.fill(text(i));
  }
}

test("a moderator translates a call and a published message set into French; a French reader reads them so", async ({
  browser,
}) => {
  test.slow(); // two long forms, two readers and a replay
  const moderatorContext = await browser.newContext();
  await signInAs(moderatorContext, "MODERATOR");
  const page = await moderatorContext.newPage();
  const call = await db.call.findUniqueOrThrow({ where: { slug: CALL_SLUG }, select: { id: true, title: true } });

  // The call, beside its original.
  await page.goto(`/moderation/calls/${call.id}/translations?lang=fr`);
  await expect(page.getByRole("heading", { level: 2, name: "French" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Tools for this call" }).getByRole("link", { name: "Translations" }),
  ).toHaveAttribute("aria-current", "page");
  await fillTranslation(page, "Les normes de cybersécurité en pratique", (n) => `Texte traduit ${n}.`);
  // An empty title is refused with the original's message, and every other text typed is kept.
  await page.getByLabel("Title in French").fill("");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    page.getByRole("button", { name: "Save the translation into French" }).click(),
  ]);
  await expect(page.getByText("This field is required.")).toBeVisible();
  await expect(page.locator('form textarea[lang="fr"]').first()).toHaveValue(/Texte traduit/);
  await expectAccessible(page);
  await page.getByLabel("Title in French").fill("Les normes de cybersécurité en pratique");
  await page.getByRole("button", { name: "Save the translation into French" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The translation is saved." })).toBeVisible();
  await expect(page.getByRole("link", { name: "See the public page in French" })).toBeVisible();

  // The refused request, replayed by a stakeholder and by a visitor with a title: nothing is saved by them.
  const saved = await db.callTranslation.findUniqueOrThrow({ where: { callId_locale: { callId: call.id, locale: "fr" } } });
  const headers = await request!.allHeaders();
  delete headers.cookie;
  const body = request!
    .postDataBuffer()!
    .toString("latin1")
    .replace(/(name="title"\r\n\r\n)\r\n/, "$1Piraté\r\n");
  const stakeholder = await browser.newContext();
  await signInAs(stakeholder, "STAKEHOLDER");
  const refused = await stakeholder.request.fetch(request!.url(), { method: "POST", headers, data: Buffer.from(body, "latin1") });
  expect(await refused.text()).toContain("You are not allowed to do this.");
  const visitor = await browser.newContext();
  const anonymous = await visitor.request.fetch(request!.url(), { method: "POST", headers, data: Buffer.from(body, "latin1") });
  expect(await anonymous.text()).toContain("Please sign in first.");
  const after = await db.callTranslation.findUniqueOrThrow({ where: { callId_locale: { callId: call.id, locale: "fr" } } });
  expect(after.title).toBe("Les normes de cybersécurité en pratique");
  expect(after.updatedAt.getTime()).toBe(saved.updatedAt.getTime());
  // A stakeholder is refused the editor itself.
  expect((await (await stakeholder.newPage()).goto(`/moderation/calls/${call.id}/translations`))?.status()).toBe(403);
  await stakeholder.close();
  await visitor.close();

  // The published message set's latest version.
  const set = await db.messageSet.findUniqueOrThrow({ where: { slug: DEMO_MESSAGES_SLUG }, select: { id: true } });
  await page.goto(`/moderation/messages/${set.id}/translations?lang=fr`);
  await expect(page.getByRole("heading", { level: 2, name: /Version 2 · French/ })).toBeVisible();
  await fillTranslation(
    page,
    "Messages de l'IGF 2026 – Sécurité, sûreté, stabilité et résilience",
    (n) => `Paragraphe traduit ${n}.`,
  );
  await page.getByRole("button", { name: "Save the translation into French" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The translation is saved." })).toBeVisible();
  await expectAccessible(page);
  await moderatorContext.close();

  // A French reader.
  const readerContext = await browser.newContext({ locale: "fr-FR" });
  const reader = await readerContext.newPage();
  await reader.goto(`/fr/calls/${CALL_SLUG}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Les normes de cybersécurité en pratique");
  await expect(reader.getByRole("heading", { level: 1 })).not.toHaveAttribute("lang", /./);
  await expect(reader.getByText("Traduction de l'original en anglais")).toBeVisible();
  await expect(reader.getByText("Texte traduit").first()).toBeVisible();
  await reader.getByRole("link", { name: "Lire l'original" }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(call.title);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");
  await expect(reader.getByText("Original en anglais")).toBeVisible();
  await reader.getByRole("link", { name: "Lire la traduction" }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Les normes de cybersécurité en pratique");

  await reader.goto(`/fr/messages/${DEMO_MESSAGES_SLUG}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(
    "Messages de l'IGF 2026 – Sécurité, sûreté, stabilité et résilience",
  );
  await expect(reader.getByText("Traduction de l'original en anglais")).toBeVisible();
  await expect(reader.locator("#p-1")).toContainText("Paragraphe traduit");
  await expectAccessible(reader);

  // An English reader reads the original.
  const english = await (await browser.newContext()).newPage();
  await english.goto(`/messages/${DEMO_MESSAGES_SLUG}`);
  await expect(english.locator("#p-1")).not.toContainText("Paragraphe traduit");
  await readerContext.close();
});
