// Notifications on the real database: who each event mails, deduplication, preferences, unsubscribe
// tokens, the queue's retries through real SMTP transports (a closed port, then a real smtp-server), and
// who may see and change what.
import { randomUUID } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteAccount, exportPersonalData } from "@/lib/accounts/personal-data";
import { db, disconnectDb } from "@/lib/db";
import { getJobOverview, retryJob } from "@/lib/jobs/admin";
import { ensureQueues, JOB_SCHEMA } from "@/lib/jobs/queue";
import { closeMailTransport } from "@/lib/mail/send";
import { getEmailQueueOverview, retryEmailJob } from "@/lib/notifications/admin";
import { queueCommentAnswered, queueCommentReply, queueDraftOpened, queueFinalPublished } from "@/lib/notifications/events";
import {
  findUnsubscribe,
  followCall,
  getNotificationSettings,
  unfollowCall,
  unsubscribe,
  updateNotificationSettings,
} from "@/lib/notifications/settings";
import { drainEmailQueue, retryDelayMs, RETRY_MAX_MS, STUCK_AFTER_MS } from "@/lib/notifications/worker";
import { POST as oneClick } from "@/app/api/unsubscribe/[token]/route";
import { createCall, createForum, createUser } from "@/prisma/factories";
import { createComment, createNotificationScenario } from "@/prisma/factories-notifications";
import { actor, appointee } from "./helpers";

const BASE = "https://consult.example.org";
const createdUsers: string[] = [];

// Worker tests drain at instants in 2001: only jobs scheduled then (this file's) are due, whatever else the
// queue holds (beforeAll removes jobs of earlier runs due before 2010). Each test moves a day on, from a fixed
// instant, so every run drains at the same instants.
let clock = Date.UTC(2001, 0, 1);
const nextInstant = () => new Date((clock += 24 * 60 * 60 * 1000));

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", BASE);
  await db.emailJob.deleteMany({ where: { nextAttemptAt: { lt: new Date("2010-01-01") } } });
});
afterAll(async () => {
  await db.emailJob.deleteMany({ where: { userId: { in: createdUsers } } });
  vi.unstubAllEnvs();
  await disconnectDb();
});

async function scenario(overrides?: Parameters<typeof createNotificationScenario>[1]) {
  const s = await createNotificationScenario(db, overrides);
  createdUsers.push(...s.userIds);
  return s;
}

async function user() {
  const u = await createUser(db);
  createdUsers.push(u.id);
  return u;
}

const jobsOf = (prefix: string) =>
  db.emailJob.findMany({
    where: { dedupeKey: { startsWith: prefix } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      userId: true,
      to: true,
      kind: true,
      subject: true,
      text: true,
      html: true,
      status: true,
      dedupeKey: true,
    },
  });

const tokenOf = async (userId: string) =>
  (await db.notificationPreference.findUniqueOrThrow({ where: { userId }, select: { unsubscribeToken: true } })).unsubscribeToken;

