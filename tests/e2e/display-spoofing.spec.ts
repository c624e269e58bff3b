// Display spoofing (issue 11, item 7). A name stored before names were cleaned (set straight in the database,
// as old data is) still carries a right-to-left override (U+202E); on the public response page and the list
// of responses it is isolated in a <bdi> (or an element with dir="auto"), so it cannot reverse the words
// around it. The profile form now stores a name without it.
import type { Page } from "@playwright/test";
import { createCall, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { db, expect, expectAccessible, signInAs, test } from "./fixtures";

const RLO = "\u202E";

/** Every shown text node holding a bidi control, with whether an isolating element (<bdi>, [dir]) encloses it. */
function bidiTextNodes(page: Page) {
  return page.evaluate(() => {
    const controls = /[\u202A-\u202E\u2066-\u2069]/;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found: { text: string; isolated: boolean }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!controls.test(node.textContent ?? "") || node.parentElement?.closest("script, style, template")) continue;
      const isolated = Boolean(node.parentElement?.closest("bdi, [dir]:not(html)"));
      found.push({ text: node.textContent ?? "", isolated });
    }
    return found;
  });
}

test("a stored name with a right-to-left override is isolated on the response page and the list", async ({ page }) => {
  const suffix = uniqueSuffix();
  const name = `Amina ${RLO}fdp.exe ${suffix}`;
  const organisation = `${RLO}Rights Network ${suffix}`;
  const author = await createUser(db, { profile: { displayName: name, organisation } });
  const call = await createCall(db);
  const question = await createQuestion(db, { callId: call.id });
  const response = await createResponse(db, {
    callId: call.id,
    authorId: author.id,
    status: "SUBMITTED",
    consent: "PUBLISH_NAMED",
    answers: [{ questionId: question.id, text: `Community networks need support ${RLO}before any norm ${suffix}.` }],
  });

  for (const path of [`/responses/${response.reference}`, `/calls/${call.slug}/responses`]) {
    await page.goto(path);
    const attribution = page.locator(".attribution").first();
    await expect(attribution.locator("bdi", { hasText: suffix }).first()).toBeVisible();
    expect(await attribution.locator("bdi").allTextContents()).toEqual(expect.arrayContaining([name, organisation]));
    // The override is shown (old data is not rewritten here) but never outside an isolating element.
    const nodes = await bidiTextNodes(page);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.filter((n) => !n.isolated)).toEqual([]);
    await expectAccessible(page);
  }
});

test("the profile form stores a name and organisation without bidi controls or invisible characters", async ({
  context,
  page,
}) => {
  const user = await signInAs(context);
  await page.goto("/profile");
  await page.getByLabel("Name").fill(`Tom${RLO}ás\u200B Rivera\u2066`);
  await page.getByLabel("Organisation (optional)").fill(`\uFEFFAndean${RLO} Universities`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Signed in as Tomás Rivera")).toBeVisible();
  expect(
    await db.profile.findUniqueOrThrow({ where: { userId: user.id }, select: { displayName: true, organisation: true } }),
  ).toEqual({
    displayName: "Tomás Rivera",
    organisation: "Andean Universities",
  });
});
