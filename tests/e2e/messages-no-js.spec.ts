// The message editor without JavaScript: every form is a plain POST, so the ids it acts on must be in the
// HTML (not only registered with react-hook-form, which fills them in the browser). A moderator with
// JavaScript off renames the set, adds a heading, edits a paragraph, adds one, saves a version and publishes
// it; each change is stored and shown on the page the server answers with.
import { createCall, uniqueSuffix } from "@/prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

async function draftSet(suffix: string) {
  const call = await createCall(db);
  return db.messageSet.create({
    data: {
      callId: call.id, slug: `no-js-messages-${suffix}`, title: `Messages without scripts ${suffix}`,
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
    data: { setId: set.id, sectionId, position: 1, body: "Trust grows with transparency." }, select: { id: true },
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
      title: true, status: true,
      sections: { orderBy: { position: "asc" }, select: { heading: true, paragraphs: { orderBy: { position: "asc" }, select: { body: true } } } },
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
