// The caches of public content (the whole pages of scripts/lib/page-cache.mjs and the reads of lib/cache/public.ts)
// never show what the public may no longer see. Every public page
// and API answer that shows a response is read (so cached), then, one at a time, a moderator hides a response, an
// author withdraws theirs, an author deletes their account with their responses, and an author deletes theirs
// keeping their response anonymised, each through the site itself; as soon as each action has returned, every one
// of those pages and answers is read again and must no longer show what was removed, while still showing the rest.
import type { BrowserContext } from "@playwright/test";
import { createCall, createQuestion, createResponse, uniqueSuffix } from "@/prisma/factories";
import { DEMO_CALLS } from "@/prisma/demo-content";
import { PAGE_CACHE_HEADER } from "@/scripts/lib/page-cache.mjs";
import { db, expect, signInAs, test, watchCsp } from "./fixtures";

type Person = {
  key: string;
  name: string;
  marker: string;
  reference: string;
  responseId: string;
  email: string;
  context: BrowserContext;
};

test("a hidden, a withdrawn, a removed and an anonymised response are gone from every public page and API answer as soon as the action returns", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const call = await createCall(db, { title: `Cached call ${suffix}` });
  const question = await createQuestion(db, { callId: call.id });

  const people: Record<string, Person> = {};
  for (const key of ["Hidden", "Withdrawn", "Removed", "Anonymised", "Kept"]) {
    const context = await browser.newContext();
    const user = await signInAs(context, "STAKEHOLDER");
    const name = `Person${key} ${suffix}`;
    await db.profile.update({ where: { userId: user.id }, data: { displayName: name } });
    const marker = `heliotrope${key.toLowerCase()}${suffix}`;
    const response = await createResponse(db, {
      callId: call.id,
      authorId: user.id,
      status: "SUBMITTED",
      consent: "PUBLISH_NAMED",
      answers: [{ questionId: question.id, text: `The heliotrope plan: ${marker} keeps the network open.` }],
    });
    people[key] = { key, name, marker, reference: response.reference!, responseId: response.id, email: user.email, context };
  }
  const everyone = Object.values(people);

  const lists = [
    `/calls/${call.slug}/responses`,
    `/calls/${call.slug}/responses?q=heliotrope`,
    `/calls/${call.slug}/responses?question=${question.id}`,
    `/calls/${call.slug}/contributors`,
    `/api/v1/calls/${call.slug}/responses`,
  ];
  // Its own rate-limit bucket for the API (the other tests read it too).
  const headers = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` };
  const ownPages = (person: Person) => [`/responses/${person.reference}`, `/api/v1/responses/${person.reference}`];

  /** Reads every page and answer; `gone` people must be absent everywhere (their own pages 404), the rest present. */
  async function expectPublic(gone: Person[], anonymised: Person[] = []) {
    for (const path of lists) {
      const answer = await page.request.get(path, { headers });
      expect(answer.status(), path).toBe(200);
      // Pages come through the cache of whole pages (scripts/lib/page-cache.mjs), the API through the public reads.
      if (!path.startsWith("/api/")) expect(answer.headers()["x-page-cache"], path).toMatch(/^(hit|miss)$/);
      const body = await answer.text();
      for (const person of everyone) {
        const shown = !gone.includes(person);
        // The contributors page lists names only.
        if (!path.includes("/contributors")) expect(body.includes(person.marker), `${person.key} text on ${path}`).toBe(shown);
        const named = shown && !anonymised.includes(person);
        expect(body.includes(person.name), `${person.key} name on ${path}`).toBe(named);
      }
    }
    for (const person of everyone) {
      for (const path of ownPages(person)) {
        const answer = await page.request.get(path, { headers });
        const shown = !gone.includes(person);
        expect(answer.status(), path).toBe(shown ? 200 : 404);
        const body = await answer.text();
        expect(body.includes(person.marker), `${person.key} text on ${path}`).toBe(shown);
        expect(body.includes(person.name), `${person.key} name on ${path}`).toBe(shown && !anonymised.includes(person));
      }
    }
  }

  try {
    await expectPublic([]);

    // The pages are served from the cache: a change written past the version (its trigger switched off, which
    // nothing but this test does) is not seen until the public content changes.
    await db.$transaction([
      db.$executeRawUnsafe(`ALTER TABLE "answers" DISABLE TRIGGER "answers_public_content"`),
      db.answer.updateMany({
        where: { responseId: people.Kept!.responseId },
        data: { text: `The heliotrope plan: ${people.Kept!.marker} keeps the network open and safe.` },
      }),
      db.$executeRawUnsafe(`ALTER TABLE "answers" ENABLE TRIGGER "answers_public_content"`),
    ]);
    const cached = await page.request.get(`/responses/${people.Kept!.reference}`);
    expect(cached.headers()["x-page-cache"]).toBe("hit");
    expect(await cached.text()).not.toContain("open and safe");
    // The same page for someone signed in is made for them, from the cache of public reads.
    const signedIn = await people.Kept!.context.request.get(`/responses/${people.Kept!.reference}`);
    expect(signedIn.headers()["x-page-cache"]).toBeUndefined();
    expect(await signedIn.text()).not.toContain("open and safe");

    // A moderator hides one from the moderation queue.
    const moderator = await browser.newContext();
    await signInAs(moderator, "MODERATOR");
    const moderation = await moderator.newPage();
    await moderation.goto(`/moderation/calls/${call.id}/queue`);
    const item = moderation.getByRole("article").filter({ hasText: people.Hidden!.reference });
    await item.getByText("Hide with a reason…").click();
    await item.getByLabel(/Reason for hiding/).fill("It names a private person. Please submit it again without the name.");
    await item.getByRole("button", { name: `Hide ${people.Hidden!.reference}` }).click();
    await expect(moderation.getByRole("status")).toContainText(`${people.Hidden!.reference} is now hidden`);
    await expectPublic([people.Hidden!]);
    expect(await (await page.request.get(`/responses/${people.Kept!.reference}`)).text()).toContain("open and safe");

    // An author withdraws theirs.
    const withdrawing = await people.Withdrawn!.context.newPage();
    await withdrawing.goto(`/my/responses/${people.Withdrawn!.responseId}`);
    withdrawing.once("dialog", (dialog) => void dialog.accept());
    await withdrawing.getByRole("button", { name: "Withdraw my response" }).click();
    await expect(withdrawing.getByText("Withdrawn", { exact: true }).first()).toBeVisible();
    await expectPublic([people.Hidden!, people.Withdrawn!]);

    // An author deletes their account and their responses with it.
    const removing = await people.Removed!.context.newPage();
    await removing.goto("/my/data");
    await removing.getByLabel("Remove them").check();
    await removing.getByRole("button", { name: "Continue" }).click();
    await removing.getByLabel("Type your email address to confirm").fill(people.Removed!.email);
    await removing.getByRole("button", { name: "Delete my account" }).click();
    await expect(removing.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
    await expectPublic([people.Hidden!, people.Withdrawn!, people.Removed!]);

    // An author deletes their account keeping their response, anonymised: the text stays, the name goes.
    const anonymising = await people.Anonymised!.context.newPage();
    await anonymising.goto("/my/data");
    await anonymising.getByLabel("Keep them, anonymised").check();
    await anonymising.getByRole("button", { name: "Continue" }).click();
    await anonymising.getByLabel("Type your email address to confirm").fill(people.Anonymised!.email);
    await anonymising.getByRole("button", { name: "Delete my account" }).click();
    await expect(anonymising.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
    await expectPublic([people.Hidden!, people.Withdrawn!, people.Removed!], [people.Anonymised!]);
  } finally {
    for (const person of everyone) await person.context.close();
    await db.response.deleteMany({ where: { callId: call.id } });
    await db.call.delete({ where: { id: call.id } });
    await db.forum.delete({ where: { id: call.forumId } });
  }
});

test("a visitor's public pages come without Next.js's scripts and read the same; a signed-in person's come with them", async ({
  browser,
  page,
}) => {
  const call = DEMO_CALLS.find((demo) => demo.key === "open")!;
  const csp = watchCsp(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  const worker = page.waitForEvent("worker");
  const answer = await page.goto(`/calls/${call.slug}`);
  expect(answer?.headers()[PAGE_CACHE_HEADER]).toMatch(/^(hit|miss)$/);
  // One script, the page's own (scripts/lib/reading-page.mjs), under the page's nonce; no framework chunk.
  await expect(page.locator("script")).toHaveCount(1);
  await expect(page.locator("script[src], link[as=script]")).toHaveCount(0);
  const nonce = /'nonce-([^']+)'/.exec(answer!.headers()["content-security-policy"] ?? "")?.[1];
  expect(await page.locator("script").evaluate((script: HTMLScriptElement) => script.nonce)).toBe(nonce);
  // What the client components did, the script does: the deadline in the reader's own zone, written by its worker
  // (same origin, allowed by the policy: no violation below).
  expect((await worker).url()).toContain("/_reading/reader-time.");
  await expect(page.getByText(/In your time zone:/).first()).toBeVisible();
  // A visitor's copy goes without the opener policy (scripts/lib/page-cache.mjs); a signed-in person's page has it.
  expect(answer!.headers()["cross-origin-opener-policy"]).toBeUndefined();
  // A link is a full load of the next page, from the cache as well.
  const next = page.waitForResponse((response) => response.url().endsWith(`/calls/${call.slug}/participation`));
  await page.getByRole("link", { name: "Participation in detail, with its growth over time" }).click();
  expect((await next).headers()[PAGE_CACHE_HEADER]).toMatch(/^(hit|miss)$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(call.title);
  await expect(page.locator("script[src]")).toHaveCount(0);
  expect(errors).toEqual([]);
  expect(csp).toEqual([]);
  // The worker writes the time in the browser's zone: a reader in India.
  const india = await browser.newContext({ timezoneId: "Asia/Kolkata" });
  const reader = await india.newPage();
  await reader.goto(`/calls/${call.slug}`);
  await expect(reader.getByText(/In your time zone:/).first()).toContainText(/ GMT\+5:30 \(Asia\/(Kolkata|Calcutta)\)$/);
  await india.close();

  const context = await browser.newContext();
  await signInAs(context, "STAKEHOLDER");
  const signedIn = await context.newPage();
  const theirs = await signedIn.goto(`/calls/${call.slug}`);
  expect(theirs?.headers()[PAGE_CACHE_HEADER]).toBeUndefined();
  expect(theirs?.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  expect(await signedIn.locator('script[src*="/_next/static/"]').count()).toBeGreaterThan(0);
  await expect(signedIn.getByText(/In your time zone:/).first()).toBeVisible();
  await context.close();
});
