// Versions of a message set: version 1 is open for comment; a moderator edits paragraph 3 and splits
// paragraph 1, saves version 2 with a summary, is refused publishing it while version 1's period is open
// (the rule's sentence), closes that period and publishes. Readers then compare the two versions (inserted
// and deleted words, the split) and list them. Every new page passes an axe scan.
import { toLocalDateTime } from "@/lib/calls/time";
import { formatDate } from "@/lib/dates/format";
import { createCall, createForum, uniqueSuffix } from "@/prisma/factories";
import { createSourceResponse } from "@/prisma/factories-messages";
import { db, expect, expectAccessible, signInAppointed, signInAs, test, watchCsp } from "./fixtures";

const DAY = 24 * 3600 * 1000;

/**
 * A set of a new call whose version 1 is open for comment since an hour ago; with `draft`, a set in draft
 * whose version 1 is saved and not published (in `forumId` when given).
 */
async function setInComment(suffix: string, { forumId, draft = false }: { forumId?: string; draft?: boolean } = {}) {
  const call = await createCall(db, { forumId });
  const slug = `versioned-messages-${suffix}`;
  const set = await db.messageSet.create({
    data: {
      callId: call.id,
      slug,
      title: `Messages on resilience ${suffix}`,
      status: draft ? "DRAFT" : "PUBLISHED",
      sections: {
        create: [
          { position: 1, heading: "Trust" },
          { position: 2, heading: "Capacity" },
        ],
      },
    },
    select: { id: true, sections: { orderBy: { position: "asc" }, select: { id: true, heading: true } } },
  });
  const outline = [
    [
      set.sections[0]!,
      ["Trust grows with transparency. States should publish their national norms.", "Dialogue needs every stakeholder group."],
    ],
    [set.sections[1]!, ["Capacity building must reach small CERTs.", "Funding should be predictable."]],
  ] as const;
  const content = [];
  for (const [section, bodies] of outline) {
    const paragraphs = [];
    for (const [index, body] of bodies.entries()) {
      const p = await db.messageParagraph.create({
        data: { setId: set.id, sectionId: section.id, position: index + 1, body },
        select: { id: true },
      });
      paragraphs.push({ paragraphId: p.id, body, origins: [], citations: [] });
    }
    content.push({ sectionId: section.id, heading: section.heading, paragraphs });
  }
  const now = Date.now();
  const closes = new Date(Math.ceil((now + 10 * DAY) / 3600_000) * 3600_000);
  await db.messageSetVersion.create({
    data: {
      setId: set.id,
      number: 1,
      summary: "",
      content,
      title: `Messages on resilience ${suffix}`,
      introduction: "",
      ...(!draft && {
        publishedAt: new Date(now - 3600_000),
        commentOpensAt: new Date(now - 3600_000),
        commentClosesAt: closes,
      }),
    },
  });
  return { set, slug, closes };
}

const utc = (date: Date) => formatDate(date, { locale: "en", timeZone: "UTC" });

