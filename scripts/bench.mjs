#!/usr/bin/env node
// `npm run bench`: measured figures, never asserted in tests. Serves the production build on a database of
// its own (BENCH_DATABASE_URL, else an embedded PostgreSQL in .data/bench-postgres) filled with the demo,
// then loads each public page from loopback with autocannon at 10 and 50 connections for a fixed time, beside
// the same page served by the "floor" (scripts/bench-floor.mjs: node:http + pg, the same data as minimal HTML or
// JSON), and prints requests per second, latency percentiles, errors, the app/floor ratio, the server's memory
// before and after, each page's first-load JavaScript (gzip) and HTML bytes.
// Options: --seconds N (per run, default 10), --connections 10,50; `-- pages` runs only the pages.
// Before the pages, the export bench streams large calls through lib/exports and prints its peak memory.
// First of all it times near-duplicate clustering (scripts/bench-clustering.ts); `-- clustering` runs only that.
// Then the version diff and the final messages' PDF and Markdown (scripts/bench-messages.ts; `-- messages`).
import { fork, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = option("seconds", 10);
const connectionsAt = process.argv.indexOf("--connections");
const CONNECTIONS = connectionsAt > 0 ? process.argv[connectionsAt + 1].split(",").map(Number) : [10, 50];
// `npm run bench -- pages` skips the benches before the pages (clustering, messages, exports).
/** `-- crowd`: only the deadline crowd (after the build and the demo), e.g. to read why a submission failed. */
const CROWD_ONLY = process.argv.includes("crowd");
const PAGES_ONLY = process.argv.includes("pages") || CROWD_ONLY;
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const FLOOR_PORT = PORT + 1;
const FLOOR = `http://127.0.0.1:${FLOOR_PORT}`;
const DIST = ".next-bench";

const { migrate, checkConnection } = await import("./lib/database.mjs");
// `npm run bench -- cluster` runs only the cluster proof of issue 14 (scripts/bench-cluster.ts): 3 app
// instances and 2 workers on a database of their own (CLUSTER_DATABASE_URL, else `igf_bench_cluster` on the
// embedded PostgreSQL; dropped and made again), s3rver, an SMTP sink and a round-robin proxy. Not part of the
// full bench: it takes several minutes and needs the ports CLUSTER_PORT (3210) +200..+202 and 2700.
if (process.argv.includes("cluster")) {
  let clusterDatabase;
  if (process.env.CLUSTER_DATABASE_URL) {
    clusterDatabase = { url: process.env.CLUSTER_DATABASE_URL, stop: async () => {} };
  } else {
    const { ensureEmbeddedDatabase } = await import("./lib/embedded-db.mjs");
    clusterDatabase = await ensureEmbeddedDatabase({
      dataDir: join(ROOT, ".data/bench-postgres"),
      database: "igf_bench_cluster",
    });
  }
  const args = [
    "--import",
    "tsx",
    "--import",
    "./scripts/lib/server-only.mjs",
    "scripts/bench-cluster.ts",
    ...process.argv.slice(2),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: clusterDatabase.url },
    stdio: "inherit",
  });
  // Ctrl-C reaches the child too (same terminal): it stops what it started, then this process stops the database.
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => child.on("exit", (status) => resolve(status ?? 1)));
  await clusterDatabase.stop();
  process.exit(code);
}
let database;
if (process.env.BENCH_DATABASE_URL) {
  await checkConnection(process.env.BENCH_DATABASE_URL, "BENCH_DATABASE_URL");
  database = { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
} else {
  const { ensureEmbeddedDatabase } = await import("./lib/embedded-db.mjs");
  database = await ensureEmbeddedDatabase({ dataDir: join(ROOT, ".data/bench-postgres"), database: "igf_bench" });
}
const env = { ...process.env, DATABASE_URL: database.url, NEXT_DIST_DIR: DIST };
await migrate(database.url, { quiet: true });
const step = (command, args) => {
  const result = spawnSync(join(ROOT, "node_modules/.bin", command), args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
};
// Near-duplicate clustering of a planted 10,000-response call; `npm run bench -- clustering` runs only this.
if (!PAGES_ONLY) step("tsx", ["scripts/bench-clustering.ts"]);
if (process.argv.includes("clustering")) {
  await database.stop();
  process.exit(0);
}
// The version diff and the final PDF/Markdown (scripts/bench-messages.ts); `-- messages` runs only this.
const messagesBench = ["--import", "tsx", "--import", "./scripts/lib/server-only.mjs", "scripts/bench-messages.ts"];
if (!PAGES_ONLY && spawnSync(process.execPath, messagesBench, { cwd: ROOT, env, stdio: "inherit" }).status !== 0) {
  throw new Error("scripts/bench-messages.ts failed");
}
if (process.argv.includes("messages")) {
  await database.stop();
  process.exit(0);
}
step("tsx", ["prisma/seed.ts"]);
// Exports of 10,000 and 100,000 responses in constant memory (scripts/bench-exports.ts, which also runs alone).
const exportsBench = ["--expose-gc", "--conditions=react-server", "--import", "tsx", "scripts/bench-exports.ts"];
if (!PAGES_ONLY && spawnSync(process.execPath, exportsBench, { cwd: ROOT, env, stdio: "inherit" }).status !== 0) {
  throw new Error("scripts/bench-exports.ts failed");
}
console.info("Building…");
step("next", ["build"]);

const server = spawn(process.execPath, [join(ROOT, "scripts/serve.mjs"), "-p", String(PORT)], {
  cwd: ROOT,
  // The API's rate limit would answer most of the load with 429: measure the work, not the limiter.
  env: {
    ...env,
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
    API_RATE_LIMIT_BURST: "1000000",
    API_RATE_LIMIT_PER_MINUTE: "1000000",
  },
  stdio: "ignore",
});
const stopAll = async () => {
  server.kill("SIGTERM");
  await database.stop();
};

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

/** Resident memory of the server process and its children (next start runs the app in a child). */
function serverRssMiB() {
  const ps = spawnSync("ps", ["-o", "pid=,ppid=,rss=", "-A"], { encoding: "utf8" }).stdout.trim().split("\n");
  const rows = ps.map((line) => line.trim().split(/\s+/).map(Number));
  const family = new Set([server.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (family.has(ppid) && !family.has(pid)) {
        family.add(pid);
        grew = true;
      }
    }
  }
  return rows.filter(([pid]) => family.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

const { default: autocannon } = await import("autocannon");

/** One load run with autocannon: every response's time is kept, so p50/p95/p99 are exact. */
async function load(base, path, connections, headers = {}) {
  const latencies = [];
  const instance = autocannon({ url: base + path, connections, duration: SECONDS, headers, timeout: 10 });
  instance.on("response", (_client, _status, _bytes, time) => latencies.push(time));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (p) =>
    latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN;
  return {
    rps: result.requests.total / SECONDS,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    // Connection errors and timeouts, and answers that are not 2xx (a redirect counts: the bench asks for pages).
    errors: result.errors + result.non2xx,
  };
}

/** The floor (scripts/bench-floor.mjs) in a process of its own, on the same database. */
async function startFloor() {
  const child = fork(join(ROOT, "scripts/bench-floor.mjs"), [], {
    cwd: ROOT,
    env: { ...env, FLOOR_PORT: String(FLOOR_PORT) },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`the floor server stopped (${code})`)));
  });
  return child;
}

/**
 * Each page at each number of connections, on the app and on the floor, side by side: req/s, latency
 * percentiles, errors, and the app's share of the floor's req/s. A warm-up run of each (not reported) first.
 */
async function pageTable(pages, connectionCounts) {
  const width = Math.max(...pages.map((path) => path.length)) + 2;
  const head = `${"page".padEnd(width)} conns  app req/s   p50 ms   p95 ms   p99 ms  errors  floor req/s  floor p95  app/floor`;
  console.info(head);
  const rows = [];
  for (const path of pages) {
    for (const connections of connectionCounts) {
      await load(BASE, path, connections);
      const app = await load(BASE, path, connections);
      await load(FLOOR, path, connections);
      const floor = await load(FLOOR, path, connections);
      const ratio = floor.rps > 0 ? app.rps / floor.rps : NaN;
      rows.push({ path, connections, app, floor, ratio });
      console.info(
        `${path.padEnd(width)}${String(connections).padStart(6)}${app.rps.toFixed(0).padStart(11)}${app.p50.toFixed(0).padStart(9)}${app.p95.toFixed(0).padStart(9)}${app.p99.toFixed(0).padStart(9)}${String(app.errors).padStart(8)}${floor.rps.toFixed(0).padStart(13)}${floor.p95.toFixed(0).padStart(11)}${ratio.toFixed(2).padStart(11)}`,
      );
    }
  }
  return rows;
}

/**
 * First-load JavaScript of a page: the scripts its HTML loads (every <script src> but the noModule polyfills), each
 * compressed with gzip as a server would send it, summed. Chunks shared by pages count for every page, as a
 * first visit downloads them.
 */
const gzipped = new Map();
async function firstLoadJs(path, headers = {}) {
  const response = await fetch(BASE + path, { headers, redirect: "manual" });
  if (response.status !== 200) return { status: response.status };
  const html = await response.text();
  // Not the legacy polyfills (`noModule`): a browser that runs modules never downloads them.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((match) => !/\snomodule/i.test(match[0]));
  const sources = [...new Set(tags.map((match) => match[1].replaceAll("&amp;", "&")))];
  // What runs from the page itself: on a visitor's cached page the reading script (scripts/lib/reading-page.mjs);
  // on a page made by Next.js its bootstrap and the router's payload (the content again, as data).
  const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join("");
  let bytes = 0;
  let raw = 0;
  for (const source of sources) {
    if (!gzipped.has(source)) {
      const body = Buffer.from(await (await fetch(new URL(source, BASE))).arrayBuffer());
      gzipped.set(source, { raw: body.length, gzip: gzipSync(body).length });
    }
    bytes += gzipped.get(source).gzip;
    raw += gzipped.get(source).raw;
  }
  return {
    status: 200,
    scripts: sources.length,
    gzip: bytes,
    raw,
    inline: inline ? gzipSync(inline).length : 0,
    html: Buffer.byteLength(html),
  };
}

/** A session for the demo stakeholder, for pages that need one (the response form); removed after. */
async function withStakeholderSession(run) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const token = `bench-${process.pid}-${Date.now()}`;
  try {
    const { rows } = await client.query(`SELECT id FROM users WHERE email = $1`, ["stakeholder@demo.example.org"]);
    if (rows[0])
      await client.query(
        `INSERT INTO sessions (id, "sessionToken", "userId", expires) VALUES ($1, $1, $2, now() + interval '1 hour')`,
        [token, rows[0].id],
      );
    return await run({ cookie: `next-auth.session-token=${token}` });
  } finally {
    await client.query(`DELETE FROM sessions WHERE "sessionToken" = $1`, [token]).catch(() => undefined);
    await client.end();
  }
}

