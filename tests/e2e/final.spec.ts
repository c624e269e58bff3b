// Final messages: the public page of a set whose version is final shows who contributed (named only with
// consent) and the participation figures; its PDF and Markdown download with the final text inside; it
// prints without navigation or forms; a set that is not final has no downloads.
import { readFile } from "node:fs/promises";
import { DEMO_FINAL_SLUG } from "@/prisma/demo-final";
import { createCall } from "@/prisma/factories";
import { createFinalScenario, createPublishedSet } from "@/prisma/factories-final";
import { pdfFile, pngFile } from "../support/files";
import { flat, readPdf } from "../support/pdf-text";
import { db, expect, expectAccessible, signInAs, test } from "./fixtures";

test("the final page lists contributors and figures, and downloads as PDF and Markdown with the final text", async ({ page }) => {
  const scenario = await createFinalScenario(db);
  const { zoe, dmitry } = scenario.responses;
  await page.goto(`/messages/${scenario.set.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(scenario.set.title);
  await expect(page.getByText("Final messages, finalised on")).toBeVisible();
  await expect(page.locator("#p-1")).toContainText(scenario.finalText.first);

  const contributors = page.getByRole("table", { name: "Contributors who agreed to be named" });
  await expect(contributors.getByRole("rowheader")).toHaveText([zoe.name, dmitry.name].sort((a, b) => a.localeCompare(b)));
  await expect(contributors).toContainText(`*Nordic* [Net](javascript:alert(1)) Foundation`);
  await expect(
    // The hidden and the withdrawn response count nowhere (lib/responses/counted.ts); the private one is counted.
    page.getByText("9 responses were submitted: 2 published with the author's name, 6 published anonymously, 1 not published."),
  ).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Anonymous Author");
  await expect(page.locator("main")).not.toContainText("Private Author");
  await expect(page.locator(".final-commenters")).toHaveText([new RegExp(scenario.commenters.named)]);

  const figures = page.getByRole("table", { name: "Submitted responses by stakeholder group (rows) and UN region (columns)" });
  await expect(figures.getByRole("row", { name: /^Civil Society/ })).toContainText("6");
  await expect(figures.getByRole("row", { name: /^Government/ })).toContainText("fewer than 5");
  await expect(
    page.getByRole("table", { name: "Published comments on the drafts by stakeholder group" }).locator("tfoot"),
  ).toContainText("3");
  await expectAccessible(page);

  const [pdfDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /PDF document/ }).click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toBe(`${scenario.set.slug}-final.pdf`);
  const pdf = await readPdf(await readFile((await pdfDownload.path())!));
  const pdfText = flat(pdf.text);
  for (const text of [scenario.set.title, scenario.finalText.first, scenario.finalText.third, zoe.name, dmitry.name])
    expect(pdfText).toContain(text);
  expect(pdfText).not.toContain("Anonymous Author");
  // Paragraph 1 points to its notes; its named source is cited there by her name, not by a receipt number alone.
  expect(pdfText).toContain("Sources: notes 1–2");
  const firstNotes = pdfText.slice(pdfText.indexOf("Notes"));
  expect(firstNotes).toContain(`${zoe.name}, `);
  expect(firstNotes.indexOf(zoe.reference)).toBeGreaterThan(firstNotes.indexOf(`${zoe.name}, `));

  const [mdDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Markdown text file/ }).click(),
  ]);
  expect(mdDownload.suggestedFilename()).toBe(`${scenario.set.slug}-final.md`);
  const markdown = await readFile((await mdDownload.path())!, "utf8");
  expect(markdown).toContain(`**1\\.** ${scenario.finalText.first}`);
  expect(markdown).toContain(`**3\\.** ${scenario.finalText.third}`);
  expect(markdown).toMatch(new RegExp(`\\]\\(http://localhost:\\d+/responses/${zoe.reference}\\)`));
  // Named in the Markdown too, before her receipt number on the same line.
  expect(markdown).toMatch(new RegExp(`^\\d+\\. ${zoe.name}, .*\\[${zoe.reference}\\]`, "m"));
});

test("printed, the final page leaves out the navigation, forms and downloads but keeps the numbered text", async ({
  context,
  page,
}) => {
  const scenario = await createFinalScenario(db, { extraAnonymous: 0 });
  await signInAs(context); // the header then has a sign-out form
  await page.goto(`/messages/${scenario.set.slug}`);
  await expect(page.locator(".site-header form, .site-header button").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  for (const hidden of await page.locator("nav, form, button, .final-downloads").all()) await expect(hidden).toBeHidden();
  await expect(page.locator("#p-1")).toBeVisible();
  await expect(page.locator("#p-1")).toHaveAttribute("value", "1");
  await expect(page.getByRole("heading", { name: "Contributors", exact: true })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".site-header")).toBeVisible();
});

test("a set that is not final has no downloads: the page shows none and the files are 404", async ({ page }) => {
  const call = await createCall(db);
  const published = await createPublishedSet(db, call.id);
  await page.goto(`/messages/${published.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Final messages, finalised on")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /PDF document/ })).toHaveCount(0);
  for (const file of ["final.pdf", "final.md"]) {
    const response = await page.request.get(`/messages/${published.slug}/download/${file}`);
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toContain("text/plain");
  }
  const scenario = await createFinalScenario(db, { extraAnonymous: 0 });
  expect((await page.request.get(`/messages/${scenario.set.slug}/download/final.docx`)).status()).toBe(404);
});

test("an Arabic reader downloads the final messages as an Arabic PDF: the Arabic text reads back", async ({ page }) => {
  await page.goto(`/ar/messages/${DEMO_FINAL_SLUG}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByText("مترجم من اللغة: الإنجليزية")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /مستند PDF/ }).click()]);
  expect(download.suggestedFilename()).toBe(`${DEMO_FINAL_SLUG}-final.ar.pdf`);
  const pdf = await readPdf(await readFile((await download.path())!));
  const text = flat(pdf.text);
  // The moderators' Arabic translation (the demo's), and the document's own text in Arabic.
  expect(text).toContain("يرى معظم المساهمين أن هناك فجوة");
  expect(text).toContain("المساهمون");
  expect(text).not.toContain("Contributors");
  expect(text).not.toContain("Most contributors");
});

