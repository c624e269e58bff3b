#!/usr/bin/env node
// `npm start`: the one command that installs what is missing, prepares the database (the embedded
// PostgreSQL unless DATABASE_URL is set: created, migrated and filled with the demo on first run), builds
// the app if its sources changed, and serves it on http://localhost:3000 (PORT to change), with one worker
// beside it for the background jobs (emails, notification fan-out, the final PDF, cleanup: lib/jobs).
// `npm run dev` does the same with `next dev`. Ctrl-C (or SIGTERM) stops the app, then the worker (which
// finishes its jobs in flight), then the embedded database. START_WORKER=0 runs no worker (run them yourself).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const say = (line) => console.info(`[start] ${line}`);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`[start] ${command} ${args.join(" ")} failed (exit ${result.status}).`);
    process.exit(1);
  }
}

/** npm ci when node_modules is missing or older than the lockfile. */
function ensureDependencies() {
  const marker = join(ROOT, "node_modules/.package-lock.json");
  const lock = join(ROOT, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say("Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"], { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" });
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** next build, unless the last build is newer than every source it was made from. */
function ensureBuild() {
  const buildId = join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "proxy.ts", "next.config.js", "package-lock.json", "tsconfig.json"];
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (built && sources.every((source) => newestMtime(join(ROOT, source)) <= built)) return;
  say("Building the app (next build)…");
  run(join(ROOT, "node_modules/.bin/next"), ["build"]);
}

function portIsFree(candidate) {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once("error", () => resolvePort(false));
    server.listen({ port: candidate }, () => server.close(() => resolvePort(true)));
  });
}

/** A stable secret for the demo, kept in .data (never committed). Production sets NEXTAUTH_SECRET. */
function authSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(ROOT, ".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

ensureDependencies();
if (!(await portIsFree(port))) {
  console.error(`[start] Port ${port} is already in use (is the app already running?). Stop it, or set PORT.`);
  process.exit(1);
}
const { resolveDatabase, migrate, isEmpty, StartupError } = await import("./lib/database.mjs");
let database;
try {
  database = await resolveDatabase();
  say(database.embedded ? "Embedded PostgreSQL is running (data in .data/postgres)." : "Using DATABASE_URL.");
  await migrate(database.url, { quiet: true });
  if (database.embedded && (await isEmpty(database.url))) {
    say("New database: adding the demo consultation…");
    run(join(ROOT, "node_modules/.bin/tsx"), ["prisma/seed.ts"], { ...process.env, DATABASE_URL: database.url });
  }
} catch (error) {
  console.error(`[start] ${error instanceof StartupError ? error.message : (error?.stack ?? error)}`);
  await database?.stop();
  process.exit(1);
}
if (!dev) ensureBuild();

const env = {
  ...process.env,
  DATABASE_URL: database.url,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: authSecret(),
};
const { nextArgs } = await import("./lib/next-args.mjs");
// `next dev` for development; in production scripts/serve.mjs (Next.js behind the cache of whole public pages),
// with the same options as `next start`.
const [, ...serveArgs] = nextArgs({ dev, port, host: process.env.HOST });
const next = dev
  ? spawn(join(ROOT, "node_modules/.bin/next"), ["dev", ...serveArgs], { cwd: ROOT, stdio: "inherit", env })
  : spawn(process.execPath, [join(ROOT, "scripts/serve.mjs"), ...serveArgs], { cwd: ROOT, stdio: "inherit", env });
const worker =
  process.env.START_WORKER === "0"
    ? null
    : spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/lib/server-only.mjs", "scripts/worker.ts"], {
        cwd: ROOT,
        stdio: "inherit",
        env,
      });
say(`Serving on http://localhost:${port}${worker ? " with a worker" : ""} — press Ctrl-C to stop.`);

const running = (child) => child && child.exitCode === null && child.signalCode === null;
/** SIGTERM, then wait for the exit (SIGKILL after `ms`). */
function stopChild(child, ms) {
  if (!running(child)) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill("SIGTERM");
  });
}

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  // The app first (no new requests, so no new jobs), then the worker (it finishes what is in flight).
  await stopChild(next, 15_000);
  await stopChild(worker, 40_000);
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));
process.on("exit", () => {
  for (const child of [next, worker]) if (running(child)) child.kill("SIGKILL");
});
next.on("exit", (code) => shutdown(stopping ? 0 : (code ?? 1)));
worker?.on("exit", (code) => {
  if (!stopping) {
    console.error(`[start] The worker stopped (exit ${code}); stopping the app.`);
    shutdown(code || 1);
  }
});
