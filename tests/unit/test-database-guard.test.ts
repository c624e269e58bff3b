// The test database guard (scripts/lib/test-database.mjs): tests run only on a database named "test", on
// this machine, and the suite empties only a database it made (its mark) or one it may take over (empty,
// or holding this app's migrations). Checked against real databases on the test server.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  assertTestDatabase,
  claimTestDatabase,
  createWorkerDatabases,
  dropWorkerDatabases,
  resetTestDatabase,
  TEST_DATABASE_MARKER,
  workerDatabaseUrl,
} from "@/scripts/lib/test-database.mjs";

const at = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};
const server = at(process.env.DATABASE_URL!, "postgres");
const made: string[] = [];

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A new database on the test server, not marked, with `sql` run in it. */
async function database(sql = "") {
  const name = `igf_test_guard_${randomBytes(4).toString("hex")}`;
  await query(server, `CREATE DATABASE "${name}"`);
  made.push(name);
  const url = at(server, name);
  if (sql) await query(url, sql);
  return { name, url };
}

const commentOf = async (name: string) =>
  (await query(server, "SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = $1", [name])).rows[0]
    ?.c ?? null;
const tablesOf = async (url: string) =>
  (await query(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.tablename);
const exists = async (name: string) =>
  (await query(server, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;

afterAll(async () => {
  for (const name of made) await query(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("which URLs the tests may use", () => {
  it.each([
    "postgresql://postgres@127.0.0.1:5432/igf_test",
    "postgresql://postgres@127.0.0.2/igf_test",
    "postgresql://postgres@localhost/my_test_db",
    "postgresql://postgres@[::1]:5432/igf_test",
    "postgresql:///igf_test?host=/var/run/postgresql",
    "postgresql://postgres@%2Fvar%2Frun%2Fpostgresql/igf_test",
  ])("accepts %s", (url) => {
    expect(() => assertTestDatabase(url)).not.toThrow();
  });

  it.each([
    ["postgresql://postgres@127.0.0.1:5432/igf", /name contains "test"/],
    ["postgresql://postgres@db.example.org:5432/igf_test", /at db\.example\.org: .* must be on this machine/],
    ["postgresql://postgres@10.0.0.5/igf_test", /at 10\.0\.0\.5: /],
    ["postgresql://postgres@localhost.example.org/igf_test", /at localhost\.example\.org: /],
    ["postgresql://postgres@127.0.0.1/igf_test?host=db.example.org", /at db\.example\.org: /],
    ["postgresql:///igf_test?host=127.0.0.1,db.example.org", /at db\.example\.org: /],
    ["not a url_test", /is not a PostgreSQL URL/],
  ])("refuses %s", (url, message) => {
    expect(() => assertTestDatabase(url)).toThrow(message);
  });
});

describe("which databases the suite may empty", () => {
  it("takes over an empty database once: it is marked, then recognised by its mark", async () => {
    const { name, url } = await database();
    expect(await commentOf(name)).toBeNull();
    await expect(claimTestDatabase(url)).resolves.toBe("adopted");
    expect(await commentOf(name)).toBe(TEST_DATABASE_MARKER);
    await query(url, "CREATE TABLE anything (x int)");
    await expect(claimTestDatabase(url)).resolves.toBe("marked");
  });

  it("takes over a database holding this app's migrations (made by an earlier suite)", async () => {
    const { name, url } = await database(
      "CREATE TABLE _prisma_migrations (migration_name text); CREATE TABLE users (id text);" +
        "INSERT INTO _prisma_migrations VALUES ('20261123113542_init')",
    );
    await expect(claimTestDatabase(url)).resolves.toBe("adopted");
    expect(await commentOf(name)).toBe(TEST_DATABASE_MARKER);
  });

  it("refuses, and leaves untouched, a database with other data and no mark", async () => {
    const foreign = await database("CREATE TABLE ledger (amount int); INSERT INTO ledger VALUES (42)");
    const message = new RegExp(
      `Refusing to empty database "${foreign.name}": .*COMMENT ON DATABASE \\\\"${foreign.name}\\\\" IS '${TEST_DATABASE_MARKER}'`,
    );
    await expect(claimTestDatabase(foreign.url)).rejects.toThrow(message);
    await expect(resetTestDatabase(foreign.url)).rejects.toThrow(message);
    expect(await tablesOf(foreign.url)).toEqual(["ledger"]);
    expect(await commentOf(foreign.name)).toBeNull();

    // Migrations of another app, or tables beside ours in another schema, are not ours either.
    const otherApp = await database(
      "CREATE TABLE _prisma_migrations (migration_name text); INSERT INTO _prisma_migrations VALUES ('0001_other_app')",
    );
    await expect(claimTestDatabase(otherApp.url)).rejects.toThrow(/Refusing to empty/);
    const beside = await database(
      "CREATE TABLE _prisma_migrations (migration_name text); INSERT INTO _prisma_migrations VALUES ('20261123113542_init');" +
        "CREATE SCHEMA accounts; CREATE TABLE accounts.ledger (amount int)",
    );
    await expect(claimTestDatabase(beside.url)).rejects.toThrow(/Refusing to empty/);
    expect(await commentOf(beside.name)).toBeNull();
  });

  it("empties a marked database", async () => {
    const { url } = await database("CREATE TABLE leftover (x int)");
    await query(url, `COMMENT ON DATABASE "${new URL(url).pathname.slice(1)}" IS '${TEST_DATABASE_MARKER}'`);
    await resetTestDatabase(url);
    const tables = await tablesOf(url);
    expect(tables).not.toContain("leftover");
    expect(tables).toContain("_prisma_migrations");
  });
});

describe("the workers' copies", () => {
  it("are fresh marked copies of the template, replace old marked copies, and are dropped afterwards", async () => {
    const template = await database("CREATE TABLE seeded (x int); INSERT INTO seeded VALUES (1)");
    const copies = [workerDatabaseUrl(template.url, 1), workerDatabaseUrl(template.url, 2)];
    made.push(...copies.map((url) => new URL(url).pathname.slice(1)));
    expect(await createWorkerDatabases(template.url, 2)).toEqual(copies);
    for (const copy of copies) {
      expect(await commentOf(new URL(copy).pathname.slice(1))).toBe(TEST_DATABASE_MARKER);
      expect((await query(copy, "SELECT x FROM seeded")).rows).toEqual([{ x: 1 }]);
    }
    await query(copies[0]!, "INSERT INTO seeded VALUES (2)");
    await createWorkerDatabases(template.url, 2);
    expect((await query(copies[0]!, "SELECT x FROM seeded")).rows).toEqual([{ x: 1 }]);

    await dropWorkerDatabases(copies);
    for (const copy of copies) expect(await exists(new URL(copy).pathname.slice(1))).toBe(false);
  });

  it("never replace a database of the same name that the suite did not make", async () => {
    const template = await database("CREATE TABLE seeded (x int)");
    const copy = workerDatabaseUrl(template.url, 1);
    const name = new URL(copy).pathname.slice(1);
    await query(server, `CREATE DATABASE "${name}"`);
    made.push(name);
    await query(copy, "CREATE TABLE precious (x int)");
    await expect(createWorkerDatabases(template.url, 1)).rejects.toThrow(`Refusing to empty database "${name}"`);
    await dropWorkerDatabases([copy]);
    expect(await tablesOf(copy)).toEqual(["precious"]);
  });
});
