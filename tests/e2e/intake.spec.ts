// Contributions from other channels (issue 17): a facilitator records an email received on someone's behalf,
// which the public then reads labelled "Received by email" with its receipt and the sender's name, and which
// counts in participation by channel; a CSV of 20 contributions imports after its check, and one with an
// error blocks the import with its line and column named. Others are refused the page.
import { createCall, createQuestion } from "@/prisma/factories";
import { pdfFile } from "../support/files";
import { db, expect, expectAccessible, signInAppointed, signInAs, test, watchCsp } from "./fixtures";

async function intakeCall() {
  const call = await createCall(db, { title: `Norms consultation ${Date.now()}` });
  const q1 = await createQuestion(db, { callId: call.id, prompt: "Which cybersecurity norms apply in your community?" });
  const q2 = await createQuestion(db, {
    callId: call.id,
    type: "MULTIPLE_CHOICE",
    options: ["Awareness", "Regulation", "Standards"],
    prompt: "What would help implement them?",
  });
  return { call, q1, q2 };
}

const today = () => new Date().toISOString().slice(0, 10);

test("an email recorded on someone's behalf is published labelled, with its receipt, and counts by channel", async ({
  browser,
}) => {
  const { call } = await intakeCall();
  const path = `/moderation/calls/${call.id}/intake`;
  const context = await browser.newContext();
  await signInAppointed(context, call.forumId, "FACILITATOR");
  const page = await context.newPage();
  const csp = watchCsp(page);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Add contributions" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add contributions", exact: true })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  // Sent empty: every missing part said beside its field, nothing recorded.
  await page.getByRole("button", { name: "Record the contribution" }).click();
  await expect(page.getByText("Choose how the contribution was received.")).toBeVisible();
  await expect(page.getByText("Choose how your response is published.")).toBeVisible();
  await expect(page.getByText("Enter the answer to at least one question.")).toBeVisible();
  await expect(page.getByText("Choose from the answers offered.")).toHaveCount(0);

  await page.getByLabel("Channel").selectOption("EMAIL");
  await expect(page.getByRole("group", { name: "Speakers of the session, by stakeholder group" })).toBeHidden();
  await page.getByLabel("Name", { exact: true }).fill("Amina Diallo");
  await page.getByLabel("Email address (optional)").fill("amina.diallo@example.org");
  await page.getByLabel("Organisation (optional)").fill("Dakar Internet Society");
  await page.getByLabel("Stakeholder group").selectOption("CIVIL_SOCIETY");
  await page.getByLabel("UN region").selectOption("AFRICA");
  await page.getByLabel("Published with name").check();
  await page
    .getByLabel(/1\. Which cybersecurity norms apply/)
    .fill("Norms must be discussed with civil society, by email if need be.");
  await page.getByLabel("Standards").check();
  await page.getByRole("button", { name: "Record the contribution" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Recorded, with receipt number" });
  await expect(notice).toBeVisible();
  const reference = (await notice.textContent())!.match(/[A-Z0-9]+-\d{4}/)![0];
  const recorded = await db.response.findUniqueOrThrow({
    where: { reference },
    select: { channel: true, contributorName: true, authorId: true, answers: { select: { text: true, choices: true } } },
  });
  expect(recorded).toMatchObject({ channel: "EMAIL", contributorName: "Amina Diallo" });
  expect(recorded.answers.flatMap((a) => a.choices)).toEqual(["Standards"]);
  expect(recorded.authorId).not.toBeNull();

  // The moderators' view says how it came and who recorded it.
  await notice.getByRole("link", { name: "Open it" }).click();
  await expect(page.getByText("Received by email")).toBeVisible();
  await expect(page.getByText(/Recorded by/)).toBeVisible();
  // With the file that came with the email, added by the moderator.
  await page.getByLabel("Attach files (optional)").setInputFiles({
    name: "Dakar ISOC submission.pdf",
    mimeType: "application/pdf",
    buffer: pdfFile("Dakar Internet Society submission"),
  });
  await expect(page.getByRole("list").filter({ hasText: "Dakar ISOC submission.pdf" })).toBeVisible();

  // The public reads it labelled, under the sender's name, with its receipt.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/responses/${reference}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(visitor.getByText("Received by email")).toBeVisible();
  await expect(visitor.getByText("Amina Diallo")).toBeVisible();
  await expect(visitor.getByRole("link", { name: /Dakar ISOC submission\.pdf/ })).toBeVisible();
  await expectAccessible(visitor);
  await visitorContext.close();

  // Counted, by channel.
  await page.goto(`/moderation/calls/${call.id}/participation`);
  const channels = page.getByRole("table", { name: "Contributions by channel" });
  await expect(channels.getByRole("row", { name: "Email 1" })).toBeVisible();
  await expect(channels.getByRole("row", { name: "Form 0" })).toBeVisible();
  expect(csp).toEqual([]);
  await context.close();
});

