// Server-level operations the wasm engine does not offer (it only ever works inside one database):
// checking that a database exists, creating and dropping it. Done with plain `pg`, reporting failures
// with the same Prisma error codes and messages as the native engine, because the CLI acts on the
// codes (P1003 = "database does not exist" makes `migrate dev` create it).
import pg from "pg";
import { withDatabase } from "./adapter.mjs";

/** An error the CLI understands: `code` is a Prisma error code such as P1003. */
export class PrismaError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
  }
}

function describe(url) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || "localhost",
    port: parsed.port || "5432",
    user: decodeURIComponent(parsed.username || "postgres"),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
  };
}

/** Maps a `pg` error to a PrismaError with the native engine's code and wording. */
export function toPrismaError(error, url) {
  const { host, port, user, database } = describe(url);
  switch (error?.code) {
    case "3D000":
      return new PrismaError("P1003", `Database \`${database}\` does not exist on the database server at \`${host}:${port}\`.`, {
        cause: error,
      });
    case "28P01":
    case "28000":
      return new PrismaError(
        "P1000",
        `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\n` +
          "Please make sure to provide valid database credentials for the database server at the configured address.",
        { cause: error },
      );
    case "42501":
      return new PrismaError("P1010", `User \`${user}\` was denied access on the database \`${database}\` (${error.message})`, {
        cause: error,
      });
    case "42P04":
      return new PrismaError("P1009", `Database \`${database}\` already exists on the database server at \`${host}:${port}\``, {
        cause: error,
      });
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "EAI_AGAIN":
      return new PrismaError(
        "P1001",
        `Can't reach database server at \`${host}:${port}\`\n\nPlease make sure your database server is running at \`${host}:${port}\`.`,
        { cause: error },
      );
    default:
      if (/timeout/i.test(error?.message ?? "")) return toPrismaError({ ...error, code: "ETIMEDOUT" }, url);
      return error instanceof PrismaError ? error : new PrismaError("P1000", String(error?.message ?? error), { cause: error });
  }
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw toPrismaError(error, url);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Throws a PrismaError (P1003 if the database is missing) unless `url` can be connected to. */
export async function canConnect(url) {
  await withClient(url, (client) => client.query("SELECT 1"));
}

/** Runs `fn` on a connection to the server's maintenance database (postgres, else template1). */
async function withAdminClient(url, fn) {
  try {
    return await withClient(withDatabase(url, "postgres"), fn);
  } catch (error) {
    if (error.code !== "P1003") throw error;
    return withClient(withDatabase(url, "template1"), fn);
  }
}

/** Creates the database named in `url`; returns its name. */
export async function createDatabase(url) {
  const { database } = describe(url);
  await withAdminClient(url, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } catch (error) {
      throw toPrismaError(error, url);
    }
  });
  return database;
}

/** Drops the database named in `url`. */
export async function dropDatabase(url) {
  const { database } = describe(url);
  await withAdminClient(url, async (client) => {
    try {
      await client.query(`DROP DATABASE ${client.escapeIdentifier(database)}`);
    } catch (error) {
      throw toPrismaError(error, url);
    }
  });
  return database;
}
