// The job queue on the real database with real pg-boss workers (lib/jobs): every email is sent exactly once
// (a job run twice or retried after the send sends nothing more), a failed send is retried with backoff,
// publishing to a large call enqueues one fan-out job and returns at once, rows the old email queue left
// (pending, stuck, failed) are carried over, the final PDF is stored once, orphan files are removed, and
// /api/ready fails when a migration is missing.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { forgetUpload, noteRemoved, noteUpload } from "@/lib/attachments/orphans";
import { newStorageKey, storage } from "@/lib/attachments/storage";
import { db, disconnectDb } from "@/lib/db";
import { enqueueJob, ensureQueues, JOB_SCHEMA } from "@/lib/jobs/queue";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { publishVersion } from "@/lib/messages/versions";
import { getEmailQueueOverview, retryEmailJob } from "@/lib/notifications/admin";
import { closeMailTransport, SMTP_TIMEOUTS } from "@/lib/mail/send";
import { CLAIM_EXPIRES_MS, sendEmailRow, STUCK_AFTER_MS } from "@/lib/notifications/worker";
import { createCall, createUser } from "@/prisma/factories";
import { actor } from "./helpers";

const NO_PARAMS = { params: Promise.resolve({}) };

const BASE = "https://consult.example.org";
const received: { to: string[]; subject: string }[] = [];
let smtp: SMTPServer;
let smtpUp = true;
const uploads = mkdtempSync(join(tmpdir(), "igf-jobs-uploads-"));

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (!smtpUp) return callback(new Error("451 try again later"));
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? "" });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as { port: number };
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
  vi.stubEnv("NEXTAUTH_URL", BASE);
  vi.stubEnv("UPLOAD_DIR", uploads);
  vi.spyOn(console, "info").mockImplementation(() => {});
  // Once per process (a server does it on its first job): the pg-boss schema and queues.
  await ensureQueues();
});
afterAll(async () => {
  closeMailTransport(); // its pooled connections, which the server would wait for
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  vi.unstubAllEnvs();
  rmSync(uploads, { recursive: true, force: true });
  await disconnectDb();
});

const deliveredTo = (address: string) => received.filter((mail) => mail.to.includes(address)).length;

