// Shared pieces of the browser tests: signing in without the form (a session made in the database, as
// next-auth would), an accessibility scan, and the test mailbox.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import type { ForumRole, Role } from "@/lib/generated/prisma/enums";
import { createAppointment, createUser } from "@/prisma/factories";
import { BASE_URL, MAIL_HTTP } from "@/playwright.config";
import { isLocale, LOCALE_COOKIE, prefixedPath } from "@/lib/i18n/config";
import { pageState, pathPattern, recordScan, scannedClean } from "./axe-scans";

process.env.DATABASE_URL ??= process.env.IGF_TEST_DATABASE_URL;

export type SignedInUser = { id: string; email: string; sessionToken: string };

/** Creates a user (with a profile unless `profile: false`) and puts a valid session cookie in `context`. */
export async function signInAs(
  context: BrowserContext,
  role: Role = "STAKEHOLDER",
  { profile = true }: { profile?: boolean } = {},
): Promise<SignedInUser> {
  const user = await createUser(db, { role, ...(profile ? {} : { profile: null }) });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({
    data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 24 * 3600 * 1000) },
    select: { id: true },
  });
  await context.addCookies([
    { name: "next-auth.session-token", value: sessionToken, url: BASE_URL, httpOnly: true, sameSite: "Lax" },
  ]);
  return { id: user.id, email: user.email, sessionToken };
}

/** As signInAs, for a stakeholder appointed to a forum as facilitator or observer. */
export async function signInAppointed(context: BrowserContext, forumId: string, part: ForumRole): Promise<SignedInUser> {
  const user = await signInAs(context, "STAKEHOLDER");
  await createAppointment(db, { forumId, userId: user.id, role: part });
  return user;
}

/**
 * Fails with the list of violations when axe finds any on the page as it is now. A page in a state already
 * scanned clean in this run is not scanned again (see axe-scans.ts): the same path (ids left out) and the same
 * markup apart from text and ids.
 */
export async function expectAccessible(page: Page) {
  const state = await pageState(page);
  if (scannedClean(state)) return recordScan(state, { skipped: true, ms: 0 });
  const begun = Date.now();
  await expectNoViolations(page);
  recordScan(state, { skipped: false, ms: Date.now() - begun });
  await expectAccessibleInArabic(page);
}

async function expectNoViolations(page: Page) {
  expect(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

/** What axe finds on the page as it is now, WCAG 2.2 A and AA: "rule (impact): targets" each. */
export async function axeViolations(page: Page) {
  // Legacy mode runs axe in the page itself; the default opens a blank page of its own to gather the results of
  // cross-origin frames (the app has none), which was more than half of each scan: 1.7 → 0.8 s on the home page,
  // 4.0 → 2.7 s on 200 contributors, the same violations found.
  // Only violations are gathered in full (resultTypes): axe still runs every rule on every element, but stops
  // building selectors for the passes after the first, which is a tenth to a fifth of a scan (the same violations,
  // held equal on a page made to fail a dozen rules). `runOnly` is given with it, as options() replaces withTags().
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    })
    .setLegacyMode(true)
    .analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Every page scanned in English is scanned in Arabic too (right to left, another script): the same address
 * under /ar, opened in a second tab of the same person, once per address pattern and viewport. The language
 * cookie the visit sets is put back, so the test goes on in the language it was in.
 */
async function expectAccessibleInArabic(page: Page) {
  const url = new URL(page.url());
  const [, first] = url.pathname.split("/");
  if (isLocale(first) || first === "api" || first === "_next") return;
  const address = prefixedPath(url.pathname + url.search, "ar");
  const viewport = page.viewportSize();
  const path = pathPattern(new URL(address, url).href);
  const state = { key: `ar-${path}-${viewport?.width}x${viewport?.height}`, path };
  if (scannedClean(state)) return recordScan(state, { skipped: true, ms: 0 });
  const context = page.context();
  const cookie = (await context.cookies(url.href)).find((c) => c.name === LOCALE_COOKIE);
  const begun = Date.now();
  const arabic = await context.newPage();
  try {
    if (viewport) await arabic.setViewportSize(viewport);
    await arabic.goto(address);
    await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
    await expectNoViolations(arabic);
  } finally {
    await arabic.close();
    await context.clearCookies({ name: LOCALE_COOKIE });
    if (cookie) await context.addCookies([cookie]);
  }
  recordScan(state, { skipped: false, ms: Date.now() - begun });
}

/** Asks for a sign-in link through the sign-in form as a person would (at `path`, e.g. with a callbackUrl). */
export async function askForSignInLink(page: Page, email: string, path = "/signin") {
  await page.goto(path);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
}

type Mail = { to: string; subject: string; text: string };

/** Waits for a mail to `to` (with a subject matching `subject`, when given) in the test SMTP server. */
export async function waitForMail(
  to: string,
  { timeout = 15_000, subject }: { timeout?: number; subject?: RegExp } = {},
): Promise<Mail> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const response = await fetch(`${MAIL_HTTP}/messages?to=${encodeURIComponent(to)}`);
    const mails = ((await response.json()) as Mail[]).filter((mail) => !subject || subject.test(mail.subject));
    if (mails.length) return mails[mails.length - 1]!;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No mail to ${to} within ${timeout} ms`);
}

/** Collects Content-Security-Policy violations reported on the console, to assert there are none. */
export function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

export const test = base;
export { expect, db };