test("an administrator's publication template and the set's abstract stand on the final page and in its downloads", async ({
  browser,
}) => {
  const scenario = await createFinalScenario(db);
  await db.messageSet.update({
    where: { id: scenario.set.id },
    data: { abstract: "Three messages: capacity building, incident reporting, cooperation.", sourceNotes: "ANNEX" },
  });
  const adminContext = await browser.newContext();
  await signInAs(adminContext, "ADMIN");
  const admin = await adminContext.newPage();
  await admin.goto(`/admin/forums/${scenario.forum.id}`);
  await admin.getByLabel("About the forum").fill("The **Best Practice Forum** gathers experience from every stakeholder group.");
  await admin.getByLabel("Contact", { exact: true }).fill("IGF Secretariat\nPalais des Nations, Geneva");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "saved" })).toBeVisible();
  // Not an image: refused, said above the form.
  await admin.getByLabel("Image file").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: pdfFile() });
  await admin.getByRole("button", { name: "Upload the logo" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "The logo must be a PNG or JPEG image" })).toBeVisible();
  await admin.getByLabel("Image file").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: pngFile(120, 40) });
  await admin.getByRole("button", { name: "Upload the logo" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "The logo is saved." })).toBeVisible();
  await expect(admin.getByRole("img", { name: `Logo of ${scenario.forum.name}` })).toBeVisible();
  await expectAccessible(admin);

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(`/messages/${scenario.set.slug}`);
  const logo = page.getByRole("img", { name: `Logo of ${scenario.forum.name}` });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  await expect(page.getByRole("heading", { name: "Abstract" })).toBeVisible();
  await expect(page.getByText("Three messages: capacity building, incident reporting, cooperation.")).toBeVisible();
  await expect(page.getByRole("heading", { name: `About ${scenario.forum.name}` })).toBeVisible();
  await expect(page.locator("section[aria-labelledby=final-about] strong")).toHaveText("Best Practice Forum");
  await expect(page.getByText("Palais des Nations, Geneva")).toBeVisible();
  await expectAccessible(page);

  const markdown = await (await page.request.get(`/messages/${scenario.set.slug}/download/final.md`)).text();
  expect(markdown).toMatch(/^!\[Logo of .+\]\(http:\/\/localhost:\d+\/api\/forums\/.+\/logo\?v=\d+\)/);
  expect(markdown).toContain("## Annex: the sources of the paragraphs");
  expect(markdown).toContain(`## About ${scenario.forum.name}`);
  const pdf = flat(
    (await readPdf(await (await page.request.get(`/messages/${scenario.set.slug}/download/final.pdf`)).body())).text,
  );
  expect(pdf).toContain("Three messages: capacity building");
  expect(pdf).toContain("Annex: the sources of the paragraphs");
  expect(pdf).toContain("Palais des Nations, Geneva");
  await adminContext.close();
  await visitor.close();
});
