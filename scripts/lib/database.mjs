// Where the database is: DATABASE_URL when set (checked, with one clear line if it does not work),
// otherwise the embedded PostgreSQL. Shared by the start, seed, migrate and test scripts.
import { spawnSync } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export class StartupError extends Error {}

function describe(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(not a URL)";
  }
}

/** Connects once to check a URL; throws a StartupError with one line saying what to fix. */
export async function checkConnection(url, name = "DATABASE_URL") {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    // Only the scheme is echoed: the rest may hold a password.
    const scheme = url.match(/^[a-z][a-z0-9+.-]*:/i)?.[0] ?? "no scheme";
    throw new StartupError(`${name} must start with postgresql:// (got "${scheme}").`);
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error.code ? `${error.code}: ${error.message}` : error.message;
    throw new StartupError(
      `${name} does not work (${describe(url)}: ${reason}). Fix it, or unset it to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * @returns {Promise<{ url: string, embedded: boolean, stop: () => Promise<void> }>}
 */
export async function resolveDatabase({ dataDir, database } = {}) {
  if (process.env.DATABASE_URL) {
    await checkConnection(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const { ensureEmbeddedDatabase } = await import("./embedded-db.mjs");
  let server;
  try {
    server = await ensureEmbeddedDatabase({ dataDir, database });
  } catch (error) {
    // Its message already says what failed and where the log is: one line, no stack.
    throw new StartupError(error?.message ?? String(error));
  }
  if (server.reused) console.info("Embedded PostgreSQL already running on this data folder: reusing it.");
  return { url: server.url, embedded: true, stop: server.stop };
}

/** True when no account exists yet: a database that has never been used (or seeded). */
export async function isEmpty(url) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT NOT EXISTS (SELECT 1 FROM users) AS empty");
    return rows[0].empty;
  } finally {
    await client.end();
  }
}

const migrationNames = () =>
  readdirSync(join(ROOT, "prisma/migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, "prisma/migrations", entry.name, "migration.sql")))
    .map((entry) => entry.name);

/** `prisma migrate deploy`, then a check that every migration really is applied. */
export async function migrate(url, { quiet = false } = {}) {
  const result = spawnSync(join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (!quiet || result.status !== 0) process.stdout.write(result.stdout ?? "");
  if (result.status !== 0) {
    process.stderr.write(result.stderr ?? "");
    throw new StartupError(`Database migration failed (prisma migrate deploy exited ${result.status}).`);
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    const missing = migrationNames().filter((name) => !applied.has(name));
    if (missing.length) throw new StartupError(`Migrations not applied: ${missing.join(", ")}.`);
  } finally {
    await client.end();
  }
}