test("a moderator revises, is held to one comment period at a time, publishes version 2; readers compare", async ({
  context,
  page,
}) => {
  test.slow(); // one long story with five axe scans, on a shared machine
  const csp = watchCsp(page);
  const suffix = uniqueSuffix();
  const { set, slug, closes } = await setInComment(suffix);
  await signInAs(context, "MODERATOR");
  await page.goto(`/moderation/messages/${set.id}`);

  // Edit paragraph 3: one word replaced, two inserted.
  const third = page.getByRole("article", { name: "Paragraph 3" });
  await third.getByText("Edit paragraph 3").click();
  await third.getByLabel("Text", { exact: true }).fill("Capacity building should reach small and regional CERTs.");
  await third.getByRole("button", { name: "Save paragraph" }).click();
  await expect(third.getByRole("status").first()).toHaveText("Saved.");

  // Split paragraph 1 before its second sentence (a form that works without JavaScript).
  const first = page.getByRole("article", { name: "Paragraph 1" });
  // The less frequent tools are folded under one summary (open without JavaScript).
  await expect(first.getByLabel("Split paragraph 1 before")).toBeHidden();
  await first.getByText("Move, merge, split or delete paragraph 1").click();
  await first
    .getByLabel("Split paragraph 1 before")
    .selectOption({ label: "sentence 2: “States should publish their national norms.”" });
  await first.getByRole("button", { name: "Split Paragraph 1", exact: true }).click();
  await expect(page.getByRole("article", { name: "Paragraph 2" })).toContainText("States should publish their national norms.");
  await expect(page.getByRole("article", { name: "Paragraph 1" })).not.toContainText("States should publish");
  // Said where it was done, though paragraph 1 has no second sentence left to split before.
  await expect(first.getByRole("status").filter({ hasText: "Paragraph split in two. The new part follows it." })).toBeVisible();

  // Version 2 without a summary is refused; with one it is saved.
  await page.getByLabel("What changed").fill("Paragraph 1 split, paragraph 3 revised");
  await page.getByRole("button", { name: "Save version" }).click();
  const second = page.locator("#version-2");
  await expect(second).toContainText("Paragraph 1 split, paragraph 3 revised");
  await expectAccessible(page);

  // Publishing while version 1 is open for comment is refused with the rule.
  await second.getByRole("button", { name: "Publish version 2" }).click();
  await expect(second.getByRole("status").first()).toHaveText(
    `Version 1 is open for comment until ${utc(closes)}. Close its comment period first, then publish version 2.`,
  );
  expect(
    (await db.messageSetVersion.findFirstOrThrow({ where: { setId: set.id, number: 2 }, select: { publishedAt: true } }))
      .publishedAt,
  ).toBeNull();

  // Closing early needs a reason, which the public is shown.
  await page.getByLabel("Why the comment period of version 1 ends early").fill("Version 2 answers the comments received.");
  await page.getByRole("button", { name: "Close the comment period of version 1" }).click();
  await expect(page.locator("#version-1")).toContainText("comment period closed");
  await page.locator("#version-2").getByRole("button", { name: "Publish version 2" }).click();
  await expect
    .poll(
      async () =>
        (await db.messageSetVersion.findFirstOrThrow({ where: { setId: set.id, number: 2 }, select: { publishedAt: true } }))
          .publishedAt,
    )
    .not.toBeNull();

  // The moderator's compare view of saved versions.
  await page.goto(`/moderation/messages/${set.id}/compare?from=1&to=2`);
  await expect(page.getByText("Split from paragraph 1")).toBeVisible();
  await expectAccessible(page);

  // The public page says which version it is and leads to the comparison.
  await page.goto(`/messages/${slug}`);
  await expect(page.getByText("Version 2, published")).toBeVisible();
  await page.getByRole("link", { name: "Compare with version 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/messages/${slug}/compare\\?from=1&to=2`));
  const edited = page.getByRole("article", { name: /Paragraph 4/ });
  await expect(edited).toContainText("Edited");
  await expect(edited.locator("del")).toHaveText(["deleted: must end of deletion"]);
  await expect(edited.locator("ins")).toContainText(["inserted: should", "and regional"]);
  await expect(page.getByRole("article", { name: /Paragraph 2/ })).toContainText("Split from paragraph 1");
  await expect(page.getByRole("article", { name: /Paragraph 1/ })).toContainText("Split into paragraphs 2");
  await expect(page.getByRole("article", { name: /Paragraph 1/ })).not.toContainText("Unchanged");
  await expectAccessible(page);

  // Side by side, chosen with the GET form.
  await page.getByLabel("Side by side").check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/view=side/);
  await expect(page.getByRole("columnheader", { name: "Version 1" }).first()).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Version 2" }).first()).toBeVisible();
  await expectAccessible(page);

  // An unpublished or unknown version is said to be unavailable.
  await page.goto(`/messages/${slug}/compare?from=1&to=7`);
  await expect(page.locator("p[role=alert]")).toHaveText("Version 7 is not published. Choose published versions.");

  await page.goto(`/messages/${slug}/versions`);
  await expect(page.getByRole("heading", { level: 2, name: "Version 2" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Version 1" })).toBeVisible();
  await expect(page.getByText("What changed: Paragraph 1 split, paragraph 3 revised")).toBeVisible();
  await expect(page.getByText(/Comment period closed early, .*: Version 2 answers the comments received\./)).toBeVisible();
  await expectAccessible(page);
  expect(csp).toEqual([]);
});

test("a visitor and a stakeholder are refused the moderator's compare page; unknown sets are not found", async ({
  context,
  page,
}) => {
  const { set, slug } = await setInComment(uniqueSuffix());
  await page.goto(`/moderation/messages/${set.id}/compare`);
  await expect(page).toHaveURL(/\/signin/);
  await signInAs(context, "STAKEHOLDER");
  const response = await page.goto(`/moderation/messages/${set.id}/compare`);
  expect([403, 404]).toContain(response?.status());
  await expect(page.getByRole("heading", { name: "Compare versions" })).toHaveCount(0);
  expect((await page.goto(`/messages/${slug}-nope/versions`))?.status()).toBe(404);
  expect((await page.goto(`/messages/${slug}-nope/compare`))?.status()).toBe(404);
  // A single published version: nothing to compare yet, said plainly.
  await page.goto(`/messages/${slug}/compare`);
  await expect(page.getByText("Only one version is published: there is nothing to compare yet.")).toBeVisible();
  await expectAccessible(page);
});

test("a moderator splits a paragraph at the cursor; the new part follows it with the parent in its lineage", async ({
  context,
  page,
}) => {
  const { set } = await setInComment(uniqueSuffix());
  // Paragraph 4 cites one response: the split asks which part it stands behind.
  const { callId } = await db.messageSet.findUniqueOrThrow({ where: { id: set.id }, select: { callId: true } });
  const fourth = await db.messageParagraph.findFirstOrThrow({
    where: { setId: set.id, body: "Funding should be predictable." },
    select: { id: true },
  });
  const source = await createSourceResponse(db, { callId });
  await db.citation.create({
    data: {
      paragraphId: fourth.id,
      responseId: source.id,
      reference: source.reference,
      stakeholderGroup: source.stakeholderGroup,
      region: source.region,
    },
    select: { id: true },
  });
  await signInAs(context, "MODERATOR");
  await page.goto(`/moderation/messages/${set.id}`);
  const last = page.getByRole("article", { name: "Paragraph 4" });
  await last.getByText("Move, merge, split or delete paragraph 4").click();
  await last.getByText("Split paragraph 4 at a chosen point").click();
  const parts = last.getByRole("group", { name: "Which part does each source stand behind?" });
  await expect(parts.getByLabel("Both parts")).toBeChecked();
  await parts.getByLabel("Second part").check();
  const text = last.getByLabel("Text of paragraph 4");
  const button = last.getByRole("button", { name: "Split paragraph 4 at the cursor" });
  await expect(button).toBeDisabled();
  await text.click();
  // The cursor after "Funding should " (placed, then nudged with the keyboard as a person would).
  await text.evaluate((element: HTMLTextAreaElement) =>
    element.setSelectionRange("Funding should".length, "Funding should".length),
  );
  await text.press("ArrowRight");
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.getByRole("article", { name: "Paragraph 5" })).toContainText("be predictable.");
  const rows = await db.messageParagraph.findMany({
    where: { setId: set.id, section: { position: 2 } },
    orderBy: { position: "asc" },
    select: { id: true, body: true, origins: true },
  });
  expect(rows.map((r) => r.body)).toEqual(["Capacity building must reach small CERTs.", "Funding should", "be predictable."]);
  expect(rows[2]!.origins).toEqual([rows[1]!.id]);
  // The source stands behind the second part only.
  expect(await db.citation.findMany({ where: { responseId: source.id }, select: { paragraphId: true } })).toEqual([
    { paragraphId: rows[2]!.id },
  ]);
  await expectAccessible(page);
});

test("a facilitator opens comments now, then closes them early with a reason the public reads", async ({ context, page }) => {
  const forum = await createForum(db);
  const { set, slug } = await setInComment(uniqueSuffix(), { forumId: forum.id, draft: true });
  await signInAppointed(context, forum.id, "FACILITATOR");
  await page.goto(`/moderation/messages/${set.id}`);

  // "Open now": only the closing time is typed; the server's clock opens the period.
  const first = page.locator("#version-1");
  await first.getByLabel("Open now, on publishing", { exact: false }).check();
  await first.getByLabel("Comments close", { exact: true }).fill(toLocalDateTime(new Date(Date.now() + 10 * DAY), "UTC"));
  await expectAccessible(page);
  const clicked = Date.now();
  await first.getByRole("button", { name: "Publish version 1" }).click();
  await expect
    .poll(
      async () =>
        (await db.messageSetVersion.findFirstOrThrow({ where: { setId: set.id, number: 1 }, select: { commentOpensAt: true } }))
          .commentOpensAt,
    )
    .not.toBeNull();
  const { commentOpensAt } = await db.messageSetVersion.findFirstOrThrow({
    where: { setId: set.id, number: 1 },
    select: { commentOpensAt: true },
  });
  expect(Math.abs(commentOpensAt!.getTime() - clicked)).toBeLessThan(60_000);
  await page.goto(`/messages/${slug}`);
  await expect(page.getByText(/^Open for comment until/)).toBeVisible();

  // Closing early: a blank reason is refused with a sentence beside the field; with one, it is closed.
  await page.goto(`/moderation/messages/${set.id}`);
  const reason = first.getByLabel("Why the comment period of version 1 ends early");
  await reason.fill("   ");
  await first.getByRole("button", { name: "Close the comment period of version 1" }).click();
  await expect(first.getByText("Say why the comment period ends early", { exact: false })).toBeVisible();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await reason.fill("The consultation timeline moved: version 2 follows.");
  await first.getByRole("button", { name: "Close the comment period of version 1" }).click();
  await expect(first.getByRole("status").filter({ hasText: "The comment period of version 1 is closed." })).toBeVisible();
  await expect(first).toContainText("comment period closed");
  await expect(first.getByRole("button", { name: "Close the comment period of version 1" })).toHaveCount(0);

  // The public page says it closed early, when, and why.
  await page.goto(`/messages/${slug}`);
  await expect(
    page.getByText(/^Comments closed early on .*: The consultation timeline moved: version 2 follows\.$/),
  ).toBeVisible();
  await expectAccessible(page);
});
