// The whole public comment cycle in the browser, as the issue tells it: a stakeholder comments on paragraph
// 3 of a draft open for comment; a moderator answers with a disposition and the stakeholder gets the email;
// the public comment–response table shows it; the moderator revises paragraph 3, closes the period (with
// the reason it needs) and publishes version 2; the comparison shows the change while the comment stays attached to paragraph 3
// ("Commented on version 1"); commenting is over; version 2 is marked final and its PDF holds the final text.
import { readFile } from "node:fs/promises";
import { uniqueSuffix } from "@/prisma/factories";
import { createCommentableSet } from "@/prisma/factories-comments";
import { flat, readPdf } from "../support/pdf-text";
import { db, expect, expectAccessible, signInAs, test, waitForMail } from "./fixtures";

test("comment on paragraph 3, answered by email, version 2 keeps the comment, final PDF", async ({ browser }) => {
  test.slow(); // two people through the whole cycle, with an axe scan on each new page
  const { set, paragraphIds } = await createCommentableSet(db);

  // 1. A stakeholder comments on paragraph 3.
  const stakeholderContext = await browser.newContext();
  const stakeholder = await signInAs(stakeholderContext, "STAKEHOLDER");
  const page = await stakeholderContext.newPage();
  await page.goto(`/messages/${set.slug}`);
  await page.getByRole("link", { name: "Comment on paragraph 3 (no comments yet)" }).click();
  const body = `Please say which groups keep infrastructure and content apart (${uniqueSuffix()}).`;
  await page.getByLabel("Your comment").fill(body);
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you: your comment is published.");

  // 2. A moderator answers it with a disposition; the stakeholder is emailed.
  const moderatorContext = await browser.newContext();
  await signInAs(moderatorContext, "MODERATOR");
  const moderator = await moderatorContext.newPage();
  await moderator.goto(`/moderation/messages/${set.id}/comments`);
  const item = moderator.getByRole("article").filter({ hasText: body });
  await item.getByLabel(/^Disposition/).selectOption({ label: "Incorporated" });
  await item.getByLabel(/^Answer \(public\)/).fill("Paragraph 3 now names them.");
  await item.getByRole("button", { name: /^Save answer/ }).click();
  await expect(moderator.getByRole("status")).toHaveText("The answer and disposition are saved and public.");
  const mail = await waitForMail(stakeholder.email, { timeout: 30_000 });
  expect(mail.text).toContain("Incorporated");
  expect(mail.text).toContain("Paragraph 3 now names them.");

  // 3. The public comment–response table shows what was said and what was done.
  await page.goto(`/messages/${set.slug}/comments`);
  const row = page.getByRole("table", { name: "Paragraph 3" }).getByRole("row").filter({ hasText: body });
  await expect(row).toContainText("Incorporated");
  await expect(row).toContainText("Paragraph 3 now names them.");

  // 4. The moderator revises paragraph 3, closes version 1's period and publishes version 2.
  const revised = `The security of infrastructure should be kept apart from content regulation, as governments and the technical community asked (${uniqueSuffix()}).`;
  await moderator.goto(`/moderation/messages/${set.id}`);
  const third = moderator.getByRole("article", { name: "Paragraph 3" });
  await third.getByText("Edit paragraph 3").click();
  await third.getByLabel("Text", { exact: true }).fill(revised);
  await third.getByRole("button", { name: "Save paragraph" }).click();
  await expect(third.getByRole("status").first()).toHaveText("Saved.");
  await moderator.getByLabel("What changed").fill("Paragraph 3 names who asked for the separation");
  await moderator.getByRole("button", { name: "Save version" }).click();
  await expect(moderator.locator("#version-2")).toContainText("Paragraph 3 names who asked for the separation");
  await moderator.getByLabel("Why the comment period of version 1 ends early").fill("Version 2 answers the comment received.");
  await moderator.getByRole("button", { name: "Close the comment period of version 1" }).click();
  await expect(moderator.locator("#version-1")).toContainText("comment period closed");
  await moderator.locator("#version-2").getByRole("button", { name: "Publish version 2" }).click();
  await expect
    .poll(
      async () =>
        (await db.messageSetVersion.findFirstOrThrow({ where: { setId: set.id, number: 2 }, select: { publishedAt: true } }))
          .publishedAt,
    )
    .not.toBeNull();

  // 5. Readers compare: paragraph 3 is edited, and its comment is counted with it.
  await page.goto(`/messages/${set.slug}/compare?from=1&to=2`);
  const edited = page.getByRole("article", { name: /Paragraph 3/ });
  await expect(edited).toContainText("Edited");
  await expect(edited.locator("ins")).toContainText(["inserted: governments", "inserted: and the technical community asked"]);
  await expect(edited.locator("del")).toContainText(["deleted: clearly"]);
  await expect(edited.getByRole("link", { name: /1 comment/ })).toHaveAttribute(
    "href",
    `/messages/${set.slug}/discuss/${paragraphIds[2]}`,
  );
  await expectAccessible(page);

  // 6. The comment stays attached to paragraph 3 of version 2; commenting is closed.
  await page.goto(`/messages/${set.slug}/discuss/${paragraphIds[2]}`);
  await expect(page.getByText(revised)).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: body })).toContainText("Commented on version 1");
  await expect(page.getByLabel("Your comment")).toHaveCount(0);
  await expectAccessible(page);

  // 7. Version 2 is marked final, after its checklist: the comment is answered, the introduction read again,
  // and the paragraphs (which cite no source here) are accepted as they are with a second tick.
  await moderator.goto(`/moderation/messages/${set.id}`);
  const checklist = moderator.getByRole("group", { name: "Before marking version 2 final" });
  await expect(checklist).toContainText("Done: every comment has an answer.");
  await expect(checklist).toContainText("To do: paragraphs 1, 2, 3, and 4 cite no source.");
  await expectAccessible(moderator);
  await checklist.getByLabel("I have read the introduction of version 2 again", { exact: false }).check();
  await moderator.getByLabel("I confirm that version 2 is the final text", { exact: false }).check();
  await moderator.getByRole("button", { name: "Mark version 2 final" }).click();
  await expect(checklist.locator(".field-error")).toHaveText(
    "4 paragraphs have no source. Cite or answer them, or tick “Mark final anyway”.",
  );
  expect((await db.messageSet.findUniqueOrThrow({ where: { id: set.id }, select: { status: true } })).status).toBe("PUBLISHED");
  await checklist.getByLabel("Mark final anyway, with the gaps above.").check();
  await moderator.getByRole("button", { name: "Mark version 2 final" }).click();
  await expect
    .poll(async () => (await db.messageSet.findUniqueOrThrow({ where: { id: set.id }, select: { status: true } })).status)
    .toBe("FINAL");
  await page.goto(`/messages/${set.slug}`);
  await expect(page.getByText(/^Final messages, finalised on/)).toBeVisible();
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /PDF document/ }).click()]);
  const pdf = await readPdf(await readFile((await download.path())!));
  expect(flat(pdf.text)).toContain(revised);
  expect(flat(pdf.text)).toContain(set.title);
  await Promise.all([stakeholderContext.close(), moderatorContext.close()]);
});
