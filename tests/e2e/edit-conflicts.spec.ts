// Two facilitators edit the same thing at once (lib/edits/revision.ts): the second save is refused with the
// first one's version shown beside the second person's own text, which the form keeps; saving again then
// replaces it knowingly. For a paragraph of draft messages and for a call.
import { createCall, createForum, createQuestion, uniqueSuffix } from "@/prisma/factories";
import { db, expect, expectAccessible, signInAppointed, test } from "./fixtures";
import type { Browser } from "@playwright/test";

async function twoFacilitators(browser: Browser, forumId: string) {
  const pages = [];
  for (const name of ["Amina Diallo", "Tomás Ferreira"]) {
    const context = await browser.newContext();
    const person = await signInAppointed(context, forumId, "FACILITATOR");
    await db.profile.update({ where: { userId: person.id }, data: { displayName: name }, select: { userId: true } });
    pages.push(await context.newPage());
  }
  return pages as [(typeof pages)[0], (typeof pages)[0]];
}

test("two facilitators edit one paragraph: the second sees the first one's text and loses neither", async ({ browser }) => {
  const forum = await createForum(db);
  const call = await createCall(db, { forumId: forum.id });
  const set = await db.messageSet.create({
    data: {
      callId: call.id,
      slug: `conflict-${uniqueSuffix()}`,
      title: "Messages on norms",
      sections: { create: { position: 1, heading: "Capacity building" } },
    },
    select: { id: true, sections: { select: { id: true } } },
  });
  const paragraph = await db.messageParagraph.create({
    data: { setId: set.id, sectionId: set.sections[0]!.id, position: 1, body: "CERTs need long-term funding." },
    select: { id: true },
  });
  const bodyOf = async () =>
    (await db.messageParagraph.findUniqueOrThrow({ where: { id: paragraph.id }, select: { body: true } })).body;

  const [amina, tomas] = await twoFacilitators(browser, forum.id);
  for (const page of [amina, tomas]) {
    await page.goto(`/moderation/messages/${set.id}`);
    await page.getByText("Edit paragraph 1").click();
  }
  await amina.getByLabel("Text", { exact: true }).fill("CERTs need long-term funding and trained staff.");
  await tomas.getByLabel("Text", { exact: true }).fill("Small CERTs need funding that lasts.");
  await amina.getByRole("button", { name: "Save paragraph" }).click();
  await expect(amina.getByText("Saved.")).toBeVisible();
  expect(await bodyOf()).toBe("CERTs need long-term funding and trained staff.");

  await tomas.getByRole("button", { name: "Save paragraph" }).click();
  await expect(tomas.getByText(/^Amina Diallo saved this on .*, after you opened it\./)).toBeVisible();
  const theirs = tomas.getByRole("region", { name: "Their version, saved after you opened this" });
  await expect(theirs).toContainText("CERTs need long-term funding and trained staff.");
  await expect(tomas.getByLabel("Text", { exact: true })).toHaveValue("Small CERTs need funding that lasts.");
  expect(await bodyOf()).toBe("CERTs need long-term funding and trained staff.");
  await expectAccessible(tomas);

  // He takes a phrase of hers and saves again, knowingly.
  await tomas.getByLabel("Text", { exact: true }).fill("Small CERTs need funding that lasts, and trained staff.");
  await tomas.getByRole("button", { name: "Save paragraph" }).click();
  await expect(tomas.getByText("Saved.")).toBeVisible();
  expect(await bodyOf()).toBe("Small CERTs need funding that lasts, and trained staff.");
});

test("two facilitators edit one call: the second sees the first one's title and keeps their introduction", async ({
  browser,
}) => {
  const forum = await createForum(db);
  const call = await createCall(db, { forumId: forum.id, publishedAt: null, title: `Norms in practice ${uniqueSuffix()}` });
  await createQuestion(db, { callId: call.id, prompt: "What norms does your community follow?" });
  const stored = () =>
    db.call.findUniqueOrThrow({ where: { id: call.id }, select: { title: true, introduction: true, revision: true } });

  const [amina, tomas] = await twoFacilitators(browser, forum.id);
  for (const page of [amina, tomas]) await page.goto(`/moderation/calls/${call.id}`);
  await amina.getByLabel("Title").fill("Cybersecurity norms in practice");
  await tomas.getByLabel("Introduction (optional)").fill("Tell us which norms work in your community, and why.");
  await amina.getByRole("button", { name: "Save changes" }).click();
  await expect(amina.getByRole("status").filter({ hasText: "The call has been saved." })).toBeVisible();

  await tomas.getByRole("button", { name: "Save changes" }).click();
  await expect(tomas.locator("#editor-notice")).toContainText("Amina Diallo saved this on");
  await expect(tomas.locator("#editor-notice")).toHaveAttribute("role", "alert");
  const theirs = tomas.getByRole("region", { name: "Their version, saved after you opened this" });
  await expect(theirs).toContainText("Cybersecurity norms in practice");
  await expect(tomas.getByLabel("Introduction (optional)")).toHaveValue("Tell us which norms work in your community, and why.");
  expect(await stored()).toMatchObject({
    title: "Cybersecurity norms in practice",
    introduction: "Tell us how your community approaches cybersecurity.",
  });
  await expectAccessible(tomas);

  // He adopts her title and saves his introduction over her revision.
  await tomas.getByLabel("Title").fill("Cybersecurity norms in practice");
  await tomas.getByRole("button", { name: "Save changes" }).click();
  await expect(tomas.getByRole("status").filter({ hasText: "The call has been saved." })).toBeVisible();
  expect(await stored()).toMatchObject({
    title: "Cybersecurity norms in practice",
    introduction: "Tell us which norms work in your community, and why.",
    revision: 3,
  });
});
