#!/usr/bin/env node
// `npm test`: installs what the tests need, then lint, type-check, unit and integration tests (Vitest, on a
// real PostgreSQL) and the browser tests (Playwright, Chromium). The database is TEST_DATABASE_URL when set,
// else an embedded PostgreSQL in .data/test-postgres; the demo data in .data/postgres is never touched.
// Extra arguments go to Playwright, e.g. `npm test -- tests/e2e/sign-in.spec.ts`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const started = Date.now();
const bin = (name) => join(ROOT, "node_modules/.bin", name);
const cache = (name) => join(ROOT, "node_modules/.cache", name);
const step = (title) => console.info(`\n[test] ${title} (${Math.round((Date.now() - started) / 1000)} s)`);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  return result.status === 0;
}

/** Runs a command with its output held back, then printed in one piece: for steps that run side by side. */
function runQuietly(command, args, env = process.env) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code) => done({ ok: code === 0, output: Buffer.concat(output).toString() }));
  });
}

/** Runs steps side by side (2 cores: each of these is single-threaded); reports each as it ends. */
async function together(steps) {
  const results = await Promise.all(
    steps.map(async ({ title, commands }) => {
      const begun = Date.now();
      for (const [command, args, failure] of commands) {
        const { ok, output } = await runQuietly(command, args);
        if (output.trim() || !ok) process.stdout.write(output);
        if (!ok) {
          console.error(`[test] ${failure} failed.`);
          return false;
        }
      }
      console.info(`[test] ${title} passed in ${Math.round((Date.now() - begun) / 1000)} s`);
      return true;
    }),
  );
  return results.every(Boolean);
}

function must(ok, what) {
  if (!ok) {
    console.error(`[test] ${what} failed.`);
    process.exit(1);
  }
}

// 1. Dependencies: npm ci when node_modules is missing or older than the lockfile; a browser for Playwright.
const marker = join(ROOT, "node_modules/.package-lock.json");
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(join(ROOT, "package-lock.json")).mtimeMs) {
  step("Installing dependencies (npm ci)");
  must(run("npm", ["ci", "--no-audit", "--no-fund"], { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" }), "npm ci");
}
const { chromiumPath, hasHeadlessShell } = await import("./lib/browser.mjs");
const asRoot = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
const aptInstall = (packages) =>
  run("apt-get", ["install", "-y", "--no-install-recommends", ...packages]) ||
  (run("apt-get", ["update"]) && run("apt-get", ["install", "-y", "--no-install-recommends", ...packages]));
if (asRoot && !process.env.CHROMIUM_PATH && !hasHeadlessShell()) {
  // The headless shell makes the browser tests 40% faster than the full browser; without it they still run.
  step("Installing Debian's chromium-headless-shell for the end-to-end tests");
  if (!aptInstall(["chromium-headless-shell"])) console.warn("[test] chromium-headless-shell not installed; using Chromium.");
}
if (!(await chromiumPath())) {
  step("Installing a browser for the end-to-end tests");
  const installed = asRoot ? aptInstall(["chromium"]) : run(bin("playwright"), ["install", "chromium"]);
  must(installed && (await chromiumPath()), "Installing Chromium (Debian: apt-get install chromium-headless-shell)");
}

// 2. Static checks: lint beside format then types (each is single-threaded, so two cores run two at once).
step("Lint, format (Prettier) and type-check, side by side");
const checked = await together([
  // Each keeps a cache in node_modules/.cache (by file content), so a second run checks only what changed.
  {
    title: "Lint",
    commands: [[bin("eslint"), ["--cache", "--cache-strategy", "content", "--cache-location", cache("eslint/"), "."], "Lint"]],
  },
  {
    title: "Format and type-check",
    commands: [
      [bin("prettier"), ["--check", "--cache", "--log-level", "warn", "."], "Format check (run `npm run format`)"],
      [bin("tsc"), ["--noEmit", "--incremental", "--tsBuildInfoFile", cache("tsc/tsbuildinfo")], "Type-check"],
    ],
  },
]);
must(checked, "Static checks");

// 3. The test database.
const { StartupError } = await import("./lib/database.mjs");
const { createWorkerDatabases, dropWorkerDatabases, resetTestDatabase, resolveTestDatabase, unitTestWorkers } =
  await import("./lib/test-database.mjs");
let database;
let copies = [];
try {
  database = await resolveTestDatabase();
  await resetTestDatabase(database.url);
  // One copy per Vitest worker, made now: the build beside the unit tests must not hold the template open.
  copies = await createWorkerDatabases(database.url, unitTestWorkers());
} catch (error) {
  console.error(`[test] ${error instanceof StartupError ? error.message : (error?.stack ?? error)}`);
  await database?.stop();
  process.exit(1);
}
// The browser tests use a build folder of their own, so a running `npm start` (serving .next) is untouched.
const env = {
  ...process.env,
  IGF_TEST_DATABASE_URL: database.url,
  IGF_TEST_WORKER_DATABASES: JSON.stringify(copies),
  DATABASE_URL: database.url,
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
  // Type-checked above by tsc: the build does not do it a second time.
  NEXT_SKIP_TYPECHECK: "1",
};

// 4. Unit and integration tests, and beside them the build for the browser tests (the unit tests often wait
// for PostgreSQL; the build fills the gaps). IGF_TEST_SEQUENTIAL=1 runs them one after the other.
const runAsync = (command, args, env) =>
  new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env });
    child.on("error", () => done(false));
    child.on("close", (code) => done(code === 0));
  });
let unit, built;
if (process.env.IGF_TEST_SEQUENTIAL === "1") {
  step("Unit and integration tests (Vitest)");
  unit = run(bin("vitest"), ["run"], env);
  step("Build for the end-to-end tests");
  built = unit && run(bin("next"), ["build"], env);
} else {
  step("Unit and integration tests (Vitest), with the build for the end-to-end tests beside them");
  const building = runQuietly(bin("next"), ["build"], env).then(({ ok, output }) => {
    step(`Build for the end-to-end tests ${ok ? "done" : "failed"}; its output:`);
    process.stdout.write(output);
    return ok;
  });
  unit = await runAsync(bin("vitest"), ["run"], env);
  step(`Unit and integration tests ${unit ? "passed" : "failed"}`);
  built = (await building) && unit;
}
// The browser tests start from an empty, migrated database (their global setup adds the demo). The unit
// tests ran on copies of it (one per worker), so it is still empty; it is emptied again if not.
let emptied = built;
if (built) {
  const { isEmpty } = await import("./lib/database.mjs");
  const empty = await isEmpty(database.url).catch(() => false);
  if (!empty) {
    step("Emptying the test database for the end-to-end tests");
    emptied = await resetTestDatabase(database.url).then(
      () => true,
      (error) => (console.error(`[test] ${error?.message ?? error}`), false),
    );
  }
}
step("End-to-end tests (Playwright)");
const e2e = emptied && run(bin("playwright"), ["test", ...process.argv.slice(2)], env);

await dropWorkerDatabases(copies).catch((error) => console.error(`[test] ${error?.message ?? error}`));
await database.stop();
const seconds = Math.round((Date.now() - started) / 1000);
console.info(`\n[test] ${unit && e2e ? "All tests passed" : "Tests failed"} in ${seconds} s.`);
process.exit(unit && e2e ? 0 : 1);
