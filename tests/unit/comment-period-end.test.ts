// Opening comments "now" and ending a comment period early (issue 17), on the real database: "open now"
// takes the server's clock; closing early (or cancelling a period still to open) needs a reason, which is
// kept, audited, shown publicly and emailed, in each recipient's language, to the people the period was
// announced to (responders, followers and the set's commenters, honouring the draft-opened preference),
// once each, whatever number of times the close is submitted. Only the forum's facilitators may do it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db, disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import frNotifications from "@/lib/i18n/messages/fr/notifications.json";
import { JOB_SCHEMA } from "@/lib/jobs/queue";
import { listPublishedVersions } from "@/lib/messages/history";
import { addParagraph } from "@/lib/messages/paragraphs";
import { getPublishedMessageSet } from "@/lib/messages/public";
import { periodCloseSchema, versionPublishSchema } from "@/lib/messages/schemas";
import { addSection } from "@/lib/messages/sections";
import { createMessageSet } from "@/lib/messages/sets";
import { closeCommentPeriod, publishVersion, saveVersion } from "@/lib/messages/versions";
import { runFanout } from "@/lib/notifications/events";
import { updateNotificationSettings } from "@/lib/notifications/settings";
import { createCall, createForum, createUser, uniqueSuffix } from "@/prisma/factories";
import { createSourceResponse } from "@/prisma/factories-messages";
import { createComment, followCall } from "@/prisma/factories-notifications";
import { actor, appointee } from "./helpers";

const BASE = "https://consult.example.org";
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
/** A whole minute, a little in the past: every time of a test is then shown exactly in its emails. */
const wholeMinute = () => new Date(Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE);

let forumId: string;
let facilitator: SessionUser;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", BASE);
  forumId = (await createForum(db)).id;
  facilitator = await appointee(forumId, "FACILITATOR");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await disconnectDb();
});

/** The refusal as data: its kind, code, parameters and per-field codes. */
async function refused(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { kind: error.kind, code: error.code, params: error.params, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}
const refusal = async (promise: Promise<unknown>) => {
  const { kind, code } = await refused(promise);
  return `${kind}:${code}`;
};

/**
 * A call of the forum (Geneva time) with its audience: two responders, a follower (French-speaking), a
 * follower who turned draft-opened emails off, and a set with one saved version, not yet published.
 */
async function draft() {
  const call = await createCall(db, { forumId, timeZone: "Europe/Zurich" });
  const [first, second] = [
    await createSourceResponse(db, { callId: call.id }),
    await createSourceResponse(db, { callId: call.id }),
  ];
  const follower = await createUser(db);
  await db.user.update({ where: { id: follower.id }, data: { locale: "fr" } });
  const quiet = await createUser(db);
  await followCall(db, follower.id, call.id);
  await followCall(db, quiet.id, call.id);
  await updateNotificationSettings({ id: quiet.id }, { draftOpened: false, commentActivity: true, finalPublished: true });
  const set = await createMessageSet(facilitator, { callId: call.id, title: `Messages on resilience ${uniqueSuffix()}` });
  const section = await addSection(facilitator, { setId: set.id, heading: "Trust" });
  await addParagraph(facilitator, { sectionId: section.id, body: "Trust grows with transparency." });
  const version = await saveVersion(facilitator, { setId: set.id, summary: "" });
  return { call, set, version, follower, quiet, responders: [first.authorId!, second.authorId!] };
}

const periodOf = (versionId: string) =>
  db.messageSetVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      commentOpensAt: true,
      commentClosesAt: true,
      commentClosedEarlyAt: true,
      commentClosedEarlyReason: true,
      commentAnnouncedClosesAt: true,
    },
  });

const emailsOf = (versionId: string) =>
  db.emailJob.findMany({
    where: { dedupeKey: { startsWith: `comments-closed-early:${versionId}:` } },
    orderBy: { id: "asc" },
    select: { userId: true, kind: true, forumId: true, template: true, subject: true, text: true, html: true },
  });

