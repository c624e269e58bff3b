// What a visitor sees of a call and its responses, and what they never see: the name of an author who
// published anonymously (in the page, its attributes, the list, the search results and the contributors),
// or a response whose author chose not to publish it.
import { DEMO_CALLS } from "@/prisma/demo-content";
import { createCall, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { plantResponses } from "@/prisma/factories-clusters";
import { db, expect, expectAccessible, test, watchCsp } from "./fixtures";

const demoCall = DEMO_CALLS.find((call) => call.key === "open")!;
const DAY = 24 * 3600 * 1000;

test("a visitor opens the demo call from the home page, reads it, and finds a response by group and word", async ({ page }) => {
  const csp = watchCsp(page);
  await page.goto("/");
  await page.getByRole("link", { name: demoCall.title }).click();
  await expect(page).toHaveURL(`/calls/${demoCall.slug}`);
  await expect(page).toHaveTitle(new RegExp(demoCall.title.slice(0, 20)));
  await expect(page.getByRole("heading", { level: 1, name: demoCall.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Questions" })).toBeVisible();
  await expect(page.getByRole("heading", { name: demoCall.questions[0]!.prompt })).toBeVisible();
  await expect(page.getByRole("link", { name: "Respond to this call" })).toHaveAttribute(
    "href",
    `/calls/${demoCall.slug}/respond`,
  );
  // The deadline in the call's zone, and in the visitor's (filled in by the browser).
  await expect(page.locator(".cycle time").nth(1)).toHaveAttribute("datetime", /Z$/);
  await expect(page.getByText(/In your time zone:/).first()).toBeVisible();

  const table = page.getByRole("table", { name: /Submitted responses by stakeholder group/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Civil Society" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Africa" })).toBeVisible();
  await expect(table.locator("tfoot")).toContainText("Total");
  await expectAccessible(page);

  await page.getByRole("link", { name: /Read the \d+ published responses/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(demoCall.title);
  await expect(page.getByRole("status")).toContainText(/\d+ published responses match/);
  await expectAccessible(page);

  // Pagination: 20 a page, "Next page" and back, with bookmarkable links.
  await expect(page.locator(".result-list > li")).toHaveCount(20);
  const firstOnFirstPage = await page.locator(".result-list > li h2").first().textContent();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.locator(".result-list > li h2").first()).not.toHaveText(firstOnFirstPage!);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page.locator(".result-list > li h2").first()).toHaveText(firstOnFirstPage!);

  await page.getByLabel("Stakeholder group").selectOption({ label: "Civil Society" });
  await page.getByLabel("Words in the responses").fill("shutdown");
  await page.getByRole("button", { name: "Show responses" }).click();
  await expect(page).toHaveURL(/group=CIVIL_SOCIETY/);
  await expect(page).toHaveURL(/q=shutdown/);
  const results = page.locator(".result-list > li");
  await expect(results.filter({ hasText: "Achieng Odhiambo" })).toHaveCount(1);
  for (const text of await results.locator(".meta").allTextContents()) {
    // A region name, not a time zone's ("Europe/Zurich" beside a date).
    if (/(Africa|Asia|Europe|Latin|Western)(?![/\w])/.test(text)) expect(text).toContain("Civil Society");
  }
  await expect(results.locator("mark").first()).toBeVisible();
  await expectAccessible(page);

  await results.filter({ hasText: "Achieng Odhiambo" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /Response CYB26-\d{4}/ })).toBeVisible();
  await expect(page.getByText("By Achieng Odhiambo")).toBeVisible();
  await expect(page.getByText(/order shutdowns in the name of security/)).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/calls/${demoCall.slug}/contributors`);
  await expect(page.getByRole("table", { name: /Named contributors/ })).toContainText("Achieng Odhiambo");
  await expect(page.getByText(/anonymous contributors? from Civil Society/)).toBeVisible();
  await expectAccessible(page);
  expect(csp).toEqual([]);
});

test("an anonymous author's name appears nowhere, a private response is not found, and the glossary is shown", async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const secretName = `Ottoline Brackenridge-${suffix}`;
  const secretOrganisation = `Brackenridge Signals Trust ${suffix}`;
  const secretBehalf = `Brackenridge Coalition ${suffix}`;
  const call = await createCall(db, {
    title: `Public pages test call ${suffix}`,
    closesAt: new Date(Date.now() + 3 * DAY),
    timeZone: "Asia/Tokyo",
  });
  const question = await createQuestion(db, {
    callId: call.id,
    prompt: `How do you report incidents? (${suffix})`,
    helpText: "Any channel counts.",
  });
  await db.glossaryTerm.create({
    data: { callId: call.id, position: 1, term: "Norm", definition: "A shared expectation of behaviour." },
  });
  const anonymousAuthor = await createUser(db, {
    profile: {
      displayName: secretName,
      organisation: secretOrganisation,
      onBehalfOf: secretBehalf,
      stakeholderGroup: "ACADEMIA",
      region: "EASTERN_EUROPE",
      country: "PL",
    },
  });
  const privateAuthor = await createUser(db, { profile: { displayName: `Private Person ${suffix}` } });
  const anonymous = await createResponse(db, {
    callId: call.id,
    authorId: anonymousAuthor.id,
    status: "SUBMITTED",
    consent: "PUBLISH_ANONYMOUS",
    answers: [{ questionId: question.id, text: "We phone the university CSIRT; the heliotrope procedure is written down." }],
  });
  const hidden = await createResponse(db, {
    callId: call.id,
    authorId: privateAuthor.id,
    status: "SUBMITTED",
    consent: "PRIVATE",
    answers: [{ questionId: question.id, text: "Private heliotrope text." }],
  });

  try {
    await page.goto(`/calls/${call.slug}`);
    await expect(page.getByRole("definition").filter({ hasText: "A shared expectation of behaviour." })).toBeVisible();
    await expect(page.getByRole("term").filter({ hasText: "Norm" })).toBeVisible();
    await expect(page.getByText(/No response yet from Government, Private Sector, Technical Community/)).toBeVisible();
    await expect(page.getByText(/left to respond/)).toBeVisible();
    await expectAccessible(page);

    const pages = [
      `/responses/${anonymous.reference}`,
      `/calls/${call.slug}/responses`,
      `/calls/${call.slug}/responses?q=heliotrope`,
      `/calls/${call.slug}/responses?group=ACADEMIA&question=${question.id}`,
      `/calls/${call.slug}/contributors`,
      `/calls/${call.slug}`,
    ];
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const html = await page.content();
      for (const secret of [
        secretName,
        secretOrganisation,
        secretBehalf,
        anonymousAuthor.email,
        "Private heliotrope",
        `Private Person ${suffix}`,
      ]) {
        expect(html, `${secret} on ${path}`).not.toContain(secret);
      }
    }

    await page.goto(`/responses/${anonymous.reference}`);
    await expect(page.getByText("Published without the author's name")).toBeVisible();
    await expect(page.getByText("Academia, Eastern Europe")).toBeVisible();
    await expect(page.getByText(/heliotrope procedure/)).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/calls/${call.slug}/contributors`);
    await expect(page.getByText("and 1 anonymous contributor from Academia")).toBeVisible();
    await expect(page.getByText(/2 responses submitted/)).toBeVisible();

    const notFound = await page.goto(`/responses/${hidden.reference}`);
    expect(notFound?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  } finally {
    await db.response.deleteMany({ where: { callId: call.id } });
    await db.user.deleteMany({ where: { id: { in: [anonymousAuthor.id, privateAuthor.id] } } });
    await db.call.delete({ where: { id: call.id } });
    await db.forum.delete({ where: { id: call.forumId } });
  }
});

test("a call's named contributors come 200 to a page, in alphabetical order, with a pager", async ({ page }) => {
  const call = await createCall(db, { publishedAt: new Date(Date.now() - 60_000) });
  const question = await createQuestion(db, { callId: call.id });
  const at = Date.now() - 24 * 60 * 60_000;
  const ids = await plantResponses(
    db,
    call.id,
    [question.id],
    Array.from({ length: 401 }, (_, i) => ({
      texts: [`Answer ${i}`],
      submittedAt: new Date(at + i * 1000),
      consent: "PUBLISH_NAMED",
    })),
  );
  // Contributions received by email, as the secretariat records them (a name without an account), named in the
  // reverse of their arrival, so the order on the page is the names', not the rows'.
  await db.$executeRaw`UPDATE responses SET channel = 'EMAIL', "contributorName" = 'Contributor ' || lpad((402 - position)::text, 3, '0')
    FROM unnest(${ids}::text[]) WITH ORDINALITY AS planted(id, position) WHERE responses.id = planted.id`;
  const table = page.getByRole("table", { name: /Named contributors/ });
  const pager = page.getByRole("navigation", { name: "Pages of contributors" });
  const firstName = () => table.getByRole("rowheader").first();
  try {
    await page.goto(`/calls/${call.slug}/contributors`);
    await expect(page.getByText(/401 responses submitted — 401 with the author's name/)).toBeVisible();
    await expect(table).toHaveAccessibleName("Named contributors, in alphabetical order: 1–200 of 401");
    await expect(table.getByRole("rowheader")).toHaveCount(200);
    await expect(firstName()).toHaveText("Contributor 001");
    await expect(pager).toContainText("Page 1 of 3");
    await expect(pager.getByRole("link", { name: "Previous page" })).toHaveCount(0);

    await pager.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/contributors\?page=2$/);
    await expect(table).toHaveAccessibleName("Named contributors, in alphabetical order: 201–400 of 401");
    await expect(firstName()).toHaveText("Contributor 201");

    await pager.getByRole("link", { name: "Next page" }).click();
    await expect(table.getByRole("rowheader")).toHaveText(["Contributor 401"]);
    await expect(pager.getByRole("link", { name: "Next page" })).toHaveCount(0);
    // The pager scanned on the last page (one row: axe's time grows with the table).
    await expectAccessible(page);
    await pager.getByRole("link", { name: "Previous page" }).click();
    await expect(firstName()).toHaveText("Contributor 201");

    // A page that is not a whole number shows the first; one past the end, the last.
    for (const [asked, first] of [
      ["abc", "Contributor 001"],
      ["0", "Contributor 001"],
      ["99", "Contributor 401"],
    ] as const) {
      const response = await page.goto(`/calls/${call.slug}/contributors?page=${asked}`);
      expect(response?.status()).toBe(200);
      await expect(firstName()).toHaveText(first);
    }

    // The final messages page lists the first page and links to the rest.
    const finalisedAt = new Date(Date.now() - 60_000);
    const set = await db.messageSet.create({
      data: {
        callId: call.id,
        slug: `final-contributors-${call.slug}`,
        title: "Final messages with many contributors",
        status: "FINAL",
        versions: {
          create: {
            number: 1,
            content: [
              { heading: "Final", paragraphs: [{ paragraphId: "f1", body: "A final paragraph.", origins: [], citations: [] }] },
            ],
            publishedAt: finalisedAt,
            finalisedAt,
            title: "Final messages with many contributors",
            introduction: "",
          },
        },
      },
      select: { slug: true },
    });
    await page.goto(`/messages/${set.slug}`);
    const finalTable = page.getByRole("table", { name: "Contributors who agreed to be named" });
    await expect(finalTable.getByRole("rowheader")).toHaveCount(200);
    await expect(page.getByText("The first 200 of 401 named contributors are listed here.")).toBeVisible();
    await page.getByRole("link", { name: "See the others on the call’s contributors pages" }).click();
    await expect(page).toHaveURL(/contributors\?page=2$/);
    await expect(firstName()).toHaveText("Contributor 201");
  } finally {
    await db.messageSet.deleteMany({ where: { callId: call.id } });
    await db.response.deleteMany({ where: { callId: call.id } });
    await db.call.delete({ where: { id: call.id } });
    await db.forum.delete({ where: { id: call.forumId } });
  }
});
