// The message editor without JavaScript: every form is a plain POST, so the ids it acts on must be in the
// HTML (not only registered with react-hook-form, which fills them in the browser). A moderator with
// JavaScript off renames the set, adds a heading, edits a paragraph, adds one, saves a version and publishes
// it; each change is stored and shown on the page the server answers with. The editor's one-button tools
// (split at a listed sentence, merge, move, cite from the side panel, delete) and the comment moderation
// forms (answer, hide) are driven the same way.
import { createCall, uniqueSuffix } from "@/prisma/factories";
import { createComment, createCommentableSet } from "@/prisma/factories-comments";
import { createSourceResponse } from "@/prisma/factories-messages";
import { db, expect, signInAs, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

async function draftSet(suffix: string) {
  const call = await createCall(db);
  return db.messageSet.create({
    data: {
      callId: call.id,
      slug: `no-js-messages-${suffix}`,
      title: `Messages without scripts ${suffix}`,
      sections: {
        create: [{ position: 1, heading: "Trust", paragraphs: { create: [] } }],
      },
    },
    select: { id: true, callId: true, sections: { select: { id: true } } },
  });
}

test("a moderator edits, adds, saves and publishes in the message editor with JavaScript off", async ({ context, page }) => {
  const suffix = uniqueSuffix();
  const set = await draftSet(suffix);
  const sectionId = set.sections[0]!.id;
  await db.messageParagraph.create({
    data: { setId: set.id, sectionId, position: 1, body: "Trust grows with transparency." },
    select: { id: true },
  });
  await signInAs(context, "MODERATOR");
  await page.goto(`/moderation/messages/${set.id}`);

  // The set's details (title): the hidden set id must reach the server.
  await page.getByText("Title and introduction", { exact: true }).click();
  await page.getByLabel("Title", { exact: true }).fill(`Renamed without scripts ${suffix}`);
  await page.getByRole("button", { name: "Save title and introduction" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Renamed without scripts ${suffix}` })).toBeVisible();

  // A new heading.
  await page.getByLabel("Heading", { exact: true }).last().fill("Capacity");
  await page.getByRole("button", { name: "Add heading" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Capacity" })).toBeVisible();

  // Edit paragraph 1 (inside a native <details>, which opens without scripts).
  const edited = `Trust grows with transparency and early dialogue (${suffix}).`;
  await page.getByText("Edit paragraph 1").click();
  await page.getByRole("article", { name: "Paragraph 1" }).getByLabel("Text", { exact: true }).fill(edited);
  await page.getByRole("button", { name: "Save paragraph" }).click();
  await expect(page.getByRole("article", { name: "Paragraph 1" })).toContainText(edited);

  // Add a paragraph under "Trust".
  const added = `Every stakeholder group shapes the norms (${suffix}).`;
  const trust = page.getByRole("region", { name: "Trust", exact: true });
  await trust.getByLabel("New paragraph under “Trust”").fill(added);
  await trust.getByRole("button", { name: "Add paragraph" }).click();
  await expect(page.getByRole("article", { name: "Paragraph 2" })).toContainText(added);

  // Save version 1, then publish it.
  await page.getByLabel("What changed").fill("First draft");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByText("Version 1 saved.")).toBeVisible();
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("link", { name: "View the published messages" })).toBeVisible();

  // Everything is stored, and survives a reload.
  const stored = await db.messageSet.findUniqueOrThrow({
    where: { id: set.id },
    select: {
      title: true,
      status: true,
      sections: {
        orderBy: { position: "asc" },
        select: { heading: true, paragraphs: { orderBy: { position: "asc" }, select: { body: true } } },
      },
      versions: { select: { number: true, publishedAt: true } },
    },
  });
  expect(stored.title).toBe(`Renamed without scripts ${suffix}`);
  expect(stored.status).toBe("PUBLISHED");
  expect(stored.sections.map((s) => s.heading)).toEqual(["Trust", "Capacity"]);
  expect(stored.sections[0]!.paragraphs.map((p) => p.body)).toEqual([edited, added]);
  expect(stored.versions).toHaveLength(1);
  expect(stored.versions[0]!.publishedAt).not.toBeNull();
  await page.reload();
  await expect(page.getByRole("article", { name: "Paragraph 2" })).toContainText(added);
});

test("a moderator creates a message set with JavaScript off", async ({ context, page }) => {
  const suffix = uniqueSuffix();
  const call = await createCall(db);
  await signInAs(context, "MODERATOR");
  await page.goto(`/moderation/calls/${call.id}/messages`);
  await page.getByLabel("Title").fill(`Created without scripts ${suffix}`);
  await page.getByRole("button", { name: "Create message set" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Created without scripts ${suffix}` })).toBeVisible();
  expect(await db.messageSet.count({ where: { callId: call.id, title: `Created without scripts ${suffix}` } })).toBe(1);
});

