// The database tests run on, never the demo's nor an operator's: TEST_DATABASE_URL when set (CI: the
// machine's PostgreSQL), else an embedded PostgreSQL in .data/test-postgres. Its name must say "test".
import { checkConnection, StartupError } from "./database.mjs";

export const TEST_DATA_DIR = ".data/test-postgres";

export function assertTestDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  if (!/test/i.test(name)) {
    throw new StartupError(`Refusing to run tests on database "${name}": a test database's name contains "test".`);
  }
}

/** Creates the database named in `url` if it does not exist yet (the server must be reachable). */
async function createIfMissing(url) {
  const { default: pg } = await import("pg");
  const name = new URL(url).pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}

/** @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
export async function resolveTestDatabase() {
  if (process.env.TEST_DATABASE_URL) {
    const url = process.env.TEST_DATABASE_URL;
    assertTestDatabase(url);
    await createIfMissing(url).catch(() => {}); // checkConnection below says what is wrong, if anything
    await checkConnection(url, "TEST_DATABASE_URL");
    return { url, stop: async () => {} };
  }
  const { ensureEmbeddedDatabase } = await import("./embedded-db.mjs");
  const server = await ensureEmbeddedDatabase({ dataDir: TEST_DATA_DIR, database: "igf_test" });
  return { url: server.url, stop: server.stop };
}

/**
 * Empties the test database (its `public` schema dropped and made again, the job queue's `pgboss` dropped)
 * and migrates it. `npm test` does this
 * before the unit tests and again before the browser tests, so each suite starts from the same state and the
 * browser tests see the demo and their own rows only, not the hundreds of calls the unit tests leave.
 */
export async function resetTestDatabase(url) {
  assertTestDatabase(url);
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The job queue's schema too (lib/jobs): its jobs name rows of the schema just dropped.
    await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
  const { migrate } = await import("./database.mjs");
  await migrate(url, { quiet: true });
}
