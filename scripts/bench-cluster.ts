// Cluster proof (issue 14): `npm run bench -- cluster`. Runs the production build as 3 app instances
// (`scripts/serve.mjs`, as `npm start` runs them) and 2 workers (`scripts/worker.ts`) on one PostgreSQL database
// of its own, with a real S3-compatible server (s3rver) as STORAGE_URL and an SMTP sink that counts messages per
// recipient, behind a round-robin HTTP proxy written here (it sets X-Forwarded-For, the trusted proxy header the
// instances are configured with). Then it checks, and prints figures for:
//   1. 100 concurrent submissions through the proxy (the response form's own no-JavaScript POST of its
//      server action, with real sessions) → 100 distinct receipt numbers and exactly 100 receipt emails;
//   2. a file uploaded through instance A (POST /api/responses/<id>/attachments) downloads, byte for byte,
//      through B and C (GET /api/attachments/<id>), and lives in the S3 server;
//   3. the open data API's burst (30) holds across instances: the 31st request is refused (429, Retry-After)
//      whichever instance answers; 3b. a response hidden by a write from another process is gone at once from the
//      cached public pages and reads (list, page, API) of every instance;
//   4. publishing a message set version with a comment period (lib/messages/versions.ts publishVersion, the
//      domain function the moderators' action calls, run in this process) on a call with 10,000 followers
//      returns in under 1 s, and exactly 10,000 emails arrive;
//   5. `kill -9` of a worker in the middle of that delivery loses and duplicates no email;
//   6. with the SMTP sink stopped for a minute, submissions still succeed and their receipts arrive, once each,
//      after it is back.
// Prints a table, exits 1 when a check fails, and stops everything it started (also on Ctrl-C).
//
// Run by `npm run bench -- cluster` (scripts/bench.mjs gives it DATABASE_URL: CLUSTER_DATABASE_URL, else a
// database `igf_bench_cluster` on the bench's embedded PostgreSQL). The database is dropped and made again
// (its name must contain "bench"). The build in .next-cluster is reused when it is newer than the sources;
// `--build` forces a new one. Ports: CLUSTER_PORT (the proxy, default 3210), the instances the next three
// (+200: 3410-3412 by default), CLUSTER_SMTP_PORT (default 2700).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { SMTPServer } from "smtp-server";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = ".next-cluster";
const PROXY_PORT = Number(process.env.CLUSTER_PORT ?? 3210);
const APP_PORTS = [0, 1, 2].map((i) => PROXY_PORT + 200 + i);
const SMTP_PORT = Number(process.env.CLUSTER_SMTP_PORT ?? 2700);
const BASE = `http://127.0.0.1:${PROXY_PORT}`;
const SUBMISSIONS = 100;
const FOLLOWERS = 10_000;
const OUTAGE_SUBMISSIONS = 10;
const OUTAGE_MS = 60_000;
const RUN = randomBytes(3).toString("hex");
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error("DATABASE_URL is not set (run through `npm run bench -- cluster`).");

const log = (line: string) => console.info(`[cluster ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------- cleanup
const children: { name: string; child: ChildProcess }[] = [];
const closers: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | null = null;
function cleanup() {
  cleaning ??= (async () => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) killGroup(child, "SIGTERM");
    const deadline = Date.now() + 8000;
    while (children.some(({ child }) => child.exitCode === null && child.signalCode === null) && Date.now() < deadline)
      await sleep(100);
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) killGroup(child, "SIGKILL");
    for (const close of closers.reverse()) await close().catch(() => undefined);
  })();
  return cleaning;
}
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal); // its own process group (detached): the process and anything it started
  } catch {
    child.kill(signal);
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping everything…`);
    void cleanup().then(() => process.exit(130));
  });
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) tail.push(line);
    while (tail.length > 30) tail.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  child.on("exit", (code, signal) => {
    if (!cleaning && !(child as { expectedDeath?: boolean }).expectedDeath)
      console.error(`[cluster] ${name} exited (${code ?? signal}); last lines:\n${tail.join("\n")}`);
  });
  children.push({ name, child });
  return child;
}