/**
 * The HTML a browser receives for three pages in each language: before, every page carried the whole English
 * catalog (measured at c340e8c); now only the namespaces its client components use
 * (components/i18n/client-messages.tsx).
 */
async function htmlSizes(call) {
  await withStakeholderSession(async (sessionHeaders) => {
    const before = { "/": 112_128, [`/calls/${call}`]: 138_043, [`/calls/${call}/respond`]: 125_071 };
    const locales = ["en", "ar", "es", "fr", "ru", "zh"];
    console.info(`\nHTML of a page in bytes ("before": English, the whole catalog on every page, c340e8c)`);
    console.info(`${"page".padEnd(44)}  before${locales.map((locale) => locale.padStart(8)).join("")}`);
    for (const path of Object.keys(before)) {
      const sizes = [];
      for (const locale of locales) {
        const address = locale === "en" ? path : `/${locale}${path === "/" ? "" : path}`;
        const response = await fetch(`${BASE}${address}`, {
          headers: path.endsWith("/respond") ? sessionHeaders : {},
          redirect: "manual",
        });
        const bytes = Buffer.byteLength(await response.text());
        sizes.push(response.status === 200 ? String(bytes) : `(${response.status})`);
      }
      console.info(`${path.padEnd(44)}${String(before[path]).padStart(8)}${sizes.map((size) => size.padStart(8)).join("")}`);
    }
  });
}