describe("a draft opened for comment", () => {
  it("mails the responders and followers once each, with the period in the call's time zone and working links", async () => {
    const s = await scenario({ setTitle: `Resilience <script>alert(1)</script> & trust` });
    const queued = await db.$transaction((tx) => queueDraftOpened(tx, { versionId: s.version.id }));
    expect(queued).toBe(3);
    const jobs = await jobsOf(`draft-opened:${s.version.id}:`);
    // Responders ∪ followers; the responder who also follows once; the author of a draft response not at all.
    expect(jobs.map((j) => j.userId).sort()).toEqual([...s.responders, s.follower.id].sort());
    const job = jobs.find((j) => j.userId === s.follower.id)!;
    expect(job.kind).toBe("DRAFT_OPENED");
    expect(job.status).toBe("PENDING");
    expect(job.subject).toContain("Resilience <script>");
    expect(job.text).toContain(`${BASE}/messages/${s.set.slug}`);
    const opens = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Zurich" }).format(
      s.version.commentOpensAt!,
    );
    expect(job.text).toContain(opens);
    expect(job.text).toContain("Europe/Zurich");
    const token = await tokenOf(s.follower.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(job.text).toContain(`${BASE}/unsubscribe/${token}?kind=draft-opened`);
    expect(job.text).toContain(`${BASE}/my/notifications`);
    // User text is escaped in the HTML part.
    expect(job.html).not.toContain("<script>");
    expect(job.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; trust");
    expect(job.html).toContain(`href="${BASE}/unsubscribe/${token}?kind=draft-opened"`);
  });

  it("queues nothing the second time, and nothing for someone who turned it off", async () => {
    const s = await scenario();
    await updateNotificationSettings({ id: s.follower.id }, { draftOpened: false, commentActivity: true, finalPublished: true });
    expect(await db.$transaction((tx) => queueDraftOpened(tx, { versionId: s.version.id }))).toBe(2);
    expect(await db.$transaction((tx) => queueDraftOpened(tx, { versionId: s.version.id }))).toBe(0);
    const jobs = await jobsOf(`draft-opened:${s.version.id}:`);
    expect(jobs.map((j) => j.userId).sort()).toEqual([...s.responders].sort());
  });

  it("queues nothing when the event's transaction rolls back", async () => {
    const s = await scenario();
    await expect(
      db.$transaction(async (tx) => {
        await queueDraftOpened(tx, { versionId: s.version.id });
        throw new Error("the publication failed");
      }),
    ).rejects.toThrow("the publication failed");
    expect(await jobsOf(`draft-opened:${s.version.id}:`)).toEqual([]);
  });
});

describe("activity on a comment", () => {
  it("mails the comment's author about a reply, quoted, with a link to the thread", async () => {
    const s = await scenario();
    const [author, replier] = s.responders as [string, string];
    const comment = await createComment(db, {
      setId: s.set.id,
      versionId: s.version.id,
      authorId: author,
      paragraphId: "para-1",
    });
    const reply = await createComment(db, {
      setId: s.set.id,
      versionId: s.version.id,
      authorId: replier,
      parentId: comment.id,
      paragraphId: "para-1",
      body: "Agreed <b>strongly</b>.",
    });
    expect(await db.$transaction((tx) => queueCommentReply(tx, { replyId: reply.id }))).toBe(1);
    expect(await db.$transaction((tx) => queueCommentReply(tx, { replyId: reply.id }))).toBe(0);
    const [job] = await jobsOf(`comment-reply:${reply.id}:`);
    expect(job).toMatchObject({ userId: author, kind: "COMMENT_ACTIVITY" });
    expect(job!.text).toContain("> Agreed <b>strongly</b>.");
    expect(job!.html).toContain("Agreed &lt;b&gt;strongly&lt;/b&gt;.");
    expect(job!.text).toContain(`${BASE}/messages/${s.set.slug}/discuss/para-1#comment-${reply.id}`);
    expect(job!.text).toContain("?kind=comment-activity");
  });

  it("names the replier only when they did not reply anonymously", async () => {
    const s = await scenario();
    const [author, replier] = s.responders as [string, string];
    const name = (await db.profile.findUniqueOrThrow({ where: { userId: replier }, select: { displayName: true } })).displayName;
    const comment = await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: author });
    const named = await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: replier, parentId: comment.id });
    const hidden = await createComment(db, {
      setId: s.set.id,
      versionId: s.version.id,
      authorId: replier,
      parentId: comment.id,
      anonymous: true,
    });
    await db.$transaction(async (tx) => {
      await queueCommentReply(tx, { replyId: named.id });
      await queueCommentReply(tx, { replyId: hidden.id });
    });
    const [namedJob] = await jobsOf(`comment-reply:${named.id}:`);
    const [hiddenJob] = await jobsOf(`comment-reply:${hidden.id}:`);
    expect(namedJob!.text).toContain(`${name} replied`);
    expect(hiddenJob!.text).toContain("A participant replied");
    expect(`${hiddenJob!.subject}${hiddenJob!.text}${hiddenJob!.html}`).not.toContain(name);
  });

  it("never mails the replier about their own reply, a removed author, or someone who turned it off", async () => {
    const s = await scenario();
    const [author, other] = s.responders as [string, string];
    const own = await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: author });
    const selfReply = await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: author, parentId: own.id });
    const orphan = await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: null });
    const toOrphan = await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: other, parentId: orphan.id });
    const pending = await createComment(db, {
      setId: s.set.id,
      versionId: s.version.id,
      authorId: other,
      parentId: own.id,
      moderationState: "PENDING",
    });
    await updateNotificationSettings({ id: s.follower.id }, { draftOpened: true, commentActivity: false, finalPublished: true });
    const muted = await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: s.follower.id });
    const toMuted = await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: other, parentId: muted.id });
    const counts = await db.$transaction(async (tx) => [
      await queueCommentReply(tx, { replyId: selfReply.id }),
      await queueCommentReply(tx, { replyId: toOrphan.id }),
      await queueCommentReply(tx, { replyId: pending.id }),
      await queueCommentReply(tx, { replyId: toMuted.id }),
    ]);
    expect(counts).toEqual([0, 0, 0, 0]);
  });

  it("mails the disposition in words, the reason and the answer, and again when the answer changes", async () => {
    const s = await scenario();
    const [author] = s.responders as [string];
    const comment = await createComment(db, {
      setId: s.set.id,
      versionId: s.version.id,
      authorId: author,
      disposition: "NOT_INCORPORATED",
      dispositionReason: "Out of the forum's scope.",
      answer: "Thank you; the MAG will take it up.",
      answeredAt: new Date(),
    });
    expect(await db.$transaction((tx) => queueCommentAnswered(tx, { commentId: comment.id }))).toBe(1);
    expect(await db.$transaction((tx) => queueCommentAnswered(tx, { commentId: comment.id }))).toBe(0);
    const [job] = await jobsOf(`comment-answered:${comment.id}:`);
    expect(job!.userId).toBe(author);
    expect(job!.text).toContain("Decision: Not incorporated");
    expect(job!.text).toContain("Reason: Out of the forum's scope.");
    expect(job!.text).toContain("Thank you; the MAG will take it up.");
    expect(job!.text).toContain(`${BASE}/messages/${s.set.slug}/discuss/set#comment-${comment.id}`);
    expect(job!.text).toContain(`${BASE}/messages/${s.set.slug}/comments`);

    await db.comment.update({
      where: { id: comment.id },
      data: { disposition: "PARTLY_INCORPORATED", answeredAt: new Date(Date.now() + 1000) },
    });
    expect(await db.$transaction((tx) => queueCommentAnswered(tx, { commentId: comment.id }))).toBe(1);
    const jobs = await jobsOf(`comment-answered:${comment.id}:`);
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.text).toContain("Decision: Partly incorporated");
  });
});

