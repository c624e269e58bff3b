#!/usr/bin/env node
// `npm run bench`: measured figures, never asserted in tests. Serves the production build on a database of
// its own (BENCH_DATABASE_URL, else an embedded PostgreSQL in .data/bench-postgres) filled with the demo,
// then loads each page from loopback with a fixed number of concurrent clients for a fixed time, and prints
// requests per second, latency percentiles and the server's memory. Options: --seconds N, --clients N.
// Before the pages, the export bench streams large calls through lib/exports and prints its peak memory.
// First of all it times near-duplicate clustering (scripts/bench-clustering.ts); `-- clustering` runs only that.
// Then the version diff and the final messages' PDF and Markdown (scripts/bench-messages.ts; `-- messages`).
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = option("seconds", 10);
const CLIENTS = option("clients", 10);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
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
step("tsx", ["scripts/bench-clustering.ts"]);
if (process.argv.includes("clustering")) {
  await database.stop();
  process.exit(0);
}
// The version diff and the final PDF/Markdown (scripts/bench-messages.ts); `-- messages` runs only this.
const messagesBench = ["--import", "tsx", "--import", "./scripts/lib/server-only.mjs", "scripts/bench-messages.ts"];
if (spawnSync(process.execPath, messagesBench, { cwd: ROOT, env, stdio: "inherit" }).status !== 0) {
  throw new Error("scripts/bench-messages.ts failed");
}
if (process.argv.includes("messages")) {
  await database.stop();
  process.exit(0);
}
step("tsx", ["prisma/seed.ts"]);
// Exports of 10,000 and 100,000 responses in constant memory (scripts/bench-exports.ts, which also runs alone).
const exportsBench = ["--expose-gc", "--conditions=react-server", "--import", "tsx", "scripts/bench-exports.ts"];
if (spawnSync(process.execPath, exportsBench, { cwd: ROOT, env, stdio: "inherit" }).status !== 0) {
  throw new Error("scripts/bench-exports.ts failed");
}
console.info("Building…");
step("next", ["build"]);

const server = spawn(join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], {
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

async function load(path) {
  const latencies = [];
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  const client = async () => {
    while (Date.now() < end) {
      const started = performance.now();
      try {
        const response = await fetch(BASE + path);
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  return { path, rps: (latencies.length / SECONDS).toFixed(0), p50: at(50), p95: at(95), p99: at(99), errors };
}

/**
 * The HTML a browser receives for three pages, and how much of it is the catalog: before, every page carried
 * the whole English catalog (measured at c340e8c); now only the namespaces its client components use
 * (components/i18n/client-messages.tsx). The response form needs a session: one is made for the demo
 * stakeholder, and removed after.
 */
async function htmlSizes(call) {
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
    // English before (one language only then); each language now, at its own address (/fr/…).
    const before = { "/": 112_128, [`/calls/${call}`]: 138_043, [`/calls/${call}/respond`]: 125_071 };
    const locales = ["en", "ar", "es", "fr", "ru", "zh"];
    console.info(`\nHTML of a page in bytes ("before": English, the whole catalog on every page, c340e8c)`);
    console.info(`${"page".padEnd(44)}  before${locales.map((locale) => locale.padStart(8)).join("")}`);
    for (const path of Object.keys(before)) {
      const sizes = [];
      for (const locale of locales) {
        const address = locale === "en" ? path : `/${locale}${path === "/" ? "" : path}`;
        const response = await fetch(`${BASE}${address}`, {
          headers: path.endsWith("/respond") ? { cookie: `next-auth.session-token=${token}` } : {},
          redirect: "manual",
        });
        const bytes = Buffer.byteLength(await response.text());
        sizes.push(response.status === 200 ? String(bytes) : `(${response.status})`);
      }
      console.info(`${path.padEnd(44)}${String(before[path]).padStart(8)}${sizes.map((size) => size.padStart(8)).join("")}`);
    }
  } finally {
    await client.query(`DELETE FROM sessions WHERE "sessionToken" = $1`, [token]).catch(() => undefined);
    await client.end();
  }
}

try {
  await waitForServer();
  const call = "cybersecurity-norms-2026"; // the demo's open call (prisma/demo-content.ts)
  const pages = [
    "/",
    "/signin",
    "/api/auth/session",
    `/calls/${call}`,
    `/calls/${call}/responses`,
    `/calls/${call}/participation`,
    "/messages/igf-2026-messages-security-safety-stability-and-resilience",
    `/api/v1/calls/${call}/responses?limit=50`,
  ];
  const version = JSON.parse(readFileSync(join(ROOT, "node_modules/next/package.json"), "utf8")).version;
  console.info(`\nnext ${version}, ${CLIENTS} clients, ${SECONDS} s per page, loopback\n`);
  const width = Math.max(...pages.map((path) => path.length)) + 2;
  console.info(`${"page".padEnd(width)}  req/s   p50 ms   p95 ms   p99 ms   errors`);
  for (const path of pages) {
    await load(path); // warm-up round, not reported
    const r = await load(path);
    console.info(
      `${r.path.padEnd(width)}${r.rps.padStart(7)} ${r.p50.padStart(8)} ${r.p95.padStart(8)} ${r.p99.padStart(8)} ${String(r.errors).padStart(8)}`,
    );
  }
  console.info(`\nserver resident memory after the run: ${serverRssMiB().toFixed(0)} MiB`);
  await htmlSizes(call);
} finally {
  await stopAll();
}
