// Consent is the contributor's choice (issue 16, item 2): no publication tier is pre-selected, the form is
// not sent without one (keyboard included), and the receipt states the choice. The files of a response
// published without the name (item 3): the author confirms their text does not name them, and the public
// copy carries no author in its document properties.
import { createCall, createQuestion } from "@/prisma/factories";
import { AUTHOR, authoredPdf } from "../support/authored-files";
import { readPdf } from "../support/pdf-text";
import { db, expect, expectAccessible, signInAs, test, waitForMail } from "./fixtures";

const TIERS = ["Publish with my name and organisation", "Publish without my name", "Do not publish"];

async function openCall() {
  const call = await createCall(db);
  await createQuestion(db, {
    callId: call.id,
    type: "LONG_TEXT",
    required: true,
    maxLength: 2000,
    prompt: "What norms matter in your community?",
  });
  return call;
}

test("no tier is pre-selected and a keyboard-only submission without one is refused on the field", async ({ context, page }) => {
  const call = await openCall();
  const me = await signInAs(context);
  await page.goto(`/calls/${call.slug}/respond`);
  for (const tier of TIERS) await expect(page.getByLabel(tier)).not.toBeChecked();
  await expect(page.getByText("Only the moderators of this call read your text and see your name")).toBeVisible();

  await page.getByLabel(/What norms matter/).fill("Open, multistakeholder processes");
  await page.getByRole("button", { name: "Submit response" }).focus();
  await page.keyboard.press("Enter");
  const group = page.getByRole("group", { name: "How may your response be published?" });
  await expect(group.getByText("Choose how your response is published.")).toBeVisible();
  await expect(page.getByLabel(TIERS[0]!)).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/calls/${call.slug}/respond`));
  await expect(page.getByLabel(/What norms matter/)).toHaveValue("Open, multistakeholder processes");
  const response = await db.response.findFirstOrThrow({
    where: { callId: call.id, authorId: me.id },
    select: { status: true, consent: true },
  });
  expect(response).toEqual({ status: "DRAFT", consent: null });

  // Chosen with the keyboard: the arrow key moves from the first tier to the second.
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel(TIERS[1]!)).toBeChecked();
  await page.getByRole("button", { name: "Submit response" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/my\/responses\//);
  await expect(page.locator(".receipt").getByText("Publish without my name")).toBeVisible();
  expect((await waitForMail(me.email)).text).toContain("Publication: Publish without my name.");
});

test("an anonymous response's PDF is published without its author in the document properties", async ({
  context,
  page,
  request,
}) => {
  const call = await openCall();
  const me = await signInAs(context);
  await page.goto(`/calls/${call.slug}/respond`);
  await page.getByLabel(/What norms matter/).fill("Capacity building for small CERTs");
  await page.getByLabel("Publish without my name").check();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "my-submission.pdf", mimeType: "application/pdf", buffer: await authoredPdf() });
  await expect(page.getByRole("link", { name: "my-submission.pdf" })).toBeVisible();

  // Anonymous with a file: the author must say whether the file is published or kept private.
  const files = page.getByRole("group", { name: "Your files and your anonymity" });
  await expect(files).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(files.getByText("Choose whether your files are published or kept private.")).toBeVisible();
  await files.getByLabel(/Publish my files/).check();
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(page).toHaveURL(/\/my\/responses\//);
  await expect(page.getByText("Published without their document properties")).toBeVisible();
  const reference = (await page.locator(".reference").textContent())!.trim();
  expect((await waitForMail(me.email)).text).toContain("You confirmed that their text does not name you.");

  // The public page offers the copy without properties; the author still gets the original.
  await page.context().clearCookies();
  await page.goto(`/responses/${reference}`);
  const link = page.locator('section[aria-labelledby="attachments"] a').first();
  const href = (await link.getAttribute("href"))!;
  const publicCopy = await readPdf(await (await request.get(href)).body());
  expect(publicCopy.info.Author).toBeUndefined();
  expect(publicCopy.info.Title).toBeUndefined();
  expect(publicCopy.xmp).toBeNull();
  expect(publicCopy.text).toContain("capacity building");
  const original = await readPdf(
    await (await context.request.get(href, { headers: { cookie: `next-auth.session-token=${me.sessionToken}` } })).body(),
  );
  expect(original.info.Author).toBe(AUTHOR);
});
