// Vitest global setup: a migrated test database. `npm test` prepares it and passes it in IGF_TEST_DATABASE_URL;
// run alone (`npx vitest`), this prepares it the same way. Then one copy of it per worker (CREATE DATABASE
// ... TEMPLATE, about a second each), so test files run in parallel, each worker on a database of its own as
// if the files ran one after another (tests/support/worker-database.ts picks the worker's copy).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../scripts/lib/database.mjs";
import {
  claimTestDatabase,
  createWorkerDatabases,
  dropWorkerDatabases,
  resolveTestDatabase,
} from "../../scripts/lib/test-database.mjs";

export default async function setup(project: TestProject) {
  // Mail the tests cause (sign-in links, the email queue drained in the background) goes to a folder of the
  // run's own, never to the demo's .data/outbox.
  const outbox = process.env.OUTBOX_DIR ? null : mkdtempSync(join(tmpdir(), "igf-test-outbox-"));
  if (outbox) process.env.OUTBOX_DIR = outbox;
  const removeOutbox = () => outbox && rmSync(outbox, { recursive: true, force: true });
  let stop = async () => {};
  if (process.env.IGF_TEST_DATABASE_URL) {
    await claimTestDatabase(process.env.IGF_TEST_DATABASE_URL);
  } else {
    const database = await resolveTestDatabase();
    stop = database.stop;
    await claimTestDatabase(database.url);
    await migrate(database.url, { quiet: true });
    process.env.IGF_TEST_DATABASE_URL = database.url;
  }
  const template = process.env.IGF_TEST_DATABASE_URL;
  process.env.DATABASE_URL = template;
  // `npm test` makes the copies before it starts the build beside the tests (nothing may use the template
  // while it is copied), and drops them itself.
  const given = process.env.IGF_TEST_WORKER_DATABASES;
  const workers = given
    ? (JSON.parse(given) as string[])
    : await createWorkerDatabases(template, Math.max(1, project.config.maxWorkers));
  if (given) for (const copy of workers) await claimTestDatabase(copy);
  process.env.IGF_TEST_WORKER_DATABASES = JSON.stringify(workers);
  return async () => {
    removeOutbox();
    if (!given) await dropWorkerDatabases(workers);
    await stop();
  };
}