// --------------------------------------------------------------------------------------------- database
async function freshDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/bench/.test(name))
    throw new Error(`The cluster bench drops and recreates its database; "${name}" has no "bench" in its name.`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const { migrate } = await import("./lib/database.mjs");
  await migrate(url, { quiet: true });
}

// ------------------------------------------------------------------------------------------------ build
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}
function ensureBuild(env: NodeJS.ProcessEnv) {
  const buildId = path.join(ROOT, DIST, "BUILD_ID");
  const sources = ["app", "lib", "components", "public", "proxy.ts", "next.config.ts", "instrumentation.ts", "package.json"]
    .map((entry) => path.join(ROOT, entry))
    .filter(existsSync)
    .map((entry) => (statSync(entry).isDirectory() ? newestSource(entry) : statSync(entry).mtimeMs));
  if (!process.argv.includes("--build") && existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources)) {
    log(`reusing the build in ${DIST}`);
    return;
  }
  log(`building into ${DIST} (next build)…`);
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

// ------------------------------------------------------------------------------------------- SMTP sink
/** Messages per recipient (lower case), and when each recipient's first one arrived. */
const received = new Map<string, number>();
const firstAt = new Map<string, number>();
let smtp: SMTPServer | null = null;
async function startSink() {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    maxClients: 1000,
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        // Counted when the whole message is in, as a real server accepts it.
        for (const to of session.envelope.rcptTo) {
          const address = to.address.toLowerCase();
          received.set(address, (received.get(address) ?? 0) + 1);
          if (!firstAt.has(address)) firstAt.set(address, performance.now());
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp!.once("error", reject);
    smtp!.listen(SMTP_PORT, "127.0.0.1", () => resolve());
  });
}
async function stopSink() {
  const server = smtp;
  smtp = null;
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
}
closers.push(stopSink);

// ----------------------------------------------------------------------------------------------- proxy
// Round robin over the instances; `x-bench-instance: <n>` pins a request to one (to show which instance
// did what), and every answer says which instance gave it. X-Forwarded-For is overwritten with the
// client's socket address: the instances trust it (TRUSTED_PROXY_HEADER=x-forwarded-for).
let next = 0;
const proxy: Server = createServer((incoming, outgoing) => {
  const pinned = Number(incoming.headers["x-bench-instance"]);
  const index = Number.isInteger(pinned) && pinned >= 0 && pinned < APP_PORTS.length ? pinned : next++ % APP_PORTS.length;
  const headers: IncomingHttpHeaders = { ...incoming.headers };
  delete headers["x-bench-instance"];
  headers["x-forwarded-for"] = (incoming.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  headers["x-forwarded-proto"] = "http";
  const upstream = httpRequest(
    { host: "127.0.0.1", port: APP_PORTS[index], method: incoming.method, path: incoming.url, headers },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-bench-instance": String(index) });
      answer.pipe(outgoing);
    },
  );
  upstream.on("error", () => {
    if (!outgoing.headersSent) outgoing.writeHead(502, { "x-bench-instance": String(index) });
    outgoing.end();
  });
  incoming.pipe(upstream);
});
proxy.keepAliveTimeout = 1000;
closers.push(() => new Promise((resolve) => proxy.close(resolve)));

// ---------------------------------------------------------------------------------------------- client
type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer; instance: number };
function call(
  method: string,
  url: string,
  options: { headers?: Record<string, string>; body?: Buffer; localAddress?: string; instance?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.instance !== undefined) headers["x-bench-instance"] = String(options.instance);
    if (options.body) headers["content-length"] = String(options.body.length);
    const outgoing = httpRequest(
      new URL(url, BASE),
      { method, headers, localAddress: options.localAddress, agent: false },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () =>
          resolve({
            status: answer.statusCode ?? 0,
            headers: answer.headers,
            body: Buffer.concat(chunks),
            instance: Number(answer.headers["x-bench-instance"]),
          }),
        );
        answer.on("error", reject);
      },
    );
    outgoing.setTimeout(120_000, () => outgoing.destroy(new Error(`${method} ${url}: no answer in 120 s`)));
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

