// Every email in its recipient's language, on the real database: receipts and notifications are written in
// the language the person has when the worker sends them (User.locale, English when not chosen), with dates
// in that language and links to the pages in it; the sign-in email in the language of the page it was asked
// from. Expected sentences are taken from the catalogs themselves, so a catalog change does not break them.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import arNotifications from "@/lib/i18n/messages/ar/notifications.json";
import enNotifications from "@/lib/i18n/messages/en/notifications.json";
import esCore from "@/lib/i18n/messages/es/core.json";
import esResponses from "@/lib/i18n/messages/es/responses.json";
import frCore from "@/lib/i18n/messages/fr/core.json";
import frNotifications from "@/lib/i18n/messages/fr/notifications.json";
import ruNotifications from "@/lib/i18n/messages/ru/notifications.json";
import { closeLimits } from "@/lib/limits/store";
import type { Mail } from "@/lib/mail/send";
import { queueCommentAnswered, queueDraftOpened } from "@/lib/notifications/events";
import { sendEmailRow } from "@/lib/notifications/worker";
import { queueReceiptMail } from "@/lib/responses/receipt-mail";
import { createCall, createResponse, createUser } from "@/prisma/factories";
import { createComment, createNotificationScenario } from "@/prisma/factories-notifications";
import { askForLink as askForSignInLink } from "./next-auth-requests";
import { outboxMailTo, withTemporaryOutbox } from "./outbox";

const BASE = "http://localhost:3000";
const SECRET = "unit-secret-not-for-production-0123456789";
const outbox = withTemporaryOutbox("email-language");

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_URL", BASE);
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
});
afterAll(async () => {
  await closeLimits();
  await disconnectDb();
});

/** A catalog sentence with its placeholders filled in. */
const fill = (sentence: string, values: Record<string, string | number>) =>
  sentence.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** Sends one outbox row through the worker's email-send job, returning the mail as sent. */
async function sendRow(id: bigint) {
  const sent: Mail[] = [];
  const outcome = await sendEmailRow(id, { send: async (mail) => void sent.push(mail) });
  expect(outcome).toBe("sent");
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

const jobOf = (dedupeKey: string) =>
  db.emailJob.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true, subject: true, text: true, html: true } });

