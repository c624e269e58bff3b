// Prisma CLI configuration (Prisma 7 reads this file, not the schema, for the connection).
//
// 1. Schema engine. The CLI normally downloads a native `schema-engine` binary from Prisma's CDN on first
//    use, which fails offline. It runs whatever PRISMA_SCHEMA_ENGINE_BINARY names instead, and reads that
//    variable only when it starts the engine, after loading this file (checked with prisma 7.10.1: plain
//    `npx prisma migrate status` and `npx prisma -v` report "resolved by PRISMA_SCHEMA_ENGINE_BINARY").
//    So we point it at our bridge, scripts/prisma-schema-engine.mjs (the same engine compiled to
//    WebAssembly), unless the variable is already set.
// 2. Database. DATABASE_URL when set; otherwise the project's embedded PostgreSQL (.data/postgres, reused
//    if the app already runs it). A server started here for the CLI is stopped when the CLI exits.
//    Commands that need no database (generate, validate, format, version, help) do not start it.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const root = path.dirname(fileURLToPath(import.meta.url));

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "scripts/prisma-schema-engine.mjs");

const NO_DATABASE_COMMANDS = new Set(["generate", "validate", "format", "version", "help", "init", "debug"]);
const command = process.argv.slice(2).find((arg) => !arg.startsWith("-"));

if (!process.env.DATABASE_URL && command && !NO_DATABASE_COMMANDS.has(command)) {
  const { ensureEmbeddedDatabase } = await import("./scripts/lib/embedded-db.mjs");
  const server = await ensureEmbeddedDatabase();
  process.env.DATABASE_URL = server.url; // also seen by child processes, e.g. the seed command
  if (!server.reused) {
    // The CLI never calls process.exit(): it ends when its event loop drains, which the server (our child
    // process) would prevent forever. So unref it, and stop it when the CLI exits. `exit` handlers must be
    // synchronous: stopSync() signals the server, which then shuts down by itself. (If the CLI is killed
    // instead, the watcher started by ensureEmbeddedDatabase stops the server.)
    server.unref();
    process.once("exit", () => server.stopSync());
  }
  console.error(`Using the embedded PostgreSQL (${new URL(server.url).host}${server.reused ? ", already running" : ""}).`);
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL,
    // Optional: for a database role without CREATEDB, `migrate dev` needs a dedicated shadow database.
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
