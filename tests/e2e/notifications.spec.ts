// Notifications in the browser: a stakeholder follows a call from its page, gets the "open for comment"
// email through the real queue and SMTP, and turns that kind off with the email's unsubscribe link; the
// email settings persist; an administrator sees a failed email and retries it, and it is then delivered; a
// facilitator sees and retries their forum's emails only.
import { queueDraftOpened } from "@/lib/notifications/events";
import { createForum, createUser } from "@/prisma/factories";
import { createNotificationScenario } from "@/prisma/factories-notifications";
import { BASE_URL } from "@/playwright.config";
import { db, expect, expectAccessible, signInAppointed, signInAs, test, waitForMail } from "./fixtures";

// Emails are rendered where they are queued: here, for the app at BASE_URL.
process.env.NEXTAUTH_URL = BASE_URL;

const kindsOf = (userId: string) =>
  db.notificationPreference.findUnique({
    where: { userId },
    select: { draftOpened: true, commentActivity: true, finalPublished: true },
  });

test("a follower gets the draft email, and its unsubscribe link turns that kind off", async ({ page, context }) => {
  const scenario = await createNotificationScenario(db);
  const me = await signInAs(context, "STAKEHOLDER");

  await page.goto(`/calls/${scenario.call.slug}`);
  await page.getByRole("button", { name: "Follow this call" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You now follow this call." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unfollow this call" })).toBeVisible();
  await expectAccessible(page);
  expect(await db.callFollow.count({ where: { userId: me.id, callId: scenario.call.id } })).toBe(1);

  // The moderators open the draft for comment: the event queues the email in its transaction.
  expect(await db.$transaction((tx) => queueDraftOpened(tx, { versionId: scenario.version.id }))).toBe(4);
  const mail = await waitForMail(me.email);
  expect(mail.subject).toContain(scenario.set.title);
  expect(mail.text).toContain(`${BASE_URL}/messages/${scenario.set.slug}`);
  const link = mail.text.match(/http:\/\/localhost:\d+\/unsubscribe\/[A-Za-z0-9_-]{43}\?kind=draft-opened/)?.[0];
  expect(link).toBeTruthy();

  // Opening the link changes nothing; the button does.
  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1, name: "Stop emails" })).toBeVisible();
  await expectAccessible(page);
  expect(await kindsOf(me.id)).toEqual({ draftOpened: true, commentActivity: true, finalPublished: true });
  await page.getByRole("button", { name: "Turn off these emails" }).click();
  await expect(page.getByRole("status")).toContainText("turned off");
  await expectAccessible(page);
  expect(await kindsOf(me.id)).toEqual({ draftOpened: false, commentActivity: true, finalPublished: true });

  await page.goto("/my/notifications");
  await expect(page.locator("#pref-draftOpened")).not.toBeChecked();
  await expect(page.locator("#pref-commentActivity")).toBeChecked();
  await expect(page.getByRole("link", { name: scenario.call.title })).toBeVisible();
});

test("email settings persist, and 'turn off all emails' turns everything off", async ({ page, context }) => {
  const me = await signInAs(context, "STAKEHOLDER");
  await page.goto("/my/contributions");
  await page.getByRole("link", { name: "Email settings" }).click();
  await expect(page).toHaveURL(/\/my\/notifications$/);
  await expectAccessible(page);

  await page.locator("#pref-finalPublished").uncheck();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your email settings are saved." })).toBeVisible();
  await page.reload();
  await expect(page.locator("#pref-finalPublished")).not.toBeChecked();
  await expect(page.locator("#pref-draftOpened")).toBeChecked();
  expect(await kindsOf(me.id)).toEqual({ draftOpened: true, commentActivity: true, finalPublished: false });

  await page.getByRole("button", { name: "Turn off all emails" }).click();
  await expect(page.getByRole("status").filter({ hasText: "All emails are turned off." })).toBeVisible();
  await expect(page.locator("#pref-draftOpened")).not.toBeChecked();
  expect(await kindsOf(me.id)).toEqual({ draftOpened: false, commentActivity: false, finalPublished: false });
});

