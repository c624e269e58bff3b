// The six UN languages in the browser: the first visit in the browser's language, the switcher on every page,
// Arabic right to left, English addresses unchanged, an unknown language a 404.
import { db, expect, expectAccessible, test, waitForMail } from "./fixtures";

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

test.describe("a Spanish-speaking newcomer", () => {
  test.use({ locale: "es-ES" });

  test("signs in from a Spanish page, gets the link in Spanish, responds in Spanish and gets a Spanish receipt", async ({
    page,
  }) => {
    test.slow(); // a real sign-in email, the profile, a response and its receipt
    const email = `nuevo-${Date.now().toString(36)}@test.example.org`;
    await page.goto("/calls/cybersecurity-norms-2026");
    await expect(page).toHaveURL(/\/es\/calls\/cybersecurity-norms-2026$/);
    await page.getByRole("link", { name: "Responder a esta convocatoria" }).first().click();
    await expect(page).toHaveURL(/\/es\/signin\?callbackUrl=/);
    await page.getByLabel("Dirección de correo electrónico").fill(email);
    await page.getByRole("button", { name: "Enviarme un enlace de inicio de sesión" }).click();
    await expect(page.getByRole("heading", { name: "Consulte su correo electrónico" })).toBeVisible();

    const signIn = await waitForMail(email);
    expect(signIn.subject).toMatch(/^Iniciar sesión en /);
    expect(signIn.text).toContain("solo puede usarse una vez");
    const link = signIn.text.match(/http:\/\/localhost:\d+\/api\/auth\/callback\/email\?\S+/)?.[0];
    expect(decodeURIComponent(link!)).toContain("/es/calls/cybersecurity-norms-2026/respond");
    await page.goto(link!);

    // First sign-in: the profile, in Spanish; the page's language is kept as the person's.
    await expect(page.getByRole("heading", { name: "Su perfil" })).toBeVisible();
    expect(new URL(page.url()).pathname).toMatch(/^\/es\//);
    await page.getByLabel("Nombre", { exact: true }).fill("Lucía Fernández");
    await page.getByLabel("Grupo de partes interesadas").selectOption({ label: "Sociedad civil" });
    await page.getByLabel("Región de las Naciones Unidas").selectOption({ label: "América Latina y el Caribe" });
    await page.getByLabel("País").selectOption("AR");
    await page.getByRole("button", { name: "Guardar el perfil" }).click();
    await expect(page).not.toHaveURL(/\/profile/);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, locale: true } });
    expect(user.locale).toBe("es");

    // The response form in Spanish; the response is written in Spanish (the page's language by default).
    await page.goto("/es/calls/cybersecurity-norms-2026/respond");
    await expect(page.getByLabel("Idioma de su respuesta")).toHaveValue("es");
    // The questions read in Spanish (the demo's translation); the answers are stored against the originals.
    const answers = page.locator("textarea");
    for (let i = 0; i < (await answers.count()); i++)
      await answers.nth(i).fill("Los gobiernos deben proteger la infraestructura crítica con normas abiertas.");
    await page.getByRole("radio", { name: "Orientan nuestro trabajo diario" }).check();
    await page.getByLabel("Publicar sin mi nombre").check();
    await page.getByRole("button", { name: "Presentar la respuesta" }).click();
    await expect(page.getByText("Gracias. Se ha recibido su respuesta.")).toBeVisible();
    const response = await db.response.findFirstOrThrow({
      where: { authorId: user.id },
      select: { reference: true, language: true },
    });
    expect(response.language).toBe("es");

    const receipt = await waitForMail(email, { timeout: 30_000, subject: /Acuse de recibo/ });
    expect(receipt.subject).toContain(`Acuse de recibo ${response.reference}`);
    expect(receipt.text).toContain(`Su número de referencia es ${response.reference}`);
    expect(receipt.text).toMatch(/http:\/\/localhost:\d+\/es\/my\/responses\//);
  });
});
