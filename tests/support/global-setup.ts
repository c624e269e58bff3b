// Vitest global setup: a migrated test database. `npm test` prepares it and passes it in IGF_TEST_DATABASE_URL;
// run alone (`npx vitest`), this prepares it the same way.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "../../scripts/lib/database.mjs";
import { assertTestDatabase, resolveTestDatabase } from "../../scripts/lib/test-database.mjs";

export default async function setup() {
  // Mail the tests cause (sign-in links, the email queue drained in the background) goes to a folder of the
  // run's own, never to the demo's .data/outbox.
  const outbox = process.env.OUTBOX_DIR ? null : mkdtempSync(join(tmpdir(), "igf-test-outbox-"));
  if (outbox) process.env.OUTBOX_DIR = outbox;
  const removeOutbox = () => outbox && rmSync(outbox, { recursive: true, force: true });
  if (process.env.IGF_TEST_DATABASE_URL) {
    assertTestDatabase(process.env.IGF_TEST_DATABASE_URL);
    process.env.DATABASE_URL = process.env.IGF_TEST_DATABASE_URL;
    return removeOutbox;
  }
  const database = await resolveTestDatabase();
  await migrate(database.url, { quiet: true });
  process.env.DATABASE_URL = database.url;
  process.env.IGF_TEST_DATABASE_URL = database.url;
  return async () => {
    removeOutbox();
    await database.stop();
  };
}
