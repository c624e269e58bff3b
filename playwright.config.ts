import { existsSync } from "node:fs";
import { register } from "node:module";
import { defineConfig, devices } from "@playwright/test";
import { DEBIAN_BROWSERS } from "./scripts/lib/browser.mjs";

// The tests import app modules that import JSON catalogs without an import attribute (tests/support/json-modules.mjs).
register("./tests/support/json-modules.mjs", import.meta.url);

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;
const MAIL_SMTP_PORT = Number(process.env.MAIL_SMTP_PORT ?? 2525);
const MAIL_HTTP_PORT = Number(process.env.MAIL_HTTP_PORT ?? 2526);
const WORKER_HEALTH_PORT = Number(process.env.E2E_WORKER_PORT ?? PORT + 1000);
export const MAIL_HTTP = `http://127.0.0.1:${MAIL_HTTP_PORT}`;

// The browser (scripts/lib/browser.mjs): CHROMIUM_PATH, else Debian's headless shell (a third lighter than the
// full browser run headless: the suite takes 40% less time), else Debian's Chromium, else Playwright's own.
const executablePath = [process.env.CHROMIUM_PATH, ...DEBIAN_BROWSERS].find((path) => path && existsSync(path));

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two browsers beside the server on 2 cores; E2E_WORKERS to try another number.
  workers: Number(process.env.E2E_WORKERS) || 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: BASE_URL,
    // Run by hand, a failed test keeps its trace (DOM snapshots, network, console; screenshots are left out, 8% of
    // the time). In CI, where the output is what is read, no trace is recorded: recording one for every test was a
    // seventh of the suite's time on 2 cores (4.9 -> 4.2 min). E2E_TRACE=1 records them there too.
    trace: process.env.CI && process.env.E2E_TRACE !== "1" ? "off" : { mode: "retain-on-failure", screenshots: false },
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // The authorization matrix creates two forums, seven people and a published call or more for each of its
  // hundred entries: run beside the other tests, it would make every forum list they read (the moderation
  // home, the home page) hundreds of rows long. So it runs after them.
  projects: [
    { name: "browser", testIgnore: /authorization-matrix\.spec\.ts/ },
    { name: "authorization matrix", testMatch: /authorization-matrix\.spec\.ts/, dependencies: ["browser"] },
  ],
  webServer: [
    {
      command: "node tests/support/mail-catcher.mjs",
      env: { MAIL_SMTP_PORT: String(MAIL_SMTP_PORT), MAIL_HTTP_PORT: String(MAIL_HTTP_PORT) },
      url: `${MAIL_HTTP}/health`,
      reuseExistingServer: false,
    },
    {
      // `npm test` builds first; scripts/serve.mjs serves that build as `npm start` does (Next.js behind the cache
      // of whole public pages) on the test database. E2E_PORT, the MAIL_* ports and NEXT_DIST_DIR let several runs
      // share a machine.
      command: `node scripts/serve.mjs -p ${PORT}`,
      url: BASE_URL,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: process.env.IGF_TEST_DATABASE_URL ?? "",
        NEXTAUTH_URL: BASE_URL,
        NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
        MAIL_FROM: "IGF Consultations <no-reply@example.org>",
      },
    },
    {
      // The worker (lib/jobs) sends the queued mail, as `npm start` runs it beside the app; it polls every
      // half second, so queued mail arrives while a test waits.
      command: "node --import tsx --import ./scripts/lib/server-only.mjs scripts/worker.ts",
      url: `http://127.0.0.1:${WORKER_HEALTH_PORT}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        DATABASE_URL: process.env.IGF_TEST_DATABASE_URL ?? "",
        NEXTAUTH_URL: BASE_URL,
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
        MAIL_FROM: "IGF Consultations <no-reply@example.org>",
        WORKER_POLL_SECONDS: "0.5",
        WORKER_HEALTH_PORT: String(WORKER_HEALTH_PORT),
      },
    },
  ],
});
