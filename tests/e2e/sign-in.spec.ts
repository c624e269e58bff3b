// Signing in through the real form and a real email: the link is read from the test SMTP server.
import { randomBytes } from "node:crypto";
import { askForSignInLink, db, expect, expectAccessible, signInAs, test, waitForMail, watchCsp } from "./fixtures";

const newEmail = () => `newcomer-${randomBytes(4).toString("hex")}@test.example.org`;
const linkIn = (text: string) => text.match(/http:\/\/localhost:\d+\/api\/auth\/callback\/email\?\S+/)?.[0];

test("a new user signs in with a magic link, completes the profile and signs out", async ({ page }) => {
  const email = newEmail();
  const csp = watchCsp(page);
  await page.goto("/signin");
  await expectAccessible(page);

  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByText("Enter an email address such as name@example.org.")).toBeVisible();

  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectAccessible(page);

  const mail = await waitForMail(email);
  expect(mail.subject).toContain("Sign in to localhost");
  const link = linkIn(mail.text);
  expect(link).toBeTruthy();
  await page.goto(link!);

  // First sign-in: the profile form. Bad input is refused field by field and nothing is saved.
  await expect(page).toHaveURL(/\/profile/);
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name").fill("   ");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();
  await expect(page.getByText("Choose your stakeholder group.")).toBeVisible();
  await expect(page.getByText("Choose your UN region.")).toBeVisible();
  await expect(page.getByText("Choose your country from the list.")).toBeVisible();
  await expectAccessible(page);
  // Over the limit (the browser's maxlength bypassed, as a script could): refused by the shared schema.
  const organisation = page.getByLabel("Organisation (optional)");
  await organisation.evaluate((input) => input.removeAttribute("maxlength"));
  await organisation.fill("o".repeat(201));
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Use at most 200 characters.")).toBeVisible();
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, profile: true } });
  expect(user.profile).toBeNull();

  await page.getByLabel("Name").fill("Nadia Okafor");
  await page.getByLabel("Stakeholder group").selectOption({ label: "Technical Community" });
  await page.getByLabel("UN region").selectOption({ label: "Africa" });
  await page.getByLabel("Country").selectOption({ label: "Nigeria" });
  await page.getByLabel("Organisation (optional)").fill("Lagos Internet Exchange Operators");
  await page.getByRole("button", { name: "Save profile" }).click();

  await expect(page).toHaveURL(/\/$|\/\?/);
  await expect(page.getByText("Signed in as Nadia Okafor")).toBeVisible();
  const saved = await db.profile.findUniqueOrThrow({ where: { userId: user.id } });
  expect(saved).toMatchObject({
    displayName: "Nadia Okafor",
    stakeholderGroup: "TECHNICAL_COMMUNITY",
    region: "AFRICA",
    country: "NG",
    organisation: "Lagos Internet Exchange Operators",
    onBehalfOf: null,
  });

  // Signing out ends the session on the server, not only in this browser.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have been signed out.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprofile/);
  expect(csp).toEqual([]); // the strict policy let every script and style of the flow run
});

test("a sign-in link works once; a used, malformed or expired link gets a clear page", async ({ page, browser }) => {
  const email = newEmail();
  await askForSignInLink(page, email);
  const link = linkIn((await waitForMail(email)).text)!;

  const other = await browser.newContext();
  const first = await other.newPage();
  await first.goto(link);
  await expect(first).toHaveURL(/\/profile/);
  await other.close();

  await page.goto(link);
  await expect(page).toHaveURL(/\/signin\/error\?error=Verification/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("invalid or has expired");
  await expectAccessible(page);

  await page.goto(`/api/auth/callback/email?token=%%%bogus&email=${encodeURIComponent(email)}`);
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expect(page.getByRole("heading", { name: "The sign-in did not work" })).toBeVisible();
});

test("the profile can be edited later, and without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const user = await signInAs(context, "STAKEHOLDER", { profile: false });
  const page = await context.newPage();
  await page.goto("/profile");
  await page.getByLabel("Name").fill("");
  await page.getByLabel("Stakeholder group").selectOption("ACADEMIA");
  await page.getByLabel("UN region").selectOption("LATIN_AMERICA_CARIBBEAN");
  await page.getByLabel("Country").selectOption("CL");
  await page.getByLabel("On behalf of (optional)").fill("Andean Universities Network");
  await page.getByRole("button", { name: "Save profile" }).click();
  // The server answers with the field's message and everything else as it was typed.
  await expect(page.getByText("This field is required.")).toBeVisible();
  await expect(page.getByLabel("Country")).toHaveValue("CL");
  await expect(page.getByLabel("On behalf of (optional)")).toHaveValue("Andean Universities Network");
  expect(await db.profile.findUnique({ where: { userId: user.id } })).toBeNull();

  await page.getByLabel("Name").fill("Tomás Rivera");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Signed in as Tomás Rivera")).toBeVisible();
  expect(await db.profile.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
    stakeholderGroup: "ACADEMIA",
    country: "CL",
    onBehalfOf: "Andean Universities Network",
  });
  await context.close();
});