async function fanoutJobs(versionId: string) {
  const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM ${JOB_SCHEMA}.job WHERE name = 'notify-fanout' AND singleton_key = $1`,
    `comments-closed-early:${versionId}`,
  );
  return Number(row!.n);
}

const zurich = (date: Date, locale = "en-GB") =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Zurich" }).format(date);

describe("opening comments now", () => {
  it("opens at the server's clock, whatever opening time was typed; the period is open", async () => {
    const d = await draft();
    const before = Date.now();
    const typed = at(new Date(), 3 * DAY); // typed in the opening field, then "now" was chosen: not read
    const done = await publishVersion(facilitator, {
      versionId: d.version.id,
      opensNow: true,
      commentOpensAt: typed,
      commentClosesAt: at(new Date(), 10 * DAY),
    });
    const after = Date.now();
    const { commentOpensAt } = await periodOf(d.version.id);
    expect(commentOpensAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(commentOpensAt!.getTime()).toBeLessThanOrEqual(after);
    expect(done.commentOpensAt).toEqual(commentOpensAt);
    const published = await getPublishedMessageSet(d.set.slug, at(new Date(), MINUTE));
    expect(published?.version.commentPeriod).toBe("open");
    const [entry] = await db.auditEntry.findMany({
      where: { itemId: d.version.id, action: "messageSetVersion.publish" },
      select: { after: true },
    });
    expect(entry!.after).toMatchObject({ commentOpensNow: true, commentOpensAt: commentOpensAt!.toISOString() });
  });

  it("needs the closing time, in the form's schema and in the domain", async () => {
    const d = await draft();
    const parsed = versionPublishSchema.safeParse({ versionId: d.version.id, commentOpens: "now", commentClosesAt: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["commentClosesAt", "periodClosesRequired"]]);
    // "now" with an opening time typed as well: the time is not needed, so not refused.
    expect(
      versionPublishSchema.safeParse({
        versionId: d.version.id,
        commentOpens: "now",
        commentOpensAt: "2026-12-01T10:00",
        commentClosesAt: "2026-12-10T10:00",
      }).success,
    ).toBe(true);
    // Without the choice (an older form, the API), the typed times are read as before.
    expect(versionPublishSchema.parse({ versionId: d.version.id }).commentOpens).toBe("at");
    expect(await refused(publishVersion(facilitator, { versionId: d.version.id, opensNow: true }))).toMatchObject({
      kind: "invalid",
      code: "periodClosesRequired",
      fieldErrors: { commentClosesAt: [{ code: "periodClosesRequired" }] },
    });
    expect(await periodOf(d.version.id)).toMatchObject({ commentOpensAt: null, commentClosesAt: null });
  });
});

describe("closing a comment period early", () => {
  it("refuses an empty, too long or control-character reason, changing and mailing nothing", async () => {
    const d = await draft();
    const now = wholeMinute();
    await publishVersion(facilitator, { versionId: d.version.id, opensNow: true, commentClosesAt: at(now, 10 * DAY) }, now);
    const cases: [string, string, Record<string, unknown>?][] = [
      ["", "periodEndReasonRequired"],
      ["   ", "periodEndReasonRequired"],
      ["x".repeat(501), "tooLong", { max: 500 }],
      ["The timeline\u0007 moved", "controlCharacters"],
      ["The timeline\tmoved", "controlCharacters"],
      ["The timeline\nmoved", "controlCharacters"],
      ["The timeline\0 moved", "invalidCharacters"],
    ];
    for (const [reason, code, params] of cases) {
      const refusedWith = await refused(closeCommentPeriod(facilitator, { versionId: d.version.id, reason }, at(now, HOUR)));
      expect(refusedWith, JSON.stringify(reason)).toMatchObject({ kind: "invalid", code, fieldErrors: { reason: [{ code }] } });
      if (params) expect(refusedWith.params).toEqual(params);
      // The action parses with the same schema: the same field error.
      const parsed = periodCloseSchema.safeParse({ versionId: d.version.id, reason });
      expect(parsed.error?.issues[0]?.message).toBe(code);
    }
    expect(await periodOf(d.version.id)).toMatchObject({ commentClosesAt: at(now, 10 * DAY), commentClosedEarlyReason: null });
    expect(await db.auditEntry.count({ where: { itemId: d.version.id, action: "messageSetVersion.closePeriod" } })).toBe(0);
    expect(await fanoutJobs(d.version.id)).toBe(0);
    // Exactly the longest reason is accepted.
    const longest = "x".repeat(500);
    await closeCommentPeriod(facilitator, { versionId: d.version.id, reason: longest }, at(now, HOUR));
    expect((await periodOf(d.version.id)).commentClosedEarlyReason).toBe(longest);
  });

  it("refuses a period already closed, a version published without one, an unpublished or unknown version", async () => {
    const d = await draft();
    const reason = "The consultation timeline moved.";
    const now = wholeMinute();
    expect(await refusal(closeCommentPeriod(facilitator, { versionId: d.version.id, reason }, now))).toBe(
      "conflict:noActivePeriod",
    );
    expect(await refusal(closeCommentPeriod(facilitator, { versionId: "no-such-version", reason }, now))).toBe(
      "not_found:versionNotFound",
    );
    await publishVersion(
      facilitator,
      { versionId: d.version.id, commentOpensAt: at(now, -DAY), commentClosesAt: at(now, DAY) },
      at(now, -DAY),
    );
    // After its end, the period is closed: nothing to close early.
    expect(await refusal(closeCommentPeriod(facilitator, { versionId: d.version.id, reason }, at(now, 2 * DAY)))).toBe(
      "conflict:noActivePeriod",
    );
    const other = await draft();
    await publishVersion(facilitator, { versionId: other.version.id });
    expect(await refusal(closeCommentPeriod(facilitator, { versionId: other.version.id, reason }))).toBe(
      "conflict:noActivePeriod",
    );
    expect(await periodOf(other.version.id)).toMatchObject({ commentClosedEarlyAt: null, commentClosedEarlyReason: null });
    expect(await fanoutJobs(d.version.id)).toBe(0);
  });

  it("keeps the reason, audits it, shows it publicly and mails the audience once each; a second close changes nothing", async () => {
    const d = await draft();
    const commenter = await createUser(db);
    const now = wholeMinute();
    const announced = at(now, 10 * DAY);
    await publishVersion(facilitator, { versionId: d.version.id, opensNow: true, commentClosesAt: announced }, now);
    await createComment(db, { setId: d.set.id, versionId: d.version.id, authorId: commenter.id });
    const closedAt = at(now, 2 * HOUR);
    const done = await closeCommentPeriod(
      facilitator,
      { versionId: d.version.id, reason: "  The consultation timeline moved: <b>version 2</b> follows.  " },
      closedAt,
    );
    expect(done).toEqual({ id: d.version.id, number: 1, state: "closed" });
    const reason = "The consultation timeline moved: <b>version 2</b> follows.";
    expect(await periodOf(d.version.id)).toEqual({
      commentOpensAt: now,
      commentClosesAt: closedAt,
      commentClosedEarlyAt: closedAt,
      commentClosedEarlyReason: reason,
      commentAnnouncedClosesAt: announced,
    });

    // The audit entry says what the period was and what it became, with the reason.
    const entries = await db.auditEntry.findMany({
      where: { itemId: d.version.id, action: "messageSetVersion.closePeriod" },
      select: { actorId: true, before: true, after: true },
    });
    expect(entries).toEqual([
      {
        actorId: facilitator.id,
        before: { commentOpensAt: now.toISOString(), commentClosesAt: announced.toISOString(), commentClosedEarlyReason: null },
        after: {
          commentOpensAt: now.toISOString(),
          commentClosesAt: closedAt.toISOString(),
          commentClosedEarlyAt: closedAt.toISOString(),
          commentClosedEarlyReason: reason,
        },
      },
    ]);

    // Where the public reads about the period: the set's page and its list of versions.
    const later = at(now, 3 * HOUR);
    const published = await getPublishedMessageSet(d.set.slug, later);
    expect(published?.version).toMatchObject({
      commentPeriod: "closed",
      earlyEnd: { at: closedAt, reason, cancelled: false },
    });
    expect((await listPublishedVersions(d.set.slug, later))?.versions[0]).toMatchObject({
      commentPeriod: "closed",
      earlyEnd: { at: closedAt, reason, cancelled: false },
    });

    // One fan-out job; it mails responders, followers and the commenter, not who turned the kind off.
    expect(await fanoutJobs(d.version.id)).toBe(1);
    expect(await runFanout(db, "comments-closed-early", d.version.id)).toBe(4);
    const emails = await emailsOf(d.version.id);
    expect(emails.map((e) => e.userId).sort()).toEqual([...d.responders, d.follower.id, commenter.id].sort());
    expect(emails.map((e) => e.userId)).not.toContain(d.quiet.id);
    for (const email of emails) {
      expect(email).toMatchObject({ kind: "DRAFT_OPENED", forumId, template: { template: "comments-closed-early" } });
    }
    const english = emails.find((e) => e.userId === commenter.id)!;
    expect(english.subject).toBe(`Comments closed early: ${d.set.title}`);
    expect(english.text).toContain(zurich(announced));
    expect(english.text).toContain(zurich(closedAt));
    expect(english.text).toContain(`Reason: ${reason}`);
    expect(english.text).toContain(`${BASE}/messages/${d.set.slug}`);
    expect(english.text).toContain("unsubscribe/");
    expect(english.text).toContain("?kind=draft-opened");
    expect(english.html).toContain("&lt;b&gt;version 2&lt;/b&gt;");
    expect(english.html).not.toContain("<b>version 2</b>");
    // The French-speaking follower reads it in French.
    const french = emails.find((e) => e.userId === d.follower.id)!;
    expect(french.subject).toBe(frNotifications.NotificationEmail.closedEarlySubject.replace("{title}", d.set.title));
    expect(french.text).toContain(frNotifications.NotificationEmail.reason.replace("{reason}", reason));
    expect(french.text).toContain(`${BASE}/fr/messages/${d.set.slug}`);

    // The fan-out again (a retry) mails nobody; a second close (a double submit) is refused and mails nobody.
    expect(await runFanout(db, "comments-closed-early", d.version.id)).toBe(0);
    expect(
      await refusal(
        closeCommentPeriod(facilitator, { versionId: d.version.id, reason: "Once more" }, at(now, 2 * HOUR + MINUTE)),
      ),
    ).toBe("conflict:noActivePeriod");
    expect(await runFanout(db, "comments-closed-early", d.version.id)).toBe(0);
    expect(await emailsOf(d.version.id)).toHaveLength(4);
    expect(await fanoutJobs(d.version.id)).toBe(1);
    expect(await db.auditEntry.count({ where: { itemId: d.version.id, action: "messageSetVersion.closePeriod" } })).toBe(1);
    expect((await periodOf(d.version.id)).commentClosedEarlyReason).toBe(reason);
  });

  it("cancels a period still to open: both ends cleared, the reason kept, shown and mailed as a cancellation", async () => {
    const d = await draft();
    const now = wholeMinute();
    const announced = at(now, 12 * DAY);
    await publishVersion(
      facilitator,
      { versionId: d.version.id, commentOpensAt: at(now, 2 * DAY), commentClosesAt: announced },
      now,
    );
    const cancelledAt = at(now, HOUR);
    const reason = "Version 2 will be opened for comment instead.";
    expect(await closeCommentPeriod(facilitator, { versionId: d.version.id, reason }, cancelledAt)).toMatchObject({
      state: "cancelled",
    });
    expect(await periodOf(d.version.id)).toEqual({
      commentOpensAt: null,
      commentClosesAt: null,
      commentClosedEarlyAt: cancelledAt,
      commentClosedEarlyReason: reason,
      commentAnnouncedClosesAt: announced,
    });
    const [entry] = await db.auditEntry.findMany({
      where: { itemId: d.version.id, action: "messageSetVersion.cancelPeriod" },
      select: { after: true },
    });
    expect(entry!.after).toMatchObject({ commentOpensAt: null, commentClosesAt: null, commentClosedEarlyReason: reason });
    expect((await getPublishedMessageSet(d.set.slug, at(now, 2 * HOUR)))?.version).toMatchObject({
      commentPeriod: "none",
      earlyEnd: { at: cancelledAt, reason, cancelled: true },
    });
    expect(await runFanout(db, "comments-closed-early", d.version.id)).toBe(3);
    const email = (await emailsOf(d.version.id)).find((e) => e.userId === d.responders[0])!;
    expect(email.subject).toBe(`Comment period cancelled: ${d.set.title}`);
    expect(email.text).toContain(zurich(announced));
    expect(email.text).toContain(`Reason: ${reason}`);
  });
});

describe("who may close a period early", () => {
  it("refuses a visitor, a stakeholder, an observer of the forum and a facilitator of another forum, changing nothing", async () => {
    const d = await draft();
    const now = wholeMinute();
    await publishVersion(facilitator, { versionId: d.version.id, opensNow: true, commentClosesAt: at(now, 10 * DAY) }, now);
    const before = await periodOf(d.version.id);
    const visitor: SessionUser = { id: "visitor", email: "", name: null, role: "STAKEHOLDER", forums: {}, hasProfile: false };
    const stakeholder = await actor("STAKEHOLDER");
    const observer = await appointee(forumId, "OBSERVER");
    const elsewhere = await appointee((await createForum(db)).id, "FACILITATOR");
    const input = { versionId: d.version.id, reason: "Taken over" };
    for (const who of [visitor, stakeholder, observer])
      expect(await refusal(closeCommentPeriod(who, input, at(now, HOUR)))).toBe("forbidden:forbidden");
    // Another forum's facilitator is told no more than for an unknown id.
    expect(await refusal(closeCommentPeriod(elsewhere, input, at(now, HOUR)))).toBe(
      await refusal(closeCommentPeriod(elsewhere, { ...input, versionId: "no-such-version" }, at(now, HOUR))),
    );
    expect(await refusal(closeCommentPeriod(elsewhere, input, at(now, HOUR)))).toBe("not_found:versionNotFound");
    expect(await periodOf(d.version.id)).toEqual(before);
    expect(await fanoutJobs(d.version.id)).toBe(0);
    expect(await db.auditEntry.count({ where: { itemId: d.version.id, action: "messageSetVersion.closePeriod" } })).toBe(0);
    // The forum's facilitator may.
    expect(await closeCommentPeriod(facilitator, input, at(now, HOUR))).toMatchObject({ state: "closed" });
  });
});