describe("the final publication", () => {
  it("mails responders, followers and commenters once each, honouring the preference", async () => {
    const s = await scenario();
    const commenter = await user();
    const muted = await user();
    await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: commenter.id });
    await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: s.follower.id }); // also follows
    await createComment(db, { setId: s.set.id, versionId: s.version.id, authorId: muted.id });
    await updateNotificationSettings({ id: muted.id }, { draftOpened: true, commentActivity: true, finalPublished: false });
    expect(await db.$transaction((tx) => queueFinalPublished(tx, { versionId: s.version.id }))).toBe(4);
    expect(await db.$transaction((tx) => queueFinalPublished(tx, { versionId: s.version.id }))).toBe(0);
    const jobs = await jobsOf(`final-published:${s.version.id}:`);
    expect(jobs.map((j) => j.userId).sort()).toEqual([...s.responders, s.follower.id, commenter.id].sort());
    expect(jobs[0]!.kind).toBe("FINAL_PUBLISHED");
    expect(jobs[0]!.text).toContain(`${BASE}/messages/${s.set.slug}`);
    expect(jobs[0]!.text).toContain("?kind=final-published");
  });
});

describe("unsubscribe links", () => {
  it("one click turns off only that kind; the page's 'all' turns off everything; an unknown token is refused", async () => {
    const s = await scenario();
    await db.$transaction((tx) => queueDraftOpened(tx, { versionId: s.version.id }));
    const token = await tokenOf(s.follower.id);
    expect(await findUnsubscribe(token, "DRAFT_OPENED")).toEqual({ email: s.follower.email, kind: "DRAFT_OPENED", off: false });

    const response = await oneClick(
      new Request(`${BASE}/api/unsubscribe/${token}?kind=draft-opened`, { method: "POST", body: "List-Unsubscribe=One-Click" }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(200);
    const kindsOf = () =>
      db.notificationPreference.findUniqueOrThrow({
        where: { userId: s.follower.id },
        select: { draftOpened: true, commentActivity: true, finalPublished: true },
      });
    expect(await kindsOf()).toEqual({ draftOpened: false, commentActivity: true, finalPublished: true });
    expect((await findUnsubscribe(token, "DRAFT_OPENED")).off).toBe(true);

    await unsubscribe(token, "all");
    expect(await kindsOf()).toEqual({ draftOpened: false, commentActivity: false, finalPublished: false });

    const unknown = "A".repeat(43);
    const refused = await oneClick(new Request(`${BASE}/api/unsubscribe/${unknown}?kind=draft-opened`, { method: "POST" }), {
      params: Promise.resolve({ token: unknown }),
    });
    expect(refused.status).toBe(404);
    await expect(findUnsubscribe("not-a-token", "all")).rejects.toMatchObject({ kind: "not_found" });
    await expect(unsubscribe(unknown, "DRAFT_OPENED")).rejects.toMatchObject({ kind: "not_found" });
    const badKind = await oneClick(new Request(`${BASE}/api/unsubscribe/${token}?kind=everything`, { method: "POST" }), {
      params: Promise.resolve({ token }),
    });
    expect(badKind.status).toBe(400);
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A real SMTP server on loopback that keeps every raw message it receives. */
async function smtpServer() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    // The app's pooled SMTP connections first: the server waits for open connections before it closes.
    close: () => {
      closeMailTransport();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Jobs for the scenario's draft, scheduled at `at` (so only these are due in a drain at `at`). */
async function queuedAt(at: Date, maxAttempts = 5) {
  const s = await scenario();
  await db.$transaction((tx) => queueDraftOpened(tx, { versionId: s.version.id }));
  await db.emailJob.updateMany({
    where: { dedupeKey: { startsWith: `draft-opened:${s.version.id}:` } },
    data: { nextAttemptAt: at, maxAttempts },
  });
  return { s, jobs: await jobsOf(`draft-opened:${s.version.id}:`) };
}

const state = (id: bigint) =>
  db.emailJob.findUniqueOrThrow({
    where: { id },
    select: { status: true, attempts: true, lastError: true, nextAttemptAt: true, sentAt: true },
  });

describe("the email queue", () => {
  it("retries with growing pauses when SMTP is unreachable, and gives up after maxAttempts", async () => {
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${await closedPort()}`);
    const at = nextInstant();
    const { jobs } = await queuedAt(at, 3);
    const id = jobs[0]!.id;

    const first = await drainEmailQueue({ now: at, limit: 10 });
    expect(first).toMatchObject({ claimed: 3, retried: 3, sent: 0 });
    const afterOne = await state(id);
    expect(afterOne.status).toBe("PENDING");
    expect(afterOne.attempts).toBe(1);
    expect(afterOne.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(afterOne.nextAttemptAt.getTime()).toBe(at.getTime() + retryDelayMs(1));

    // Not due yet: nothing happens.
    expect((await drainEmailQueue({ now: new Date(at.getTime() + 1000), limit: 10 })).claimed).toBe(0);

    const second = new Date(at.getTime() + retryDelayMs(1));
    await drainEmailQueue({ now: second, limit: 10 });
    expect(await state(id)).toMatchObject({ status: "PENDING", attempts: 2 });
    expect((await state(id)).nextAttemptAt.getTime()).toBe(second.getTime() + retryDelayMs(2));

    await drainEmailQueue({ now: new Date(second.getTime() + retryDelayMs(2)), limit: 10 });
    const last = await state(id);
    expect(last).toMatchObject({ status: "FAILED", attempts: 3, sentAt: null });
    expect(last.lastError).toBeTruthy();
    expect(retryDelayMs(20)).toBe(RETRY_MAX_MS);
  });

  it("sends through a real SMTP server with one-click unsubscribe headers, and cancels a kind turned off since", async () => {
    const smtp = await smtpServer();
    try {
      vi.stubEnv("SMTP_URL", smtp.url);
      const at = nextInstant();
      const { s, jobs } = await queuedAt(at);
      // The follower turns these emails off after they were queued: theirs is cancelled at its turn.
      await updateNotificationSettings(
        { id: s.follower.id },
        { draftOpened: false, commentActivity: true, finalPublished: true },
      );

      const result = await drainEmailQueue({ now: at, limit: 10 });
      expect(result).toMatchObject({ claimed: 3, sent: 2, cancelled: 1 });
      for (const job of jobs) {
        const after = await state(job.id);
        expect(after.status).toBe(job.userId === s.follower.id ? "CANCELLED" : "SENT");
        if (after.status === "SENT") expect(after.sentAt).toBeInstanceOf(Date);
      }
      const responder = jobs.find((j) => j.userId === s.responders[0])!;
      const message = smtp.received.find((m) => m.to.includes(responder.to))!;
      expect(message).toBeDefined();
      const token = await tokenOf(responder.userId!);
      const unfolded = message.raw.replace(/\r?\n[ \t]+/g, " ");
      expect(unfolded).toMatch(new RegExp(`^List-Unsubscribe: <${BASE}/api/unsubscribe/${token}\\?kind=draft-opened>`, "m"));
      expect(unfolded).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      expect(smtp.received.some((m) => m.to.includes(s.follower.email))).toBe(false);
    } finally {
      await smtp.close();
    }
  });

  it("puts back jobs stuck in SENDING by a stopped worker, and sends them", async () => {
    const smtp = await smtpServer();
    try {
      vi.stubEnv("SMTP_URL", smtp.url);
      const at = nextInstant();
      const { jobs } = await queuedAt(at);
      const stuck = jobs[0]!.id;
      await db.$executeRaw`UPDATE email_jobs SET status = 'SENDING', attempts = 1,
        "updatedAt" = ${new Date(at.getTime() - STUCK_AFTER_MS - 1000)} WHERE id = ${stuck}`;
      const fresh = jobs[1]!.id;
      await db.$executeRaw`UPDATE email_jobs SET status = 'SENDING', attempts = 1, "updatedAt" = ${at} WHERE id = ${fresh}`;

      const result = await drainEmailQueue({ now: at, limit: 10 });
      expect(result.recovered).toBe(1);
      expect(await state(stuck)).toMatchObject({ status: "SENT", attempts: 2 });
      // One that is still within the limit is left alone (its worker may still be sending).
      expect(await state(fresh)).toMatchObject({ status: "SENDING", attempts: 1 });
      await db.emailJob.update({ where: { id: fresh }, data: { status: "CANCELLED" } });
    } finally {
      await smtp.close();
    }
  });

  it("never sends one job twice when two drains run at once", async () => {
    const smtp = await smtpServer();
    try {
      vi.stubEnv("SMTP_URL", smtp.url);
      const at = nextInstant();
      const a = await queuedAt(at);
      const b = await queuedAt(at);
      const jobs = [...a.jobs, ...b.jobs];
      const results = await Promise.all([drainEmailQueue({ now: at, limit: 10 }), drainEmailQueue({ now: at, limit: 10 })]);
      expect(results[0]!.claimed + results[1]!.claimed).toBe(jobs.length);
      for (const job of jobs) expect(await state(job.id)).toMatchObject({ status: "SENT", attempts: 1 });
      const addresses = smtp.received.flatMap((m) => m.to);
      expect(addresses.sort()).toEqual(jobs.map((j) => j.to).sort());
    } finally {
      await smtp.close();
    }
  });
});

describe("who may do what", () => {
  it("shows the queue and retries a failed email: an administrator all, a facilitator their forum's, audited", async () => {
    const at = nextInstant();
    const { s, jobs } = await queuedAt(at);
    const id = jobs[0]!.id;
    const forumId = s.call.forumId;
    await db.emailJob.update({ where: { id }, data: { status: "FAILED", attempts: 5, lastError: "550 mailbox unavailable" } });
    // Filed under the forum of the call whose draft it announces.
    expect((await db.emailJob.findUniqueOrThrow({ where: { id }, select: { forumId: true } })).forumId).toBe(forumId);

    await expect(getEmailQueueOverview(null)).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(retryEmailJob(null, id.toString())).rejects.toMatchObject({ kind: "unauthenticated" });
    for (const lower of [await actor("STAKEHOLDER"), await appointee(forumId, "OBSERVER")]) {
      await expect(getEmailQueueOverview(lower)).rejects.toMatchObject({ kind: "forbidden" });
      await expect(retryEmailJob(lower, id.toString())).rejects.toMatchObject({ kind: "forbidden" });
    }
    // A facilitator of another forum: the email is not in their list, and retrying it is "not found".
    const other = await appointee((await createForum(db)).id, "FACILITATOR");
    expect((await getEmailQueueOverview(other)).failed.map((job) => job.id)).not.toContain(id.toString());
    await expect(retryEmailJob(other, id.toString())).rejects.toMatchObject({ kind: "not_found", code: "emailJobNotFound" });
    expect(await state(id)).toMatchObject({ status: "FAILED", attempts: 5 });

    const admin = await actor("ADMIN");
    const overview = await getEmailQueueOverview(admin);
    expect(overview.counts.FAILED).toBeGreaterThanOrEqual(1);
    const listed = overview.failed.find((job) => job.id === id.toString());
    expect(listed).toMatchObject({ to: jobs[0]!.to, attempts: 5, lastError: "550 mailbox unavailable", forum: { id: forumId } });
    expect(listed).not.toHaveProperty("text");
    expect(listed).not.toHaveProperty("html");

    const facilitator = await appointee(forumId, "FACILITATOR");
    const theirs = await getEmailQueueOverview(facilitator);
    expect(theirs.failed.map((job) => job.id)).toEqual([id.toString()]);
    expect(theirs.counts.FAILED).toBe(1);
    await retryEmailJob(facilitator, id.toString());
    expect(await db.emailJob.findUniqueOrThrow({ where: { id }, select: { status: true, maxAttempts: true } })).toEqual({
      status: "PENDING",
      maxAttempts: 6,
    });
    const audit = await db.auditEntry.findFirst({
      where: { action: "email.retry", itemId: id.toString() },
      select: { actorId: true },
    });
    expect(audit?.actorId).toBe(facilitator.id);
    await expect(retryEmailJob(admin, id.toString())).rejects.toMatchObject({ kind: "conflict" });
    await expect(retryEmailJob(admin, "999999999999")).rejects.toMatchObject({ kind: "not_found" });
    await db.emailJob.update({ where: { id }, data: { status: "CANCELLED" } });

    // An email of the platform (no forum) is an administrator's alone.
    const platform = await db.emailJob.create({
      data: {
        to: `platform-${id}@test.example.org`,
        subject: "A platform email",
        text: "",
        html: "",
        dedupeKey: `platform:${id}`,
        status: "FAILED",
        attempts: 5,
      },
      select: { id: true },
    });
    expect((await getEmailQueueOverview(facilitator)).failed.map((job) => job.id)).not.toContain(platform.id.toString());
    await expect(retryEmailJob(facilitator, platform.id.toString())).rejects.toMatchObject({ kind: "not_found" });
    await retryEmailJob(admin, platform.id.toString());
    await db.emailJob.update({ where: { id: platform.id }, data: { status: "CANCELLED" } });
  });

  it("lists and retries failed background jobs: an administrator all with the queues, a facilitator their forum's", async () => {
    await ensureQueues();
    const call = await createCall(db);
    const otherForum = await createForum(db);
    const failedJob = async (name: string, data: object) => {
      const id = randomUUID();
      await db.$executeRawUnsafe(
        `INSERT INTO ${JOB_SCHEMA}.job (id, name, data, state, retry_limit, retry_count, started_on, completed_on, output)
         VALUES ($1::uuid, $2, $3::jsonb, 'failed', 0, 0, now(), now(), '{"message":"unit: failed"}'::jsonb)`,
        id,
        name,
        JSON.stringify(data),
      );
      return id;
    };
    const ofCall = await failedJob("campaigns-recompute", { callId: call.id });
    const ofPlatform = await failedJob("files-cleanup", {});

    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const theirs = await getJobOverview(facilitator);
    expect(theirs.queues).toBeNull();
    expect(theirs.failed.map((job) => job.id)).toContain(ofCall);
    expect(theirs.failed.map((job) => job.id)).not.toContain(ofPlatform);
    expect(theirs.failed.find((job) => job.id === ofCall)).toMatchObject({ forumId: call.forumId, error: "unit: failed" });

    const other = await appointee(otherForum.id, "FACILITATOR");
    expect((await getJobOverview(other)).failed.map((job) => job.id)).not.toContain(ofCall);
    await expect(retryJob(other, "campaigns-recompute", ofCall)).rejects.toMatchObject({ code: "jobNotFound" });
    await expect(retryJob(facilitator, "files-cleanup", ofPlatform)).rejects.toMatchObject({ code: "jobNotFound" });
    await expect(retryJob(await appointee(call.forumId, "OBSERVER"), "campaigns-recompute", ofCall)).rejects.toMatchObject({
      kind: "forbidden",
    });

    const admin = await actor("ADMIN");
    const all = await getJobOverview(admin);
    expect(all.queues?.map((queue) => queue.name)).toContain("campaigns-recompute");
    expect(all.failed.map((job) => job.id)).toEqual(expect.arrayContaining([ofCall, ofPlatform]));

    const stateOf = async (id: string) =>
      (await db.$queryRawUnsafe<{ state: string }[]>(`SELECT state::text FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`, id))[0]
        ?.state;
    await retryJob(facilitator, "campaigns-recompute", ofCall);
    expect(await stateOf(ofCall)).toBe("retry");
    await retryJob(admin, "files-cleanup", ofPlatform);
    expect(await stateOf(ofPlatform)).toBe("retry");
    // Nothing runs them here (no worker); they are cancelled so no later test's worker does.
    await db.$executeRawUnsafe(`UPDATE ${JOB_SCHEMA}.job SET state = 'cancelled' WHERE id = ANY($1::uuid[])`, [
      ofCall,
      ofPlatform,
    ]);
  });

  it("lets a person change only their own settings and follows; a visitor nothing", async () => {
    const me = await actor("STAKEHOLDER");
    const other = await actor("STAKEHOLDER");
    createdUsers.push(me.id, other.id);
    const call = await createCall(db);
    const unpublished = await createCall(db, { publishedAt: null });
    const off = { draftOpened: false, commentActivity: false, finalPublished: false };

    await expect(updateNotificationSettings(null, off)).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(getNotificationSettings(null)).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(followCall(null, call.id)).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(unfollowCall(null, call.id)).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(followCall(me, unpublished.id)).rejects.toMatchObject({ kind: "not_found" });

    await updateNotificationSettings(other, { draftOpened: true, commentActivity: true, finalPublished: true });
    await updateNotificationSettings(me, { ...off, commentActivity: true });
    await followCall(me, call.id);
    await followCall(me, call.id); // twice is once
    const mine = await getNotificationSettings(me);
    expect(mine.kinds).toEqual({ draftOpened: false, commentActivity: true, finalPublished: false });
    expect(mine.follows.map((f) => f.id)).toEqual([call.id]);
    const theirs = await getNotificationSettings(other);
    expect(theirs.kinds).toEqual({ draftOpened: true, commentActivity: true, finalPublished: true });
    expect(theirs.follows).toEqual([]);

    await unfollowCall(other, call.id); // unfollowing what one does not follow changes nothing of anyone's
    expect((await getNotificationSettings(me)).follows).toHaveLength(1);
    await unfollowCall(me, call.id);
    expect((await getNotificationSettings(me)).follows).toEqual([]);
  });
});

describe("personal data", () => {
  it("exports the settings and follows, and account deletion cancels the emails not yet sent", async () => {
    const s = await scenario();
    await db.$transaction((tx) => queueDraftOpened(tx, { versionId: s.version.id }));
    const data = await exportPersonalData({ id: s.follower.id });
    expect(data.notifications.preferences).toMatchObject({ draftOpened: true, commentActivity: true, finalPublished: true });
    expect(data.notifications.follows).toEqual([expect.objectContaining({ callSlug: s.call.slug })]);
    expect(data.notifications.emails).toEqual([expect.objectContaining({ kind: "DRAFT_OPENED", status: "PENDING" })]);
    expect(JSON.stringify(data)).not.toContain(await tokenOf(s.follower.id));

    const [job] = (await jobsOf(`draft-opened:${s.version.id}:`)).filter((j) => j.userId === s.follower.id);
    await deleteAccount({ id: s.follower.id }, { responses: "remove", confirmEmail: s.follower.email });
    expect(
      await db.emailJob.findUniqueOrThrow({ where: { id: job!.id }, select: { status: true, userId: true, to: true } }),
    ).toEqual({
      status: "CANCELLED",
      userId: null,
      to: "",
    });
    expect(await db.notificationPreference.count({ where: { userId: s.follower.id } })).toBe(0);
  });
});