async function queueReceipt(userId: string, email: string) {
  const call = await createCall(db, {
    timeZone: "Europe/Madrid",
    title: `Normas de ciberseguridad ${randomBytes(3).toString("hex")}`,
  });
  const response = await createResponse(db, { callId: call.id, authorId: userId, status: "SUBMITTED" });
  const reference = `${call.referencePrefix}-0001`;
  await db.$transaction((tx) =>
    queueReceiptMail(tx, userId, {
      to: email,
      responseId: response.id,
      reference,
      callTitle: call.title,
      version: 1,
      submittedAt: new Date("2026-07-02T14:05:00Z"),
      timeZone: call.timeZone,
      consent: "PUBLISH_NAMED",
      identity: { stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA", organisation: null, onBehalfOf: null },
    }),
  );
  return { call, response, reference };
}

describe("the receipt", () => {
  it("is in Spanish for a Spanish-speaking person, with Spanish dates and a link to the Spanish page", async () => {
    const user = await createUser(db);
    await db.user.update({ where: { id: user.id }, data: { locale: "es" } });
    const { call, response, reference } = await queueReceipt(user.id, user.email);
    const job = await jobOf(`receipt:${response.id}:1`);
    // Sent through the real transport into the outbox, and read back from there.
    expect(await sendEmailRow(job.id)).toBe("sent");
    const [mail] = outboxMailTo(outbox, user.email);
    expect(mail).toBeDefined();
    const t = esResponses.ReceiptEmail;
    expect(mail!.subject).toBe(fill(t.subject, { reference, call: call.title }));
    expect(mail!.text).toContain(fill(t.body, { reference, call: call.title }));
    expect(mail!.text).toContain(fill(t.consent, { consent: esResponses.Consent.PUBLISH_NAMED }));
    expect(mail!.text).toContain(esCore.StakeholderGroup.CIVIL_SOCIETY);
    expect(mail!.text).toContain(t.footer);
    expect(mail!.text).toContain("2 de julio de 2026");
    expect(mail!.text).toContain(`${BASE}/es/my/responses/${response.id}`);
    expect(mail!.html).toContain(`href="${BASE}/es/my/responses/${response.id}"`);
    expect(mail!.html).toContain('lang="es"');
    expect(mail!.text).not.toContain("Thank you");
  });

  it("is in English for a person who has not chosen a language", async () => {
    const user = await createUser(db);
    const { response, reference, call } = await queueReceipt(user.id, user.email);
    const mail = await sendRow((await jobOf(`receipt:${response.id}:1`)).id);
    expect(mail.subject).toBe(`Receipt ${reference}: your response to ${call.title}`);
    expect(mail.text).toContain(`${BASE}/my/responses/${response.id}`);
    expect(mail.text).toContain("2 July 2026 at 16:05 CEST (Europe/Madrid)");
  });
});

describe("notifications", () => {
  it("reach a French follower in French and the others, without a language, in English", async () => {
    const s = await createNotificationScenario(db);
    await db.user.update({ where: { id: s.follower.id }, data: { locale: "fr" } });
    await db.$transaction((tx) => queueDraftOpened(tx, { versionId: s.version.id }));

    const french = await sendRow((await jobOf(`draft-opened:${s.version.id}:${s.follower.id}`)).id);
    const t = frNotifications.NotificationEmail;
    expect(french.subject).toBe(fill(t.draftOpenedSubject, { title: s.set.title }));
    expect(french.text).toContain(fill(t.draftOpenedWhy, { call: s.call.title }));
    expect(french.text).toContain(`${t.draftOpenedLink}: ${BASE}/fr/messages/${s.set.slug}`);
    expect(french.text).toContain(`${BASE}/fr/my/notifications`);
    expect(french.text).toMatch(new RegExp(`${BASE}/fr/unsubscribe/[A-Za-z0-9_-]{43}\\?kind=draft-opened`));
    expect(french.text).toContain(fill(t.footerWhy, { site: frCore.Site.name }));
    // The one-click address is an API's: the same in every language.
    expect(french.headers?.["List-Unsubscribe"]).toMatch(new RegExp(`^<${BASE}/api/unsubscribe/`));

    const english = await sendRow((await jobOf(`draft-opened:${s.version.id}:${s.responders[0]}`)).id);
    expect(english.subject).toBe(fill(enNotifications.NotificationEmail.draftOpenedSubject, { title: s.set.title }));
    expect(english.text).toContain(`${BASE}/messages/${s.set.slug}`);
    expect(english.text).not.toContain(`${BASE}/fr/`);
  });

  it("reach an Arabic-speaking author in Arabic, right to left, with the decision in Arabic", async () => {
    const s = await createNotificationScenario(db);
    const author = await createUser(db);
    await db.user.update({ where: { id: author.id }, data: { locale: "ar" } });
    const comment = await createComment(db, {
      setId: s.set.id,
      versionId: s.version.id,
      authorId: author.id,
      disposition: "PARTLY_INCORPORATED",
      answer: "Thank you, the second paragraph now says so.",
      answeredAt: new Date(),
    });
    expect(await db.$transaction((tx) => queueCommentAnswered(tx, { commentId: comment.id }))).toBe(1);
    const [job] = await db.emailJob.findMany({
      where: { dedupeKey: { startsWith: `comment-answered:${comment.id}:` } },
      select: { id: true },
    });
    const mail = await sendRow(job!.id);
    const t = arNotifications.NotificationEmail;
    expect(mail.subject).toBe(fill(t.answeredSubject, { title: s.set.title }));
    expect(mail.text).toContain(fill(t.disposition, { disposition: arNotifications.Disposition.PARTLY_INCORPORATED }));
    expect(mail.text).toContain(`${BASE}/ar/messages/${s.set.slug}/discuss/set#comment-${comment.id}`);
    expect(mail.html).toContain('dir="rtl"');
    // The person's own words stay as written.
    expect(mail.text).toContain(comment.body);
  });

  it("are written in the language the person has when sent, not when queued", async () => {
    const s = await createNotificationScenario(db);
    await db.user.update({ where: { id: s.follower.id }, data: { locale: "fr" } });
    await db.$transaction((tx) => queueDraftOpened(tx, { versionId: s.version.id }));
    const key = `draft-opened:${s.version.id}:${s.follower.id}`;
    const queued = await jobOf(key);
    expect(queued.subject).toBe(fill(frNotifications.NotificationEmail.draftOpenedSubject, { title: s.set.title }));

    // They change their language before the worker gets to it.
    await db.user.update({ where: { id: s.follower.id }, data: { locale: "ru" } });
    const mail = await sendRow(queued.id);
    const t = ruNotifications.NotificationEmail;
    expect(mail.subject).toBe(fill(t.draftOpenedSubject, { title: s.set.title }));
    expect(mail.text).toContain(`${BASE}/ru/messages/${s.set.slug}`);
    expect(mail.text).not.toContain(frNotifications.NotificationEmail.draftOpenedLink);
    // The row keeps its template for the worker, and the bodies that were sent.
    expect(
      (await db.emailJob.findUniqueOrThrow({ where: { dedupeKey: key }, select: { template: true } })).template,
    ).toMatchObject({
      template: "draft-opened",
    });
    const after = await jobOf(key);
    expect(after).toMatchObject({ subject: mail.subject, text: mail.text, html: mail.html });
  });
});

/** A POST to next-auth's email sign-in as the sign-in action makes it; returns where next-auth sends the browser. */
const askForLink = (email: string, callbackUrl: string) => askForSignInLink(email, { secret: SECRET, callbackUrl });

describe("the sign-in email", () => {
  it("is in the language of the page it was asked from, and its link leads back to pages in it", async () => {
    const spanish = `signin-es-${randomBytes(4).toString("hex")}@test.example.org`;
    expect(await askForLink(spanish, "/es/calls")).toContain("verify-request");
    const [mail] = outboxMailTo(outbox, spanish);
    expect(mail).toBeDefined();
    const t = esCore.SignInEmail;
    expect(mail!.subject).toBe(fill(t.subject, { host: "localhost:3000" }));
    expect(mail!.html).toContain(t.button);
    expect(mail!.text).toContain(t.ignore.slice(0, 20));
    const link = new URL(/http:\/\/localhost:3000\/api\/auth\/callback\/email\?\S+/.exec(mail!.text)![0]);
    expect(new URL(link.searchParams.get("callbackUrl")!).pathname).toBe("/es/calls");
    expect(link.searchParams.has("email")).toBe(false);

    const english = `signin-en-${randomBytes(4).toString("hex")}@test.example.org`;
    await askForLink(english, "/calls");
    expect(outboxMailTo(outbox, english)[0]!.subject).toBe("Sign in to localhost:3000");
  });
});

describe("translated titles", () => {
  it("name the call and the messages in the recipient's language where moderators translated them", async () => {
    const s = await createNotificationScenario(db);
    await db.user.update({ where: { id: s.follower.id }, data: { locale: "fr" } });
    await db.messageSetVersionTranslation.create({
      data: { versionId: s.version.id, locale: "fr", title: "Messages traduits", content: {} },
    });
    await db.$transaction((tx) => queueDraftOpened(tx, { versionId: s.version.id }));
    const mail = await sendRow((await jobOf(`draft-opened:${s.version.id}:${s.follower.id}`)).id);
    expect(mail.subject).toBe(fill(frNotifications.NotificationEmail.draftOpenedSubject, { title: "Messages traduits" }));

    // A receipt: the call's Spanish title for a Spanish speaker, the original for an English one.
    const call = await createCall(db, { title: `Cybersecurity norms ${randomBytes(3).toString("hex")}` });
    await db.callTranslation.create({ data: { callId: call.id, locale: "es", title: "Normas traducidas" } });
    const titles = { es: "Normas traducidas" };
    for (const [locale, title] of [
      ["es", "Normas traducidas"],
      [null, call.title],
    ] as const) {
      const user = await createUser(db);
      await db.user.update({ where: { id: user.id }, data: { locale } });
      const response = await createResponse(db, { callId: call.id, authorId: user.id, status: "SUBMITTED" });
      await db.$transaction((tx) =>
        queueReceiptMail(tx, user.id, {
          to: user.email,
          responseId: response.id,
          reference: `${call.referencePrefix}-000${locale ? 1 : 2}`,
          callTitle: call.title,
          callTitles: titles,
          version: 1,
          submittedAt: new Date("2026-07-02T14:05:00Z"),
          timeZone: "UTC",
          consent: "PUBLISH_NAMED",
          identity: { stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA", organisation: null, onBehalfOf: null },
        }),
      );
      const sent = await sendRow((await jobOf(`receipt:${response.id}:1`)).id);
      expect(sent.subject).toContain(title);
    }
  });
});
