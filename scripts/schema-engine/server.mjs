// The JSON-RPC 2.0 server the Prisma CLI talks to over stdin/stdout (one JSON message per line), as it
// does with the native `schema-engine` binary. Method names and parameters are the native engine's;
// most are forwarded unchanged to the wasm engine, a few are done here (see `handlers`).
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createAdapterFactory } from "./adapter.mjs";
import { canConnect, createDatabase, PrismaError } from "./database.mjs";
import { isWasmPanic, loadSchemaEngineWasm, takePanicMessage } from "./wasm.mjs";
import { logLine } from "./log.mjs";

/** Methods the wasm engine implements with the same name and parameters as the native one. */
const FORWARDED = [
  "applyMigrations",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
];

/**
 * @param {{ datasource: { url?: string, shadowDatabaseUrl?: string }, datamodelPaths: string[] }} options
 */
export function serve({ datasource, datamodelPaths }) {
  const engines = new Map(); // url -> Promise<engine>
  const factories = []; // the driver adapter factories, whose error registries explain adapter failures
  const warmedMigrationLists = new Set();
  const printRequests = new Map(); // our request id -> resolve
  let nextPrintId = 1;
  let inFlight = 0;
  let queue = Promise.resolve();

  const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");

  /** The configured URL, or the one a request names (`{ tag: "ConnectionString", url }`). */
  function urlFrom(datasourceParam) {
    const url = datasourceParam?.url ?? datasource.url;
    if (!url) {
      throw new PrismaError(
        "P1012",
        "No database URL: set `datasource.url` in prisma.config.ts (DATABASE_URL, or the embedded PostgreSQL).",
      );
    }
    return url;
  }

  /** One wasm engine per database URL, created on first use (creating it connects to the database). */
  function engineFor(url) {
    if (!engines.has(url)) {
      const created = (async () => {
        const { SchemaEngine } = await loadSchemaEngineWasm();
        const datamodels = datamodelPaths.length ? datamodelPaths.map((path) => [path, readFileSync(path, "utf8")]) : undefined;
        const shadowDatabaseUrl = url === datasource.url ? datasource.shadowDatabaseUrl : undefined;
        const factory = createAdapterFactory({ url, shadowDatabaseUrl });
        factories.push(factory);
        try {
          return await SchemaEngine.new({ datamodels }, logLine, factory);
        } catch (error) {
          // The engine's own message has no error code; check with pg to get one (P1001, P1003...).
          await canConnect(url);
          throw error;
        }
      })();
      created.catch(() => engines.delete(url)); // allow a retry, e.g. after createDatabase
      engines.set(url, created);
    }
    return engines.get(url);
  }

  /** Asks the CLI to print text on its stdout (it answers with an empty result). */
  function print(content) {
    const id = nextPrintId++;
    return new Promise((resolve) => {
      printRequests.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });
  }

  /**
   * Pitfall: createMigration and evaluateDataLoss take the schema that the migration history produces
   * from the engine's cache, and on a cache miss the wasm engine fails with "PostgreSQL shadow DB must
   * be provided through an external factory". Only diagnoseMigrationHistory/devDiagnostic (which
   * replay migrations on the adapter factory's shadow database) fill that cache, and only for the
   * migrations applied at that moment: when `migrate dev` first applies pending migrations, the full
   * list is missing. So diagnose once for the exact list before using it.
   */
  async function warmMigrationCache(engine, params) {
    const key = JSON.stringify(params.migrationsList.migrationDirectories);
    if (warmedMigrationLists.has(key)) return;
    await engine.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters,
    });
    warmedMigrationLists.add(key);
  }

  const handlers = {
    async ensureConnectionValidity(params) {
      await canConnect(urlFrom(params?.datasource));
      return {};
    },
    async createDatabase(params) {
      return { databaseName: await createDatabase(urlFrom(params?.datasource)) };
    },
    async getDatabaseVersion(params) {
      const engine = await engineFor(urlFrom(params?.datasource));
      return engine.version();
    },
    async createMigration(params) {
      const engine = await engineFor(urlFrom());
      await warmMigrationCache(engine, params);
      return engine.createMigration(params);
    },
    async evaluateDataLoss(params) {
      const engine = await engineFor(urlFrom());
      await warmMigrationCache(engine, params);
      return engine.evaluateDataLoss(params);
    },
    async diff(params) {
      const engine = await engineFor(urlFrom());
      const result = await engine.diff(params);
      // Pitfall: the CLI ignores `stdout` in the result (the native engine leaves it null): the script or
      // summary must reach the user through a `print` request, which the CLI writes to its stdout
      // (adding a newline, and capturing it for `--output`).
      if (result.stdout) await print(result.stdout.replace(/\n$/, ""));
      return { ...result, stdout: null };
    },
    async getDatabaseDescription() {
      throw new Error("getDatabaseDescription is not supported by the wasm schema engine bridge.");
    },
  };
  for (const method of FORWARDED) {
    handlers[method] ??= async (params) => {
      const url = method === "dbExecute" && params?.datasourceType?.tag === "url" ? params.datasourceType.url : urlFrom();
      const engine = await engineFor(url);
      // Call as a method: a detached reference loses its binding to the wasm object.
      return engine[method](params);
    };
  }

  async function handle(request) {
    const handler = handlers[request.method];
    try {
      if (!handler) throw new Error(`Unknown schema engine method: ${request.method}`);
      const result = await handler(request.params);
      send({ jsonrpc: "2.0", id: request.id, result: result ?? null });
    } catch (failure) {
      const error = withAdapterError(failure, factories);
      const panic = isWasmPanic(error) ? (takePanicMessage() ?? String(error?.message ?? error)) : null;
      send({ jsonrpc: "2.0", id: request.id, error: toRpcError(error, panic) });
      if (panic) {
        // After a panic the wasm instance is unusable: exit as the native engine does (code 101).
        logLine({ level: "ERROR", fields: { message: panic, is_panic: true } });
        process.stdout.write("", () => process.exit(101));
      }
    }
  }

  createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on("line", (line) => {
      if (!line.trim()) return;
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: `Parse error: ${line.slice(0, 200)}` } });
        return;
      }
      if (message.method === undefined) {
        // The CLI's answer to one of our `print` requests.
        printRequests.get(message.id)?.();
        printRequests.delete(message.id);
        return;
      }
      inFlight++;
      // One request at a time: the wasm engine takes `&mut self` and must not be re-entered.
      queue = queue.then(() => handle(message)).finally(() => inFlight--);
    })
    .on("close", () => {
      // The CLI closed our stdin (it is done): finish what was asked, then leave.
      queue.then(() => process.exit(0));
    });

  // Pitfall: when the engine process exits with code 0 while a request is unanswered, the CLI never
  // settles that request, and can end with exit code 0 and no message although nothing happened.
  // Never let that happen: report it and turn the exit code into a failure.
  process.on("exit", (code) => {
    if (inFlight > 0 && code === 0) {
      logLine({ level: "ERROR", fields: { message: "The schema engine bridge exited with a request still unanswered." } });
      process.exitCode = 1;
    }
  });
}

/**
 * A JS exception in the driver adapter (not a database error) reaches the engine as
 * `{ kind: "GenericJs", id }`, and its message only says "External error id#N": put the real message back.
 */
function withAdapterError(error, factories) {
  const id = /External error id#(\d+)/.exec(String(error?.message ?? ""))?.[1];
  if (id === undefined) return error;
  const original = factories.map((factory) => factory.errorRegistry.consumeError(Number(id))?.error).find(Boolean);
  if (!original) return error;
  return Object.assign(new Error(`${error.message}\n${original.message ?? original}`, { cause: original }), {
    code: error.code,
    meta: error.meta,
  });
}

/** The error object of a JSON-RPC response, shaped like the native engine's (the CLI reads `data`). */
function toRpcError(error, panic) {
  if (panic) {
    return { code: 4466, message: panic, data: { is_panic: true, message: panic, backtrace: null } };
  }
  const code = typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : null;
  const message = String(error?.message ?? error) || "Unknown error in the schema engine bridge";
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, meta: error?.meta ?? null, error_code: code },
  };
}
