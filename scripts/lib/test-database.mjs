// The database tests run on, never the demo's nor an operator's: TEST_DATABASE_URL when set (CI: the
// machine's PostgreSQL), else an embedded PostgreSQL in .data/test-postgres.
//
// The guard: a test database's name contains "test", it is on this machine (a loopback address or a Unix
// socket), and the suite only empties a database it made itself. A database the suite creates carries
// TEST_DATABASE_MARKER as its comment. An existing database without the mark is taken over (marked) once,
// only when it is empty or already holds this app's migrations (a test database made by an earlier
// version of the suite); any other is refused with a sentence saying how to proceed.
import { existsSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkConnection, StartupError } from "./database.mjs";

export const TEST_DATA_DIR = ".data/test-postgres";
export const TEST_DATABASE_MARKER = "igf-consult test database: npm test empties it";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function parse(url) {
  try {
    return new URL(url);
  } catch {
    throw new StartupError("The test database's URL is not a PostgreSQL URL (postgresql://user@host:port/name).");
  }
}

const databaseName = (url) => decodeURIComponent(parse(url).pathname.slice(1));

/** The hosts a URL connects to, as node-postgres reads them (`?host=` wins; no host means PGHOST or localhost). */
export function databaseHosts(url) {
  const parsed = parse(url);
  const host = parsed.searchParams.get("host") ?? decodeURIComponent(parsed.hostname);
  return (host || process.env.PGHOST || "localhost").split(",").map((part) => part.trim());
}

/** 127.0.0.0/8, ::1, localhost, or a Unix socket folder (a path). */
export function isLoopbackHost(host) {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return (
    bare === "localhost" ||
    bare === "::1" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) ||
    (host.startsWith("/") && !host.includes(".."))
  );
}

/** The URL as it can be shown: no password. */
function shown(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/** Throws unless `url` names a test database ("test" in its name) on this machine. Looks nothing up. */
export function assertTestDatabase(url) {
  const name = databaseName(url);
  if (!/test/i.test(name)) {
    throw new StartupError(`Refusing to run tests on database "${name}": a test database's name contains "test".`);
  }
  const remote = databaseHosts(url).filter((host) => !isLoopbackHost(host));
  if (remote.length) {
    throw new StartupError(
      `Refusing to run tests on database "${name}" at ${remote.join(", ")}: the tests empty their database, so it ` +
        "must be on this machine (127.0.0.1, ::1, localhost or a Unix socket).",
    );
  }
}

const ourMigrations = () =>
  existsSync(join(ROOT, "prisma/migrations"))
    ? readdirSync(join(ROOT, "prisma/migrations"), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : [];

async function withClient(url, work) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function mark(client, name) {
  await client.query(`COMMENT ON DATABASE ${client.escapeIdentifier(name)} IS ${client.escapeLiteral(TEST_DATABASE_MARKER)}`);
}

/**
 * Makes sure the suite may empty the database at `url`: it passes assertTestDatabase and carries the mark,
 * or has no mark yet and is empty or holds this app's migrations (then it is marked now).
 * @returns {Promise<"marked" | "adopted">}
 */
export async function claimTestDatabase(url) {
  assertTestDatabase(url);
  const name = databaseName(url);
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()",
    );
    if (rows[0]?.comment === TEST_DATABASE_MARKER) return "marked";
    const {
      rows: [contents],
    } = await client.query(
      `SELECT count(*)::int AS relations,
              count(*) FILTER (WHERE n.nspname <> 'public')::int AS elsewhere,
              to_regclass('public._prisma_migrations') IS NOT NULL AS migrated
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`,
    );
    let ours = contents.relations === 0;
    if (!ours && contents.migrated && contents.elsewhere === 0) {
      const applied = await client.query("SELECT 1 FROM public._prisma_migrations WHERE migration_name = ANY($1) LIMIT 1", [
        ourMigrations(),
      ]);
      ours = applied.rowCount > 0;
    }
    if (!ours) {
      throw new StartupError(
        `Refusing to empty database "${name}": the tests only empty a database they made, and this one holds ` +
          "data that is not this app's and has no mark of the test suite. Point TEST_DATABASE_URL at a new " +
          `database name (npm test creates it), or, if "${name}" may be emptied, mark it: psql "${shown(url)}" ` +
          `-c "COMMENT ON DATABASE \\"${name}\\" IS '${TEST_DATABASE_MARKER}'"`,
      );
    }
    await mark(client, name);
    return "adopted";
  });
}

function adminUrlOf(url) {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  return adminUrl.toString();
}

/** Creates the database named in `url` (marked) if it does not exist yet (the server must be reachable). */
async function createIfMissing(url) {
  const name = databaseName(url);
  await withClient(adminUrlOf(url), async (admin) => {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    await mark(admin, name);
  });
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
  await claimTestDatabase(url);
  // The job queue's schema too (lib/jobs): its jobs name rows of the schema just dropped.
  await withClient(url, (client) =>
    client.query("DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"),
  );
  const { migrate } = await import("./database.mjs");
  await migrate(url, { quiet: true });
}

/**
 * How many Vitest workers (and database copies): IGF_TEST_WORKERS, else 2 even on 2 cores (a worker often
 * waits for PostgreSQL), at most 4 (each holds database connections).
 */
export function unitTestWorkers() {
  return Number(process.env.IGF_TEST_WORKERS) || Math.min(4, Math.max(2, availableParallelism()));
}

/** The URL of the `index`th copy of the test database at `url` (one per Vitest worker). */
export function workerDatabaseUrl(url, index) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(`${databaseName(url)}_w${index}`)}`;
  return parsed.toString();
}

/**
 * Fresh copies of the (migrated) test database at `url`, one per Vitest worker, made from it as a template:
 * an old copy is dropped first, only if the suite may empty it (claimTestDatabase). Nothing may be connected
 * to `url` meanwhile.
 * @returns {Promise<string[]>} their URLs
 */
export async function createWorkerDatabases(url, count) {
  assertTestDatabase(url);
  const urls = Array.from({ length: count }, (_, i) => workerDatabaseUrl(url, i + 1));
  for (const copy of urls) {
    const name = databaseName(copy);
    const exists = await withClient(adminUrlOf(url), async (admin) => {
      const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      return rowCount > 0;
    });
    if (exists) await claimTestDatabase(copy);
    await withClient(adminUrlOf(url), async (admin) => {
      if (exists) await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(databaseName(url))}`);
      await mark(admin, name);
    });
  }
  return urls;
}

/** Drops the worker copies made by createWorkerDatabases (marked ones only). */
export async function dropWorkerDatabases(urls) {
  for (const copy of urls) {
    assertTestDatabase(copy);
    const name = databaseName(copy);
    await withClient(adminUrlOf(copy), async (admin) => {
      const { rows } = await admin.query(
        "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
        [name],
      );
      if (rows[0]?.comment === TEST_DATABASE_MARKER) {
        await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      }
    });
  }
}