function multipart(fields: [string, string][], file?: { field: string; name: string; type: string; bytes: Buffer }) {
  const boundary = `----bench${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = fields.map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const entities: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'" };
const unescapeHtml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) =>
    entity[0] === "#"
      ? String.fromCodePoint(entity[1]!.toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)))
      : (entities[entity.toLowerCase()] ?? whole),
  );

/** The hidden inputs of the page's response form: the server action's reference, responseId, submitKey. */
function hiddenInputs(html: string): [string, string][] {
  const inputs: [string, string][] = [];
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const attribute = (name: string) => tag.match(new RegExp(`\\s${name.replace("$", "\\$")}="([^"]*)"`))?.[1];
    if (attribute("type") !== "hidden") continue;
    const name = attribute("name");
    if (name) inputs.push([unescapeHtml(name), unescapeHtml(attribute("value") ?? "")]);
  }
  return inputs;
}

const cookieOf = (token: string) => ({ cookie: `next-auth.session-token=${token}` });

/**
 * Submits a response the way a browser without JavaScript does: GET the respond page (which makes the
 * draft), then POST its form (the server action's hidden fields, an answer, a consent choice, "Submit") to
 * the same address. Success is the action's redirect (303) to the receipt.
 */
async function submitThroughForm(slug: string, questionId: string, token: string, text: string) {
  const page = await call("GET", `/calls/${slug}/respond`, { headers: cookieOf(token) });
  if (page.status !== 200) throw new Error(`GET respond page: ${page.status}`);
  const fields = hiddenInputs(page.body.toString("utf8"));
  if (!fields.some(([name]) => name.startsWith("$ACTION"))) throw new Error("No server action in the respond form");
  const form = multipart([...fields, [`q_${questionId}`, text], ["consent", "PUBLISH_NAMED"], ["intent", "submit"]]);
  const posted = await call("POST", `/calls/${slug}/respond`, {
    headers: { ...cookieOf(token), origin: BASE, "content-type": form.contentType },
    body: form.body,
  });
  const location = String(posted.headers.location ?? "");
  const responseId = location.match(/\/my\/responses\/([^/?]+)\?submitted=1/)?.[1];
  if (posted.status !== 303 || !responseId) {
    // The form again, with its message (role="alert"): say which.
    const html = posted.body.toString("utf8");
    const alerts = [...html.matchAll(/role="alert"[^>]*>([^<]+)</g)].map((match) => unescapeHtml(match[1]!.trim()));
    throw new Error(`POST respond form: ${posted.status} ${location} ${alerts.join(" | ") || html.slice(0, 300)}`);
  }
  return { responseId, pageInstance: page.instance, postInstance: posted.instance };
}

// -------------------------------------------------------------------------------------------- checking
type Row = { check: string; figure: string; pass: boolean };
const rows: Row[] = [];
function record(check: string, figure: string, pass: boolean) {
  rows.push({ check, figure, pass });
  log(`${pass ? "PASS" : "FAIL"} ${check}: ${figure}`);
}

const countOf = (addresses: string[]) => addresses.reduce((sum, address) => sum + Math.min(received.get(address) ?? 0, 1), 0);
const duplicatesOf = (addresses: string[]) => addresses.filter((address) => (received.get(address) ?? 0) > 1);

/** Waits until every address got at least one message (then `settleMs` more, to see duplicates), or the timeout. */
async function waitForMail(label: string, addresses: string[], timeoutMs: number, settleMs = 3000) {
  const started = performance.now();
  let lastReport = started;
  while (countOf(addresses) < addresses.length && performance.now() - started < timeoutMs) {
    await sleep(250);
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      log(`${label}: ${countOf(addresses)} of ${addresses.length} arrived`);
    }
  }
  await sleep(settleMs);
  return { delivered: countOf(addresses), duplicates: duplicatesOf(addresses), seconds: (performance.now() - started) / 1000 };
}

