#!/usr/bin/env node
// `npm test`: installs what the tests need, then lint, type-check, unit and integration tests (Vitest, on a
// real PostgreSQL) and the browser tests (Playwright, Chromium). The database is TEST_DATABASE_URL when set,
// else an embedded PostgreSQL in .data/test-postgres; the demo data in .data/postgres is never touched.
// Extra arguments go to Playwright, e.g. `npm test -- tests/e2e/sign-in.spec.ts`.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const started = Date.now();
const bin = (name) => join(ROOT, "node_modules/.bin", name);
const step = (title) => console.info(`\n[test] ${title} (${Math.round((Date.now() - started) / 1000)} s)`);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  return result.status === 0;
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
const { chromiumPath } = await import("./lib/browser.mjs");
if (!(await chromiumPath())) {
  step("Installing a browser for the end-to-end tests");
  const asRoot = process.getuid?.() === 0;
  const installed =
    asRoot && existsSync("/usr/bin/apt-get")
      ? run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"]) ||
        (run("apt-get", ["update"]) && run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"]))
      : run(bin("playwright"), ["install", "chromium"]);
  must(installed && (await chromiumPath()), "Installing Chromium (Debian: apt-get install chromium)");
}

// 2. Static checks: lint, format, types.
step("Lint");
must(run(bin("eslint"), ["."]), "Lint");
step("Format (Prettier)");
must(run(bin("prettier"), ["--check", "--log-level", "warn", "."]), "Format check (run `npm run format`)");
step("Type-check");
must(run(bin("tsc"), ["--noEmit"]), "Type-check");

// 3. The test database.
const { StartupError } = await import("./lib/database.mjs");
const { resetTestDatabase, resolveTestDatabase } = await import("./lib/test-database.mjs");
let database;
try {
  database = await resolveTestDatabase();
  await resetTestDatabase(database.url);
} catch (error) {
  console.error(`[test] ${error instanceof StartupError ? error.message : (error?.stack ?? error)}`);
  await database?.stop();
  process.exit(1);
}
// The browser tests use a build folder of their own, so a running `npm start` (serving .next) is untouched.
const env = {
  ...process.env,
  IGF_TEST_DATABASE_URL: database.url,
  DATABASE_URL: database.url,
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
  // Type-checked above by tsc: the build does not do it a second time.
  NEXT_SKIP_TYPECHECK: "1",
};

// 4. Unit and integration tests, then the browser tests.
step("Unit and integration tests (Vitest)");
const unit = run(bin("vitest"), ["run"], env);
step("Build for the end-to-end tests");
const built = unit && run(bin("next"), ["build"], env);
// The browser tests start from an empty, migrated database (their global setup adds the demo).
let emptied = built;
if (built) {
  step("Emptying the test database for the end-to-end tests");
  emptied = await resetTestDatabase(database.url).then(
    () => true,
    (error) => (console.error(`[test] ${error?.message ?? error}`), false),
  );
}
step("End-to-end tests (Playwright)");
const e2e = emptied && run(bin("playwright"), ["test", ...process.argv.slice(2)], env);

await database.stop();
const seconds = Math.round((Date.now() - started) / 1000);
console.info(`\n[test] ${unit && e2e ? "All tests passed" : "Tests failed"} in ${seconds} s.`);
process.exit(unit && e2e ? 0 : 1);
