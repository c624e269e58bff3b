// The database side of the bridge: the wasm schema engine cannot open sockets, so it talks to
// PostgreSQL through a "migration-aware driver adapter factory" built on @prisma/adapter-pg + pg.
// The factory must offer `connect()` (the main database) and `connectToShadowDb()` (a scratch database
// used by `migrate dev`/`migrate diff` to replay the migration history).
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// @prisma/driver-adapter-utils is the exact version @prisma/adapter-pg was built with; resolve it from
// there rather than relying on npm hoisting it to the top of node_modules.
const requireFromAdapter = createRequire(fileURLToPath(import.meta.resolve("@prisma/adapter-pg")));
const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } = requireFromAdapter("@prisma/driver-adapter-utils");

const PG_CHAR_OID = 18; // the catalog type "char" (one byte), e.g. pg_constraint.contype
const PG_TEXT_OID = 25;

/**
 * Pitfall: adapter-pg cannot deserialize the catalog type `"char"` (OID 18): its queryRaw throws
 * "Unsupported column type char". The engine's introspection reads such columns (pg_class.relkind,
 * pg_constraint.contype, ...), and on PostgreSQL 18 NOT NULL constraints appear in pg_constraint with
 * contype 'n'. The engine also insists on receiving those values as a *character* column: reported as
 * text it panics with "Getting constraint_type ... as char failed".
 *
 * So: run the query, relabel OID-18 fields as text so adapter-pg's own conversion accepts them, then
 * report those columns as ColumnTypeEnum.Character. This reuses adapter-pg's queryRaw unchanged, by
 * calling it on a view of the queryable whose `performIO` returns the already fetched result
 * (adapter-pg 7.10.1 internals: queryRaw() = this.performIO() + column type mapping).
 */
function reportCharColumns(queryable) {
  const originalQueryRaw = queryable.queryRaw;
  queryable.queryRaw = async function queryRaw(query) {
    const result = await queryable.performIO(query);
    const charColumns = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        charColumns.push(index);
        field.dataTypeID = PG_TEXT_OID;
      }
    });
    const view = Object.create(queryable, { performIO: { value: async () => result } });
    const resultSet = await originalQueryRaw.call(view, query);
    for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

/**
 * Pitfall: adapter-pg's executeScript splits a migration on every ";" and runs the pieces one by one, which
 * breaks a semicolon inside a string, a comment or a function body ("unterminated dollar-quoted string").
 * PostgreSQL parses a multi-statement script itself when it is sent as one simple query (no parameters),
 * so send it whole.
 */
function executeWholeScripts(adapter) {
  adapter.executeScript = async function executeScript(script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
}

/** Applies reportCharColumns and executeWholeScripts to an adapter, and reportCharColumns to every
 * transaction it starts. */
function withCharColumns(adapter) {
  reportCharColumns(adapter);
  executeWholeScripts(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => reportCharColumns(await startTransaction(...args));
  return adapter;
}

/** The same connection string, pointing at another database. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function sameDatabase(a, b) {
  const [x, y] = [new URL(a), new URL(b)];
  return x.hostname === y.hostname && (x.port || "5432") === (y.port || "5432") && x.pathname === y.pathname;
}

/**
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",

    async connect() {
      return withCharColumns(await new PrismaPg({ connectionString: url }).connect());
    },

    // Pitfall: the shadow database must be its own connection pool. Handing the engine the main
    // connection again makes it replay the migrations into the main database ("type already exists").
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        if (sameDatabase(shadowDatabaseUrl, url)) {
          throw new Error("datasource.shadowDatabaseUrl points at the main database: refusing to empty it.");
        }
        // A shadow database configured by the user (datasource.shadowDatabaseUrl, e.g. for a role
        // without CREATEDB): empty it first, as the native engine does, since it is replayed from zero.
        const adapter = withCharColumns(await new PrismaPg({ connectionString: shadowDatabaseUrl }).connect());
        await adapter.executeScript("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
        return adapter;
      }

      // Otherwise create a temporary database on the same server (the role needs CREATEDB), and drop
      // it when the engine disposes of the adapter.
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
      } catch (error) {
        await admin.end().catch(() => {});
        throw new Error(
          `Could not create the shadow database for this command: ${error.message}. ` +
            "The database role needs the CREATEDB privilege, or set datasource.shadowDatabaseUrl in prisma.config.ts.",
          { cause: error },
        );
      }
      const adapter = withCharColumns(await new PrismaPg({ connectionString: withDatabase(url, name) }).connect());
      const disposePool = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        // Pitfall: close the shadow pool *before* dropping the database; PostgreSQL refuses to drop a
        // database that still has sessions ("is being accessed by other users"). adapter-pg's own
        // connectToShadowDb() drops first, which is why we do not use it.
        await disposePool();
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)}`);
        } finally {
          await admin.end();
        }
      };
      return adapter;
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}