test("an unknown unsubscribe link says it is not valid", async ({ page }) => {
  const response = await page.goto(`/unsubscribe/${"x".repeat(43)}?kind=draft-opened`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This link is not valid" })).toBeVisible();
  await expectAccessible(page);
});

test("an administrator sees a failed email and retries it; it is then delivered", async ({ page, context }) => {
  await signInAs(context, "ADMIN");
  const recipient = await createUser(db);
  const subject = `Open for comment: retried ${recipient.id}`;
  const job = await db.emailJob.create({
    data: {
      userId: recipient.id,
      kind: "DRAFT_OPENED",
      to: recipient.email,
      subject,
      text: "The draft is open.",
      html: "<p>The draft is open.</p>",
      dedupeKey: `e2e-retry:${recipient.id}`,
      status: "FAILED",
      attempts: 5,
      lastError: "Connection refused (e2e)",
    },
    select: { id: true },
  });

  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Emails", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/emails$/);
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toContainText(recipient.email);
  await expect(row).toContainText("Connection refused (e2e)");
  await expectAccessible(page);

  await row.getByRole("button", { name: `Retry email ${job.id} now` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Email ${job.id} is queued again.` })).toBeVisible();
  expect((await waitForMail(recipient.email)).subject).toBe(subject);
  await expect
    .poll(async () => (await db.emailJob.findUniqueOrThrow({ where: { id: job.id }, select: { status: true } })).status)
    .toBe("SENT");
});

test("the email page: a stakeholder and an observer are refused, a facilitator sees only their forum's emails", async ({
  page,
  context,
  browser,
}) => {
  const [forumA, forumB] = [await createForum(db), await createForum(db)];
  const failed = (forumId: string, label: string) =>
    db.emailJob.create({
      data: {
        to: `${label}-${forumId}@test.example.org`,
        subject: `Receipt ${label} ${forumId}`,
        text: "Your response was received.",
        html: "<p>Your response was received.</p>",
        dedupeKey: `e2e-forum-mail:${label}:${forumId}`,
        forumId,
        status: "FAILED",
        attempts: 5,
        lastError: "Connection refused (e2e)",
      },
      select: { id: true, subject: true },
    });
  const [mine, theirs] = [await failed(forumA.id, "mine"), await failed(forumB.id, "theirs")];

  await signInAs(context, "STAKEHOLDER");
  expect((await page.goto("/admin/emails"))?.status()).toBe(403);
  const observer = await browser.newContext();
  await signInAppointed(observer, forumA.id, "OBSERVER");
  expect((await (await observer.newPage()).goto("/admin/emails"))?.status()).toBe(403);
  await observer.close();

  const facilitator = await browser.newContext();
  await signInAppointed(facilitator, forumA.id, "FACILITATOR");
  const facilitatorPage = await facilitator.newPage();
  await facilitatorPage.goto("/moderation");
  await facilitatorPage.getByRole("link", { name: "Emails", exact: true }).click();
  await expect(facilitatorPage).toHaveURL(/\/admin\/emails$/);
  await expect(
    facilitatorPage.getByText("You see the emails and failed background jobs of the forums you facilitate."),
  ).toBeVisible();
  const row = facilitatorPage.getByRole("row").filter({ hasText: mine.subject });
  await expect(row).toContainText(forumA.name);
  await expect(facilitatorPage.getByRole("row").filter({ hasText: theirs.subject })).toHaveCount(0);
  // The queues as a whole are the platform's.
  await expect(facilitatorPage.getByRole("heading", { name: "Background jobs" })).toHaveCount(0);
  await expectAccessible(facilitatorPage);
  await row.getByRole("button", { name: `Retry email ${mine.id} now` }).click();
  await expect(facilitatorPage.getByRole("status").filter({ hasText: `Email ${mine.id} is queued again.` })).toBeVisible();
  await facilitator.close();

  const visitor = await browser.newPage();
  await visitor.goto("/my/notifications");
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=%2Fmy%2Fnotifications/);
  await visitor.close();
});