function csvOf(rows: string[][]) {
  return rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\r\n");
}

const header = [
  "channel",
  "received_on",
  "name",
  "email",
  "stakeholder_group",
  "region",
  "consent",
  "q1",
  "q2",
  "speakers_government",
];
const row = (n: number) => [
  n === 20 ? "SESSION" : n % 2 ? "EMAIL" : "MAILING_LIST",
  today(),
  n === 20 ? "Open forum session on norms" : `Contributor ${n}`,
  n === 20 ? "" : `csv-contributor-${n}-${Date.now()}@example.org`,
  n === 20 ? "" : "TECHNICAL_COMMUNITY",
  n === 20 ? "" : "LATIN_AMERICA_CARIBBEAN",
  "PUBLISH_ANONYMOUS",
  `Answer ${n}: norms need "shared language", and trust.`,
  n % 3 ? "" : "Awareness | Standards",
  n === 20 ? "4" : "",
];

test("a CSV of 20 contributions imports after its check; one row in error blocks it, named", async ({ browser }) => {
  const { call } = await intakeCall();
  const context = await browser.newContext();
  await signInAppointed(context, call.forumId, "FACILITATOR");
  const page = await context.newPage();
  await page.goto(`/moderation/calls/${call.id}/intake`);
  await page.getByText("The columns of the file").click();
  await expect(page.getByText(/^channel,received_on,name,email/)).toBeVisible();

  // One row in error: nothing can be imported, the row and column are named.
  const rows = Array.from({ length: 20 }, (_, i) => row(i + 1));
  rows[6]![4] = "JOURNALISTS";
  await page
    .getByLabel("CSV file", { exact: true })
    .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csvOf([header, ...rows])) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("The file has 1 error: nothing can be imported until it is corrected.")).toBeVisible();
  await expect(page.getByText("Line 8, column stakeholder_group: Choose the contributor’s stakeholder group.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  expect(await db.response.count({ where: { callId: call.id } })).toBe(0);

  // Corrected: 20 rows shown, imported in one action.
  const good = Array.from({ length: 20 }, (_, i) => row(i + 1));
  await page
    .getByLabel("CSV file", { exact: true })
    .setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(csvOf([header, ...good])) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("No errors: 20 contributions are ready to import.")).toBeVisible();
  const preview = page.getByRole("table", { name: "The rows as they will be recorded" });
  await expect(preview.getByRole("row")).toHaveCount(21);
  await expect(preview.getByRole("row", { name: /^21 Open forum session on norms Session/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import 20 contributions" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: /Imported 20 contributions: receipts .+-0001 to .+-0020\./ }),
  ).toBeVisible();
  expect(await db.response.count({ where: { callId: call.id, status: "SUBMITTED" } })).toBe(20);
  const session = await db.response.findFirstOrThrow({
    where: { callId: call.id, channel: "SESSION" },
    select: { speakers: { select: { stakeholderGroup: true, count: true } } },
  });
  expect(session.speakers).toEqual([{ stakeholderGroup: "GOVERNMENT", count: 4 }]);
  await context.close();
});

test("the page is refused to a visitor, a stakeholder, an observer and a facilitator of another forum", async ({ browser }) => {
  const { call } = await intakeCall();
  const path = `/moderation/calls/${call.id}/intake`;
  const visitor = await browser.newPage();
  await visitor.goto(path);
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);

  const stakeholder = await browser.newContext();
  await signInAs(stakeholder, "STAKEHOLDER");
  expect((await (await stakeholder.newPage()).goto(path))?.status()).toBe(403);

  const observer = await browser.newContext();
  await signInAppointed(observer, call.forumId, "OBSERVER");
  const observerPage = await observer.newPage();
  expect((await observerPage.goto(path))?.status()).toBe(403);
  // Nor is the tool offered to them.
  await observerPage.goto(`/moderation/calls/${call.id}/participation`);
  await expect(observerPage.getByRole("link", { name: "Add contributions" })).toHaveCount(0);

  const elsewhere = await browser.newContext();
  await signInAppointed(elsewhere, (await createCall(db)).forumId, "FACILITATOR");
  expect((await (await elsewhere.newPage()).goto(path))?.status()).toBe(404);
});