test("without JavaScript a moderator splits at a sentence, merges, moves, cites and deletes", async ({ context, page }) => {
  const suffix = uniqueSuffix();
  const set = await draftSet(suffix);
  const trust = set.sections[0]!.id;
  const capacity = await db.messageSection.create({
    data: { setId: set.id, position: 2, heading: "Capacity" },
    select: { id: true },
  });
  const bodies = ["Trust grows with transparency. States should publish their norms.", "Dialogue needs every group."];
  for (const [index, body] of bodies.entries())
    await db.messageParagraph.create({
      data: { setId: set.id, sectionId: trust, position: index + 1, body },
      select: { id: true },
    });
  const word = `zq${suffix}`;
  const source = await createSourceResponse(db, { callId: set.callId, text: `Small CERTs need ${word} support first.` });
  await signInAs(context, "MODERATOR");
  await page.goto(`/moderation/messages/${set.id}`);
  const bodiesOf = async (sectionId: string) =>
    (await db.messageParagraph.findMany({ where: { sectionId }, orderBy: { position: "asc" }, select: { body: true } })).map(
      (p) => p.body,
    );

  // Split paragraph 1 before its second sentence (chosen from the list).
  await page.getByLabel("Split paragraph 1 before").selectOption({ index: 0 });
  await page.getByRole("button", { name: "Split Paragraph 1", exact: true }).click();
  await expect(page.getByRole("article", { name: "Paragraph 3" })).toContainText("Dialogue needs every group.");
  expect(await bodiesOf(trust)).toEqual([
    "Trust grows with transparency.",
    "States should publish their norms.",
    "Dialogue needs every group.",
  ]);

  // Merge paragraph 2 with the next one.
  await page.getByRole("button", { name: "Merge with next paragraph Paragraph 2" }).click();
  await expect(page.getByRole("article", { name: "Paragraph 3" })).toHaveCount(0);
  // Said, though paragraph 2 is now the last one and has no next paragraph to merge with.
  await expect(page.getByRole("article", { name: "Paragraph 2" }).getByText("Paragraphs merged.")).toBeVisible();
  expect(await bodiesOf(trust)).toEqual([
    "Trust grows with transparency.",
    "States should publish their norms.\n\nDialogue needs every group.",
  ]);

  // Move paragraph 1 under "Capacity".
  await page.getByLabel("Move to heading (Paragraph 1)").selectOption({ label: "Capacity" });
  await page.getByRole("button", { name: "Move Paragraph 1", exact: true }).click();
  await expect(page.getByRole("region", { name: "Capacity", exact: true }).getByRole("article")).toContainText(
    "Trust grows with transparency.",
  );
  expect(await bodiesOf(capacity.id)).toEqual(["Trust grows with transparency."]);

  // Find a whole response in the side panel (a GET form) and cite it in paragraph 1.
  const panel = page.getByRole("complementary", { name: "Find sources" });
  await panel.getByLabel("Words or receipt number").fill(word);
  await panel.getByRole("button", { name: "Search" }).click();
  const responses = page.getByRole("complementary", { name: "Find sources" }).getByRole("list", { name: "Responses" });
  await responses.getByLabel(/Cite in paragraph/).selectOption({ label: "Paragraph 1" });
  await responses.getByRole("button", { name: /^Cite/ }).click();
  await expect(page.getByRole("article", { name: "Paragraph 1" })).toContainText(source.reference);
  expect(await db.citation.count({ where: { responseId: source.id } })).toBe(1);

  // Delete paragraph 2 (the one under "Capacity").
  await page.getByRole("button", { name: "Delete paragraph Paragraph 2" }).click();
  await expect(page.getByRole("article", { name: "Paragraph 2" })).toHaveCount(0);
  expect(await bodiesOf(capacity.id)).toEqual([]);
});

test("without JavaScript a moderator answers one comment and hides another", async ({ context, page }) => {
  const { set, version, paragraphIds } = await createCommentableSet(db);
  const answered = await createComment(db, {
    setId: set.id,
    versionId: version.id,
    paragraphId: paragraphIds[0]!,
    body: `Please add a timeline (${uniqueSuffix()}).`,
  });
  const hidden = await createComment(db, {
    setId: set.id,
    versionId: version.id,
    paragraphId: paragraphIds[1]!,
    body: `Buy cheap watches (${uniqueSuffix()}).`,
  });
  const bodyOf = (id: string) => db.comment.findUniqueOrThrow({ where: { id }, select: { body: true } }).then((c) => c.body);
  await signInAs(context, "MODERATOR");
  await page.goto(`/moderation/messages/${set.id}/comments?tab=all`);

  let item = page.getByRole("article").filter({ hasText: await bodyOf(answered.id) });
  await item.getByLabel(/^Disposition/).selectOption({ label: "Noted" });
  await item.getByLabel(/^Answer \(public\)/).fill("Thank you: noted for the session.");
  await item.getByRole("button", { name: /^Save answer/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "The answer and disposition are saved and public." })).toBeVisible();
  expect(await db.comment.findUniqueOrThrow({ where: { id: answered.id }, select: { disposition: true, answer: true } })).toEqual(
    { disposition: "NOTED", answer: "Thank you: noted for the session." },
  );

  await page.goto(`/moderation/messages/${set.id}/comments?tab=all`);
  item = page.getByRole("article").filter({ hasText: await bodyOf(hidden.id) });
  await item.getByText("Hide with a reason…").click();
  await item.getByLabel(/^Reason for hiding/).fill("Advertising, not a comment on the messages.");
  await item.getByRole("button", { name: /^Hide/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "The comment is now hidden." })).toBeVisible();
  expect(
    await db.comment.findUniqueOrThrow({ where: { id: hidden.id }, select: { moderationState: true, hiddenReason: true } }),
  ).toEqual({ moderationState: "HIDDEN", hiddenReason: "Advertising, not a comment on the messages." });
});