/** First-load JavaScript (gzip) and HTML bytes of the public reading pages and the response form. */
async function pageWeights(pages, form) {
  console.info(
    `\nFirst-load JavaScript (gzip, every <script src> of the page; inline: the page's own <script>s) and HTML, English`,
  );
  console.info(`${"page".padEnd(72)} scripts  JS gzip KB  JS raw KB  inline gzip KB  HTML KB`);
  const show = (path, weight) =>
    console.info(
      weight.status !== 200
        ? `${path.padEnd(72)} (${weight.status})`
        : `${path.padEnd(72)}${String(weight.scripts).padStart(8)}${(weight.gzip / 1024).toFixed(1).padStart(12)}${(weight.raw / 1024).toFixed(1).padStart(11)}${(weight.inline / 1024).toFixed(1).padStart(16)}${(weight.html / 1024).toFixed(1).padStart(9)}`,
    );
  for (const path of pages) show(path, await firstLoadJs(path));
  // Signed in, a page is made by Next.js for the person, with its scripts: the first reading page, and the form.
  await withStakeholderSession(async (headers) => {
    show(`${pages[0]} (signed in)`, await firstLoadJs(pages[0], headers));
    show(`${form} (signed in)`, await firstLoadJs(form, headers));
  });
}

let floor;
try {
  await waitForServer();
  floor = await startFloor();
  const call = "cybersecurity-norms-2026"; // the demo's open call (prisma/demo-content.ts)
  const pages = [
    "/",
    "/signin",
    "/api/auth/session",
    `/calls/${call}`,
    `/calls/${call}/responses`,
    `/calls/${call}/responses?q=security`,
    `/calls/${call}/participation`,
    "/messages/igf-2026-messages-security-safety-stability-and-resilience",
    `/api/v1/calls/${call}/responses?limit=50`,
  ];
  const version = JSON.parse(readFileSync(join(ROOT, "node_modules/next/package.json"), "utf8")).version;
  const rssBefore = serverRssMiB();
  if (!CROWD_ONLY) {
    console.info(`\nnext ${version}, ${SECONDS} s per run, loopback; floor: scripts/bench-floor.mjs (node:http + pg)\n`);
    await pageTable(pages, CONNECTIONS);
    console.info(
      `\nserver resident memory: ${rssBefore.toFixed(0)} MiB after start, ${serverRssMiB().toFixed(0)} MiB after the run`,
    );
    await pageWeights(
      pages.filter((path) => !path.startsWith("/api/") && path !== "/signin"),
      `/calls/${call}/respond`,
    );
    await htmlSizes(call);
  }
  // Last, as it adds responses (and removes them after): the deadline crowd (scripts/bench-crowd.mjs).
  const { deadlineCrowd } = await import("./bench-crowd.mjs");
  const readPaths = pages.filter((path) => !path.startsWith("/api/auth") && path !== "/signin");
  await deadlineCrowd({ base: BASE, databaseUrl: database.url, slug: call, readPaths, autocannon });
} finally {
  floor?.kill("SIGTERM");
  await stopAll();
}
