// Signing in with JavaScript off (low-end phones, text browsers, strict corporate browsers): the form is a
// plain HTML post, from a fresh browser with no cookies, and the address never appears in a URL.
import { randomBytes } from "node:crypto";
import { askForSignInLink, db, expect, test, waitForMail } from "./fixtures";

test.use({ javaScriptEnabled: false });

const linkIn = (text: string) => text.match(/http:\/\/localhost:\d+\/api\/auth\/callback\/email\?\S+/)?.[0];

test("a visitor without JavaScript asks for a link, opens it and is signed in; the address is in no URL", async ({ browser }) => {
  const email = `nojs-${randomBytes(4).toString("hex")}@test.example.org`;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => urls.push(frame.url()));

  await page.goto("/signin"); // (axe needs JavaScript: sign-in.spec.ts scans this page)
  await expect(page.getByText("needs JavaScript")).toHaveCount(0);

  // Bad input: a field message from the server, the text kept.
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByText("Enter an email address such as name@example.org.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");

  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/signin\/check-email$/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const link = linkIn((await waitForMail(email)).text);
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/profile/);
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

  // Every URL the browser asked for or showed, the link from the email included.
  expect(urls.length).toBeGreaterThan(3);
  expect(urls).toContain(link!);
  for (const form of [email, encodeURIComponent(email), email.split("@")[0]!]) {
    expect(urls.filter((url) => url.includes(form))).toEqual([]);
  }
  await context.close();
});

test("without JavaScript, past the sign-in email limit the form says when to try again", async ({ browser }) => {
  const email = `nojs-limit-${randomBytes(4).toString("hex")}@test.example.org`;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (let i = 0; i < 5; i++) {
    await askForSignInLink(page, email);
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  await askForSignInLink(page, email);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Please try again in (59|60) minutes\./);
  expect(page.url()).not.toContain(encodeURIComponent(email));
  await context.close();
});
