#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, which the Prisma CLI downloads from Prisma's
// CDN on first use (unreachable here and in air-gapped deployments). The CLI runs whatever executable
// PRISMA_SCHEMA_ENGINE_BINARY names (prisma.config.ts sets it to this file), and this program answers
// like the native binary, doing the work with the same engine compiled to WebAssembly
// (@prisma/schema-engine-wasm, the build paired with prisma 7.10.1) and reaching PostgreSQL through
// @prisma/adapter-pg. PostgreSQL only.
//
// How the CLI invokes it (prisma 7.10.1, node_modules/prisma/build/cli.js):
//   schema-engine --version                                  `prisma -v`
//   schema-engine --datasource '{"url":...}' cli can-connect-to-database | create-database | drop-database
//       one-shot checks before migrate dev/reset/db push; success = exit code 0; on failure the CLI
//       skips the first stderr line and parses every other one as JSON, looking for an ERROR entry
//       from `schema_engine::logger` with `fields.error_code` (P1003 = missing database => create it).
//   schema-engine [--datamodels FILE]... [--datasource JSON] [--enabled-preview-features ...]
//       a JSON-RPC 2.0 server on stdin/stdout (see schema-engine/server.mjs).
import { logLine } from "./schema-engine/log.mjs";

// Nothing but JSON-RPC may appear on stdout: send stray console output to stderr.
console.log = console.info = console.debug = console.error;

function parseArgs(argv) {
  const options = { datamodelPaths: [], datasource: {}, cli: null, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels" || arg === "-d") {
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith("-")) options.datamodelPaths.push(argv[++i]);
    } else if (arg === "--datasource") {
      options.datasource = JSON.parse(argv[++i]);
    } else if (arg === "--enabled-preview-features" || arg === "--extension-types") {
      i++; // accepted for compatibility; the wasm engine reads preview features from the schema itself
    } else if (arg === "--version" || arg === "-V") {
      options.version = true;
    } else if (arg === "--help" || arg === "-h") {
      options.help = true;
    } else if (arg === "cli") {
      options.cli = argv[++i] ?? "";
    } else {
      throw new Error(`unknown argument: ${arg}`);
    }
  }
  return options;
}

/** `cli <command>`: one-shot database checks, reported the way the native engine reports them. */
async function runCliCommand(command, url) {
  // Pitfall: the CLI ignores the first stderr line of a failed `cli` command (the native engine logs
  // a start-up line there) and fails on any later line that is not JSON. So: one plain start line,
  // then only JSON lines.
  logLine({ level: "INFO", fields: { message: `schema engine bridge: cli ${command}` } });
  const { canConnect, createDatabase, dropDatabase } = await import("./schema-engine/database.mjs");
  try {
    if (!url) throw Object.assign(new Error("No database URL given (--datasource '{\"url\": ...}')."), { code: "P1012" });
    if (command === "can-connect-to-database") {
      await canConnect(url);
      process.stdout.write("Connection successful\n");
    } else if (command === "create-database") {
      process.stdout.write(`Database '${await createDatabase(url)}' was successfully created.\n`);
    } else if (command === "drop-database") {
      process.stdout.write(`The database '${await dropDatabase(url)}' was successfully dropped.\n`);
    } else {
      throw new Error(`Unknown cli command: ${command}`);
    }
    return 0;
  } catch (error) {
    logLine({
      level: "ERROR",
      fields: { is_panic: false, error_code: error.code ?? "P1000", message: error.message },
    });
    return 1;
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(
      "Usage: prisma-schema-engine.mjs [--datamodels FILE...] [--datasource JSON] [cli COMMAND] [--version]\n" +
        "Started by the Prisma CLI through PRISMA_SCHEMA_ENGINE_BINARY; see the comments in this file.\n",
    );
    return;
  }
  if (options.version) {
    const { loadSchemaEngineWasm } = await import("./schema-engine/wasm.mjs");
    process.stdout.write(`schema-engine-cli ${(await loadSchemaEngineWasm()).version()}\n`);
    return;
  }
  if (options.cli !== null) {
    process.exitCode = await runCliCommand(options.cli, options.datasource.url);
    return;
  }
  const { serve } = await import("./schema-engine/server.mjs");
  serve(options);
}

// Any failure outside a request (bad arguments, a crash) must end with an ERROR line on stderr, which the
// CLI shows, and a non-zero exit code: never a silent exit 0.
function fail(error) {
  logLine({ level: "ERROR", fields: { message: `schema engine bridge: ${error?.stack ?? error}` } });
  process.exit(1);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
main().catch(fail);