async function waitReady(port: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await new Promise<boolean>((resolve) => {
      const probe = httpRequest({ host: "127.0.0.1", port, path: "/api/ready", agent: false }, (answer) => {
        answer.resume();
        resolve(answer.statusCode === 200);
      });
      probe.on("error", () => resolve(false));
      probe.end();
    });
    if (ready) return;
    await sleep(500);
  }
  throw new Error(`Instance on port ${port} not ready after ${timeoutMs / 1000} s`);
}

// ------------------------------------------------------------------------------------------------- main
async function main() {
  const started = performance.now();
  log(`database ${new URL(DATABASE_URL!).pathname.slice(1)}: made afresh and migrated`);
  await freshDatabase(DATABASE_URL!);

  const { startS3Server } = await import("@/tests/support/s3-server");
  const s3 = await startS3Server("igf-cluster");
  closers.push(() => s3.stop());
  log(`S3 server (s3rver) on ${s3.endpoint}`);
  await startSink();
  log(`SMTP sink on 127.0.0.1:${SMTP_PORT}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...s3.env,
    NODE_ENV: "production",
    DATABASE_URL,
    NEXT_DIST_DIR: DIST,
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: "cluster-bench-secret-not-for-production-0123456789",
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    MAIL_FROM: "IGF Consultations <no-reply@bench.example.org>",
    TRUSTED_PROXY_HEADER: "x-forwarded-for",
    // The burst (30) is the default; the refill is slowed to one a minute so that the check does not depend
    // on how fast the machine answers 30 requests.
    API_RATE_LIMIT_BURST: "30",
    API_RATE_LIMIT_PER_MINUTE: "1",
    // Connections: 3 instances and 2 workers (each with pg-boss's own pool) stay well under PostgreSQL's
    // default max_connections of 100, on a server other programs may share.
    DATABASE_POOL_SIZE: "6",
    WORKER_POOL_SIZE: "4",
  };
  ensureBuild(env);

  // Everything the checks need in the database, made before the servers start (factories: prisma/).
  Object.assign(process.env, s3.env, { DATABASE_URL, DATABASE_POOL_SIZE: "4" });
  const { db, disconnectDb } = await import("@/lib/db");
  closers.push(() => disconnectDb());
  const { createCall, createQuestion, createUser } = await import("@/prisma/factories");
  const newSession = async (userId: string) => {
    const sessionToken = randomBytes(32).toString("hex");
    await db.session.create({
      data: { sessionToken, userId, expires: new Date(Date.now() + 24 * 3600 * 1000) },
      select: { sessionToken: true },
    });
    return sessionToken;
  };
  const call1 = await createCall(db, { title: `Cluster bench call ${RUN}` });
  const question = await createQuestion(db, { callId: call1.id, prompt: "What should the IGF do next?" });
  const people = async (n: number, prefix: string) => {
    const list: { id: string; email: string; token: string }[] = [];
    for (let i = 0; i < n; i++) {
      const user = await createUser(db, { email: `${prefix}-${i}-${RUN}@bench.example.org` });
      list.push({ id: user.id, email: user.email, token: await newSession(user.id) });
    }
    return list;
  };
  const submitters = await people(SUBMISSIONS, "submitter");
  const [uploader] = await people(1, "uploader");
  const outageSubmitters = await people(OUTAGE_SUBMISSIONS, "outage");

  // The servers: 3 instances, 2 workers.
  const serve = path.join(ROOT, "scripts/serve.mjs");
  APP_PORTS.forEach((port, i) => start(`app ${i}`, process.execPath, [serve, "-p", String(port)], env));
  const workerArgs = ["--import", "tsx", "--import", "./scripts/lib/server-only.mjs", "scripts/worker.ts"];
  const workers = [0, 1].map((i) => start(`worker ${i}`, process.execPath, workerArgs, { ...env, NODE_ENV: "production" }));
  await new Promise<void>((resolve) => proxy.listen(PROXY_PORT, "127.0.0.1", resolve));
  await Promise.all(APP_PORTS.map((port) => waitReady(port, 120_000)));
  log(`3 instances ready (${APP_PORTS.join(", ")}), proxy on ${BASE}, 2 workers (pids ${workers.map((w) => w.pid).join(", ")})`);
  const startupSeconds = (performance.now() - started) / 1000;

  // Warm each instance's first render of the respond page (compilation caches), as a load balancer's
  // health checks and earlier traffic would; not counted.
  await Promise.all(
    APP_PORTS.map((_, instance) => call("GET", `/calls/${call1.slug}`, { instance, headers: cookieOf(submitters[0]!.token) })),
  );

  // 1. 100 concurrent submissions.
  {
    const t0 = performance.now();
    const results = await Promise.allSettled(
      submitters.map((person, i) => submitThroughForm(call1.slug, question.id, person.token, `Answer number ${i} (${RUN}).`)),
    );
    const seconds = (performance.now() - t0) / 1000;
    const ok = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const failures = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
    if (failures.length) log(`submission failures (${failures.length}), first: ${failures[0]}`);
    const perInstance = [0, 1, 2].map((n) => ok.filter((r) => r.postInstance === n).length);
    const submitted = await db.response.findMany({
      where: { callId: call1.id, status: "SUBMITTED" },
      select: { reference: true },
    });
    const references = new Set(submitted.map((r) => r.reference));
    const mail = await waitForMail(
      "receipts",
      submitters.map((p) => p.email),
      120_000,
    );
    record(
      "1. 100 concurrent submissions",
      `${ok.length} submitted in ${seconds.toFixed(1)} s (posts per instance ${perInstance.join("/")}), ` +
        `${references.size} distinct receipt numbers, ${mail.delivered} receipt emails (${mail.duplicates.length} duplicated), ` +
        `all in ${mail.seconds.toFixed(1)} s`,
      ok.length === SUBMISSIONS && references.size === SUBMISSIONS && mail.delivered === SUBMISSIONS && !mail.duplicates.length,
    );
  }

  // 2. Uploaded through A, downloaded through B and C.
  {
    const page = await call("GET", `/calls/${call1.slug}/respond`, { instance: 0, headers: cookieOf(uploader!.token) });
    const responseId = hiddenInputs(page.body.toString("utf8")).find(([name]) => name === "responseId")?.[1];
    const bytes = Buffer.from(
      Array.from({ length: 4000 }, (_, i) => `Line ${i} of the cluster bench's notes (${RUN}).`).join("\n") + "\n",
    );
    const form = multipart([], { field: "file", name: "cluster-notes.txt", type: "text/plain", bytes });
    const upload = await call("POST", `/api/responses/${responseId}/attachments`, {
      instance: 0,
      headers: { ...cookieOf(uploader!.token), origin: BASE, "content-type": form.contentType },
      body: form.body,
    });
    const attachmentId =
      upload.status === 201 ? (JSON.parse(upload.body.toString()) as { attachment: { id: string } }).attachment.id : null;
    const sha = (buffer: Buffer) => createHash("sha256").update(buffer).digest("hex");
    const downloads = attachmentId
      ? await Promise.all(
          [1, 2].map((instance) =>
            call("GET", `/api/attachments/${attachmentId}`, { instance, headers: cookieOf(uploader!.token) }),
          ),
        )
      : [];
    const same = downloads.filter((d) => d.status === 200 && sha(d.body) === sha(bytes));
    const row = attachmentId
      ? await db.attachment.findUnique({ where: { id: attachmentId }, select: { storageKey: true } })
      : null;
    const inS3 = row ? await findFile(s3.directory, row.storageKey) : false;
    record(
      "2. upload via A, download via B and C",
      `upload ${upload.status} through instance ${upload.instance} (${(bytes.length / 1024).toFixed(0)} KiB); downloads ` +
        `${downloads.map((d) => `${d.status} via ${d.instance}`).join(", ")}, ${same.length} of 2 byte-identical; object in S3: ${inS3}`,
      upload.status === 201 && upload.instance === 0 && same.length === 2 && inS3,
    );
  }

  // 3. The API burst across instances, from a client address of its own (127.0.0.3).
  {
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => call("GET", "/api/v1/calls", { localAddress: "127.0.0.3" })),
    );
    const after = [];
    for (const instance of [0, 1, 2]) after.push(await call("GET", "/api/v1/calls", { localAddress: "127.0.0.3", instance }));
    const okBurst = burst.filter((a) => a.status === 200).length;
    const spread = [0, 1, 2].map((n) => burst.filter((a) => a.instance === n).length);
    const refused = after.filter((a) => a.status === 429 && Number(a.headers["retry-after"]) > 0);
    // Another client is not affected.
    const other = await call("GET", "/api/v1/calls", { localAddress: "127.0.0.4" });
    record(
      "3. API burst limit across instances",
      `${okBurst} of 30 accepted (per instance ${spread.join("/")}); requests 31-33 on instances 0/1/2: ` +
        `${after.map((a) => a.status).join("/")} (Retry-After ${after[0]?.headers["retry-after"] ?? "-"} s); another client: ${other.status}`,
      okBurst === 30 && refused.length === 3 && other.status === 200,
    );
  }

  // 3b. The cache of public reads across instances: each instance has read (and cached) the list, a response's page
  // and its API answer; a response is hidden by a write from another process (this one, as the worker or another
  // instance would); at once, no instance shows it any more.
  {
    const target = await db.response.findFirstOrThrow({
      where: { callId: call1.id, status: "SUBMITTED", moderationState: "PUBLISHED", consent: { not: "PRIVATE" } },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }], // the first on the list's first page
      select: { id: true, reference: true },
    });
    const reference = target.reference!;
    const paths = [`/calls/${call1.slug}/responses`, `/responses/${reference}`, `/api/v1/responses/${reference}`];
    const read = (instance: number) =>
      Promise.all(paths.map((path) => call("GET", path, { instance, localAddress: "127.0.0.5" })));
    const shows = (answers: Answer[]) => answers.map((a) => a.status === 200 && a.body.toString("utf8").includes(reference));
    const before: boolean[] = [];
    const warmMs: number[] = [];
    // The two pages come from each instance's cache of whole pages (scripts/lib/page-cache.mjs) on the second read.
    let pageHits = 0;
    for (const instance of [0, 1, 2]) {
      await read(instance);
      const t0 = performance.now();
      const answers = await read(instance);
      warmMs.push(performance.now() - t0);
      before.push(...shows(answers));
      pageHits += answers.filter((answer) => answer.headers["x-page-cache"] === "hit").length;
    }
    await db.response.update({ where: { id: target.id }, data: { moderationState: "HIDDEN", hiddenReason: "Cluster bench." } });
    const after: boolean[] = [];
    for (const instance of [0, 1, 2]) after.push(...shows(await read(instance)));
    record(
      "3b. public cache across instances",
      `${reference} shown in ${before.filter(Boolean).length} of 9 cached reads (list, page, API on each instance; ` +
        `${warmMs.map((ms) => ms.toFixed(0)).join("/")} ms for the three cached reads per instance; ${pageHits} of 6 pages ` +
        `from the cache of whole pages); hidden by a write from another process, then shown in ${after.filter(Boolean).length} of 9`,
      before.every(Boolean) && pageHits === 6 && !after.some(Boolean),
    );
  }

  // 4 and 5. Publishing to 10,000 followers; a worker killed (-9) in the middle of the delivery.
  const followers: string[] = [];
  let publishMs = 0;
  let killedAt = 0;
  let deliveredAtKill = 0;
  let publishedAt = 0;
  let version: { id: string } | null = null;
  {
    const call2 = await createCall(db, { title: `Cluster bench followed call ${RUN}` });
    const t0 = performance.now();
    for (let i = 0; i < FOLLOWERS; i += 2000) {
      const data = Array.from({ length: Math.min(2000, FOLLOWERS - i) }, (_, j) => ({
        email: `follower-${i + j}-${RUN}@bench.example.org`,
        emailVerified: new Date(),
      }));
      await db.user.createMany({ data });
      followers.push(...data.map((d) => d.email));
    }
    await db.$executeRawUnsafe(
      `INSERT INTO call_follows ("userId", "callId") SELECT id, $1 FROM users WHERE email LIKE $2`,
      call2.id,
      `follower-%-${RUN}@bench.example.org`,
    );
    const follows = await db.callFollow.count({ where: { callId: call2.id } });
    log(`seeded ${follows} followers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const set = await db.messageSet.create({
      data: { callId: call2.id, slug: `cluster-${RUN}`, title: `Cluster bench messages ${RUN}`, status: "DRAFT" },
      select: { id: true },
    });
    version = await db.messageSetVersion.create({
      data: { setId: set.id, number: 1, title: `Cluster bench messages ${RUN}`, introduction: "", content: [] },
      select: { id: true },
    });
    const moderator = await createUser(db, { role: "MODERATOR", email: `moderator-${RUN}@bench.example.org` });
    const { publishVersion } = await import("@/lib/messages/versions");
    const { ensureQueues } = await import("@/lib/jobs/queue");
    await ensureQueues(); // done once per process; every running instance has long done it
    const now = new Date();
    const p0 = performance.now();
    await publishVersion(
      { id: moderator.id, email: moderator.email, name: null, role: "MODERATOR", forums: {}, hasProfile: true },
      { versionId: version.id, commentOpensAt: now, commentClosesAt: new Date(now.getTime() + 7 * 24 * 3600 * 1000) },
      now,
    );
    publishMs = performance.now() - p0;
    publishedAt = performance.now();
    log(`published in ${publishMs.toFixed(0)} ms; waiting for ${FOLLOWERS} emails (a worker is killed at 30%)…`);
    // kill -9 of worker 0 once 30% have arrived.
    while (countOf(followers) < FOLLOWERS * 0.3 && performance.now() - publishedAt < 300_000) await sleep(50);
    deliveredAtKill = countOf(followers);
    (workers[0] as { expectedDeath?: boolean }).expectedDeath = true;
    process.kill(workers[0]!.pid!, "SIGKILL");
    killedAt = performance.now();
    log(`kill -9 worker 0 (pid ${workers[0]!.pid}) with ${deliveredAtKill} emails delivered`);
  }
  // The rest of 4/5 is awaited below, while 6 runs: the killed worker's claimed emails wait for their job's
  // expiry, so the two overlap.
  const allFollowersArrived = waitForMail("followers", followers, 12 * 60_000, 10_000);
  // Wait for all but the killed worker's in-flight ones before the SMTP outage, so that the outage does not
  // slow the 10,000's figures.
  while (countOf(followers) < FOLLOWERS - 50 && performance.now() - publishedAt < 600_000) await sleep(250);
  const bulkSeconds = (performance.now() - publishedAt) / 1000;
  const bulkCount = countOf(followers);
  log(`${bulkCount} of ${FOLLOWERS} delivered after ${bulkSeconds.toFixed(1)} s`);

  // 6. The SMTP sink down for a minute.
  {
    await stopSink();
    const down = performance.now();
    log(`SMTP sink stopped; ${OUTAGE_SUBMISSIONS} submissions`);
    const results = await Promise.allSettled(
      outageSubmitters.map((person, i) =>
        submitThroughForm(call1.slug, question.id, person.token, `Outage answer ${i} (${RUN}).`),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    const failed = results.find((r) => r.status === "rejected");
    if (failed) log(`outage submission failed: ${String((failed as PromiseRejectedResult).reason)}`);
    while (performance.now() - down < OUTAGE_MS) await sleep(500);
    const duringOutage = countOf(outageSubmitters.map((p) => p.email));
    await startSink();
    log(`SMTP sink back after ${((performance.now() - down) / 1000).toFixed(0)} s`);
    const back = performance.now();
    const mail = await waitForMail(
      "outage receipts",
      outageSubmitters.map((p) => p.email),
      6 * 60_000,
      5000,
    );
    const pending = await db.emailJob.count({
      where: { to: { in: outageSubmitters.map((p) => p.email) }, status: { not: "SENT" } },
    });
    record(
      "6. SMTP down for a minute",
      `${ok} of ${OUTAGE_SUBMISSIONS} submitted while down, ${duringOutage} receipts during the outage; ` +
        `${mail.delivered} arrived ${((performance.now() - back) / 1000 - 5).toFixed(0)} s after it came back ` +
        `(${mail.duplicates.length} duplicated, ${pending} rows not SENT)`,
      ok === OUTAGE_SUBMISSIONS && duringOutage === 0 && mail.delivered === OUTAGE_SUBMISSIONS && !mail.duplicates.length,
    );
  }

  {
    const mail = await allFollowersArrived;
    const fullSeconds = (performance.now() - publishedAt) / 1000;
    const statuses = await db.emailJob.groupBy({
      by: ["status"],
      where: { dedupeKey: { startsWith: `draft-opened:${version!.id}:` } },
      _count: true,
    });
    const sentRows = statuses.find((s) => s.status === "SENT")?._count ?? 0;
    record(
      "4. publish to 10,000 followers",
      `publishVersion returned in ${publishMs.toFixed(0)} ms; ${bulkCount} emails in ${bulkSeconds.toFixed(1)} s ` +
        `(${(bulkCount / bulkSeconds).toFixed(0)}/s, 2 then 1 worker), all ${mail.delivered} after ${fullSeconds.toFixed(0)} s; ` +
        `outbox rows SENT: ${sentRows}`,
      publishMs < 1000 && mail.delivered === FOLLOWERS && !mail.duplicates.length,
    );
    record(
      "5. kill -9 of a worker mid-delivery",
      `killed at ${deliveredAtKill} delivered (${((killedAt - publishedAt) / 1000).toFixed(1)} s after publishing); ` +
        `${mail.delivered} of ${FOLLOWERS} recipients got it, ${mail.duplicates.length} got it more than once; ` +
        `the last one arrived ${((Math.max(...followers.map((f) => firstAt.get(f) ?? 0)) - killedAt) / 1000).toFixed(0)} s after the kill`,
      mail.delivered === FOLLOWERS && !mail.duplicates.length,
    );
  }

  const order = ["1", "2", "3", "4", "5", "6"];
  rows.sort((a, b) => order.indexOf(a.check[0]!) - order.indexOf(b.check[0]!));
  console.info(
    `\nCluster proof: 3 instances, 2 workers, s3rver, SMTP sink, round-robin proxy (start-up ${startupSeconds.toFixed(0)} s, ` +
      `total ${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  const width = Math.max(...rows.map((r) => r.check.length));
  for (const row of rows) console.info(`${row.pass ? "PASS" : "FAIL"}  ${row.check.padEnd(width)}  ${row.figure}`);
  return rows.every((r) => r.pass);
}

/** Whether s3rver keeps an object whose key ends with `key` (it stores objects as files named after the key). */
async function findFile(directory: string, key: string): Promise<boolean> {
  const entries = await readdir(directory, { recursive: true });
  return entries.some((entry) => entry.includes(key));
}

let passed = false;
try {
  passed = await main();
} catch (error) {
  console.error("[cluster] failed:", error);
}
await cleanup();
process.exit(passed ? 0 : 1);