async function until(condition: () => Promise<boolean>, timeoutMs = 60_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for the worker");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs a real worker (no cron) until `condition` holds, then stops it gracefully. */
async function withWorker(condition: () => Promise<boolean>, timeoutMs?: number) {
  const worker: RunningWorker = await startWorker({ pollingIntervalSeconds: 0.5, schedule: false, log: () => {} });
  try {
    await until(condition, timeoutMs);
  } finally {
    await worker.stop({ timeout: 10_000 });
  }
}

/** An outbox row as the events write it (a receipt-like service email), with its email-send job. */
async function outboxRow(status: "PENDING" | "SENDING" | "FAILED" = "PENDING", extra: { updatedAt?: Date } = {}) {
  const user = await createUser(db);
  const row = await db.emailJob.create({
    data: {
      userId: user.id,
      kind: null,
      to: user.email,
      subject: `Test ${user.id}`,
      text: "Hello",
      html: "<p>Hello</p>",
      dedupeKey: `test:${user.id}`,
      status,
      ...(status === "FAILED" ? { attempts: 5, lastError: "550 mailbox unavailable" } : {}),
    },
    select: { id: true, to: true },
  });
  if (extra.updatedAt) await db.$executeRaw`UPDATE email_jobs SET "updatedAt" = ${extra.updatedAt} WHERE id = ${row.id}`;
  return row;
}

const rowStatus = async (id: bigint) => (await db.emailJob.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

const jobsOf = (name: string, key: string) =>
  db.$queryRawUnsafe<{ state: string; start_after: Date; retry_count: number }[]>(
    `SELECT state::text, start_after, retry_count FROM ${JOB_SCHEMA}.job WHERE name = $1 AND singleton_key = $2`,
    name,
    key,
  );

describe("the email-send job", () => {
  it("sends a row once, whether it runs twice or is retried after the send", async () => {
    const row = await outboxRow();
    await db.$transaction((tx) => enqueueJob(tx, "email-send", { id: row.id.toString() }, { singletonKey: `email:${row.id}` }));
    await withWorker(async () => (await rowStatus(row.id)) === "SENT");
    expect(deliveredTo(row.to)).toBe(1);
    // The same job again (a retry after the send, before pg-boss recorded completion), and a direct second run.
    await db.$transaction((tx) => enqueueJob(tx, "email-send", { id: row.id.toString() }, { singletonKey: `email:${row.id}` }));
    await withWorker(async () => (await jobsOf("email-send", `email:${row.id}`)).every((job) => job.state === "completed"));
    expect(await sendEmailRow(row.id)).toBe("skipped");
    expect(deliveredTo(row.to)).toBe(1);
  });

  it("settles a send to a silent SMTP server before another job may take its row over", () => {
    // The longest a send can hang: connect, greeting, then socket silence (nodemailer's defaults add up to 12.5 minutes).
    const longest = SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout;
    expect(longest).toBeLessThan(CLAIM_EXPIRES_MS / 2);
  });

  it("keeps a failed send for a retry with backoff, and delivers it once when the server is back", async () => {
    const row = await outboxRow();
    await db.$transaction((tx) => enqueueJob(tx, "email-send", { id: row.id.toString() }, { singletonKey: `email:${row.id}` }));
    smtpUp = false;
    try {
      await withWorker(async () => (await jobsOf("email-send", `email:${row.id}`)).some((job) => job.state === "retry"));
    } finally {
      smtpUp = true;
    }
    const [job] = await jobsOf("email-send", `email:${row.id}`);
    // pg-boss's exponential backoff: the first retry waits at least the queue's 30 s.
    expect(job!.start_after.getTime()).toBeGreaterThan(Date.now() + 20_000);
    const failed = await db.emailJob.findUniqueOrThrow({
      where: { id: row.id },
      select: { status: true, attempts: true, lastError: true },
    });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failed.lastError).toContain("451");
    expect(deliveredTo(row.to)).toBe(0);
    // Time passes: the retry is due.
    await db.$executeRawUnsafe(
      `UPDATE ${JOB_SCHEMA}.job SET start_after = now() WHERE name = 'email-send' AND singleton_key = $1`,
      `email:${row.id}`,
    );
    await withWorker(async () => (await rowStatus(row.id)) === "SENT");
    expect(deliveredTo(row.to)).toBe(1);
  });
});

describe("rows of the old email queue", () => {
  it("are carried over: pending and stuck rows are sent once, failed ones stay visible and can be retried", async () => {
    // As the timer-driven queue left them: no pg-boss job carries them.
    const pending = await outboxRow("PENDING");
    const stuck = await outboxRow("SENDING", { updatedAt: new Date(Date.now() - STUCK_AFTER_MS - 60_000) });
    const failed = await outboxRow("FAILED");
    await withWorker(async () => (await rowStatus(pending.id)) === "SENT" && (await rowStatus(stuck.id)) === "SENT");
    expect(deliveredTo(pending.to)).toBe(1);
    expect(deliveredTo(stuck.to)).toBe(1);
    expect(await rowStatus(failed.id)).toBe("FAILED");
    expect(deliveredTo(failed.to)).toBe(0);
    const admin = await actor("ADMIN");
    const overview = await getEmailQueueOverview(admin);
    expect(overview.failed.map((job) => job.id)).toContain(failed.id.toString());
    await retryEmailJob(admin, failed.id.toString());
    await withWorker(async () => (await rowStatus(failed.id)) === "SENT");
    expect(deliveredTo(failed.to)).toBe(1);
  });
});

describe("publishing to a large call", () => {
  it(
    "enqueues one fan-out job and returns at once; the worker mails each of 2,000 followers exactly once",
    { timeout: 900_000 },
    async () => {
      const FOLLOWERS = 2000;
      const call = await createCall(db);
      const tag = `fan${Date.now().toString(36)}`;
      await db.user.createMany({
        data: Array.from({ length: FOLLOWERS }, (_, i) => ({ email: `${tag}-${i}@test.example.org` })),
      });
      const users = await db.user.findMany({ where: { email: { startsWith: `${tag}-` } }, select: { id: true, email: true } });
      await db.callFollow.createMany({ data: users.map((user) => ({ userId: user.id, callId: call.id })) });
      const set = await db.messageSet.create({
        data: { callId: call.id, slug: `test-${tag}`, title: "Fan-out" },
        select: { id: true },
      });
      const version = await db.messageSetVersion.create({
        data: { setId: set.id, number: 1, title: "Fan-out", introduction: "", content: [] },
        select: { id: true },
      });
      const moderator = await actor("MODERATOR");
      const now = new Date();
      // Publishing to nobody first: the same work but the audience, and this process warmed up.
      const quiet = await db.messageSet.create({
        data: { callId: (await createCall(db)).id, slug: `test-${tag}-quiet`, title: "Quiet" },
        select: { id: true },
      });
      const quietVersion = await db.messageSetVersion.create({
        data: { setId: quiet.id, number: 1, title: "Quiet", introduction: "", content: [] },
        select: { id: true },
      });
      const quietStarted = performance.now();
      await publishVersion(moderator, {
        versionId: quietVersion.id,
        commentOpensAt: now,
        commentClosesAt: new Date(now.getTime() + 7 * 86_400_000),
      });
      const quietMs = performance.now() - quietStarted;

      const started = performance.now();
      await publishVersion(moderator, {
        versionId: version.id,
        commentOpensAt: now,
        commentClosesAt: new Date(now.getTime() + 7 * 86_400_000),
      });
      const publishMs = performance.now() - started;
      // Under a second, unless publishing to nobody is slow too on this (loaded) machine: the time does not
      // grow with the audience.
      expect(publishMs).toBeLessThan(Math.max(1000, 3 * quietMs));
      expect(await jobsOf("notify-fanout", `draft-opened:${version.id}`)).toHaveLength(1);
      expect(await db.emailJob.count({ where: { dedupeKey: { startsWith: `draft-opened:${version.id}:` } } })).toBe(0);

      const sentStarted = performance.now();
      await withWorker(
        async () =>
          (await db.emailJob.count({ where: { dedupeKey: { startsWith: `draft-opened:${version.id}:` }, status: "SENT" } })) ===
          FOLLOWERS,
        540_000,
      );
      const sendMs = performance.now() - sentStarted;
      console.warn(
        `[jobs.test] publish ${publishMs.toFixed(0)} ms (to nobody ${quietMs.toFixed(0)} ms); ${FOLLOWERS} emails sent in ${(sendMs / 1000).toFixed(1)} s`,
      );
      const counts = new Map(users.map((user) => [user.email, deliveredTo(user.email)]));
      expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
      // The fan-out job again (a retry): no new row and no new send job, so no second email to anyone.
      await db.$transaction((tx) => enqueueJob(tx, "notify-fanout", { event: "draft-opened", versionId: version.id }));
      await withWorker(async () =>
        (await jobsOf("notify-fanout", `draft-opened:${version.id}`)).every((job) => job.state === "completed"),
      );
      expect(await db.emailJob.count({ where: { dedupeKey: { startsWith: `draft-opened:${version.id}:` } } })).toBe(FOLLOWERS);
      const [sends] = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM ${JOB_SCHEMA}.job j JOIN email_jobs e ON j.singleton_key = 'email:' || e.id
          WHERE j.name = 'email-send' AND e."dedupeKey" LIKE $1`,
        `draft-opened:${version.id}:%`,
      );
      expect(sends!.n).toBe(BigInt(FOLLOWERS));
      expect(users.filter((user) => deliveredTo(user.email) !== 1)).toEqual([]);
    },
  );
});

describe("files-cleanup", () => {
  it("removes files whose row never came or is gone, keeps files an attachment names, and can run twice", async () => {
    const files = storage();
    const abandoned = newStorageKey();
    const deleted = newStorageKey();
    const attached = newStorageKey();
    const long = new Date(Date.now() - 7 * 3_600_000);
    for (const key of [abandoned, deleted, attached]) await files.put(key, new Uint8Array([1, 2, 3]));
    await noteUpload(abandoned, db, long); // due: its grace period is over
    await noteUpload(attached, db, long);
    await db.$transaction((tx) => noteRemoved(tx, [deleted]));
    const user = await createUser(db);
    const call = await createCall(db);
    const response = await db.response.create({ data: { callId: call.id, authorId: user.id }, select: { id: true } });
    await db.$transaction(async (tx) => {
      await tx.attachment.create({
        data: {
          responseId: response.id,
          storageKey: attached,
          fileName: "a.pdf",
          mediaType: "application/pdf",
          size: 3,
          sha256: "0".repeat(64),
        },
        select: { id: true },
      });
      await forgetUpload(tx, "not-this-one");
    });
    const fresh = newStorageKey();
    await files.put(fresh, new Uint8Array([4]));
    await noteUpload(fresh); // still within its grace period
    await db.$transaction((tx) => enqueueJob(tx, "files-cleanup", {}));
    await withWorker(
      async () => (await db.storageOrphan.count({ where: { key: { in: [abandoned, deleted, attached] } } })) === 0,
    );
    const present = async (key: string) =>
      files.get(key).then(
        (body) => ("destroy" in body ? body.destroy() : undefined, true),
        () => false,
      );
    expect(await present(abandoned)).toBe(false);
    expect(await present(deleted)).toBe(false);
    expect(await present(attached)).toBe(true);
    expect(await present(fresh)).toBe(true);
    expect(await db.storageOrphan.count({ where: { key: fresh } })).toBe(1);
  });
});

describe("health and readiness", () => {
  it("/api/health answers without the database; /api/ready is 200 when migrated and 503 when a migration is missing", async () => {
    const alive = await health(new Request("http://localhost/api/health"), NO_PARAMS);
    expect(alive.status).toBe(200);
    expect(alive.headers.get("cache-control")).toBe("no-store");
    expect(await alive.json()).toMatchObject({ status: "ok" });

    const ok = await ready(new Request("http://localhost/api/ready"), NO_PARAMS);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(await ok.json()).toEqual({ status: "ready" });

    // A build with one migration more than the database has.
    const dir = mkdtempSync(join(tmpdir(), "igf-migrations-"));
    try {
      cpSync(join(process.cwd(), "prisma/migrations"), dir, { recursive: true });
      mkdirSync(join(dir, "20991231000000_not_applied"));
      writeFileSync(join(dir, "20991231000000_not_applied", "migration.sql"), "SELECT 1;\n");
      vi.stubEnv("MIGRATIONS_DIR", dir);
      const missing = await ready(new Request("http://localhost/api/ready"), NO_PARAMS);
      expect(missing.status).toBe(503);
      expect(await missing.json()).toEqual({
        status: "not ready",
        check: "migrations",
        reason: "Migrations not applied: 20991231000000_not_applied",
      });
    } finally {
      vi.stubEnv("MIGRATIONS_DIR", "");
      rmSync(dir, { recursive: true, force: true });
    }

    // Storage that cannot be reached (a file where the upload folder should be).
    const blocked = join(uploads, "blocked");
    writeFileSync(blocked, "");
    vi.stubEnv("UPLOAD_DIR", blocked);
    try {
      const noStorage = await ready(new Request("http://localhost/api/ready"), NO_PARAMS);
      expect(noStorage.status).toBe(503);
      expect(await noStorage.json()).toMatchObject({ status: "not ready", check: "storage" });
    } finally {
      vi.stubEnv("UPLOAD_DIR", uploads);
    }
  });
});
