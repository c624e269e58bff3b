// The embedded PostgreSQL: a real server from the npm package, one server per data folder, no orphans.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { choosePort, ensureEmbeddedDatabase, runningServer } from "@/scripts/lib/embedded-db.mjs";
import { nextArgs } from "@/scripts/lib/next-args.mjs";

const parent = mkdtempSync(join(tmpdir(), "igf-embedded-"));
chmodSync(parent, 0o755); // as root, the server runs as the "postgres" user, who must reach the folder
const dataDir = join(parent, "pg");
afterAll(() => rmSync(parent, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const waitUntil = async (condition: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
};

describe("embedded PostgreSQL", () => {
  it("creates a cluster and a database, reuses the running server, and stops cleanly", async () => {
    const first = await ensureEmbeddedDatabase({ dataDir, database: "alpha" });
    expect(first).toMatchObject({ reused: false, initialised: true, databaseCreated: true });
    expect(new URL(first.url).hostname).toBe("127.0.0.1");
    const [{ server_version_num }] = await query(first.url, "SHOW server_version_num");
    expect(Number(server_version_num)).toBeGreaterThanOrEqual(180000);

    const second = await ensureEmbeddedDatabase({ dataDir, database: "beta" });
    expect(second).toMatchObject({ reused: true, databaseCreated: true });
    expect(new URL(second.url).port).toBe(new URL(first.url).port);
    await second.stop(); // a no-op for the one that reused the server
    expect(runningServer(dataDir)).not.toBeNull();

    await first.stop();
    expect(runningServer(dataDir)).toBeNull();
  });

  it("stops the server when the process that started it is killed", async () => {
    const owner = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `
        const { ensureEmbeddedDatabase } = await import(${JSON.stringify(join(process.cwd(), "scripts/lib/embedded-db.mjs"))});
        await ensureEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)} });
        console.log("ready");
        setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      owner.stdout.on("data", (chunk) => String(chunk).includes("ready") && resolve());
      owner.on("exit", (code) => reject(new Error(`the owner process exited early (${code})`)));
    });
    const server = runningServer(dataDir);
    expect(server).not.toBeNull();
    owner.kill("SIGKILL");
    expect(await waitUntil(() => runningServer(dataDir) === null, 10_000)).toBe(true);
  });
});

describe("embedded PostgreSQL start-up races", () => {
  it("starts on another port when another program takes the chosen one before the server binds it", async () => {
    const raceDir = join(parent, "race");
    const blockers: Server[] = [];
    const picked: number[] = [];
    // The race, staged: right after the free-port check, another server takes the port.
    const pickPort = async (tried: Set<number> = new Set()) => {
      const port = await choosePort(tried);
      picked.push(port);
      if (picked.length === 1) {
        const blocker = createServer();
        await new Promise<void>((resolve) => blocker.listen({ port, host: "127.0.0.1" }, resolve));
        blockers.push(blocker);
      }
      return port;
    };
    try {
      const db = await ensureEmbeddedDatabase({ dataDir: raceDir, database: "gamma", pickPort });
      expect(picked).toHaveLength(2);
      expect(Number(new URL(db.url).port)).toBe(picked[1]);
      expect(picked[1]).not.toBe(picked[0]);
      const [{ one }] = await query(db.url, "SELECT 1 AS one");
      expect(one).toBe(1);
      await db.stop();
    } finally {
      for (const blocker of blockers) blocker.close();
    }
  });

  it("fails with one line naming the port and the log when every attempt loses the race", async () => {
    const raceDir = join(parent, "race-lost");
    const blockers: Server[] = [];
    const pickPort = async (tried: Set<number> = new Set()) => {
      const port = await choosePort(tried);
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen({ port, host: "127.0.0.1" }, resolve));
      blockers.push(blocker);
      return port;
    };
    try {
      const error = await ensureEmbeddedDatabase({ dataDir: raceDir, pickPort }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).not.toContain("\n");
      expect((error as Error).message).toMatch(/did not start .*port \d+.*(Address already in use|could not).*see /);
      expect(blockers.length).toBeGreaterThan(1);
      expect(runningServer(raceDir)).toBeNull();
    } finally {
      for (const blocker of blockers) blocker.close();
    }
  });
});

describe("next's command line", () => {
  it("binds to loopback unless HOST says otherwise", () => {
    expect(nextArgs({ port: 3000 })).toEqual(["start", "-p", "3000", "-H", "localhost"]);
    expect(nextArgs({ dev: true, port: 4000, host: "" })).toEqual(["dev", "-p", "4000", "-H", "localhost"]);
    // Every interface: Next's own default, without -H (so the locale's rewrites stay internal).
    expect(nextArgs({ port: 3000, host: "0.0.0.0" })).toEqual(["start", "-p", "3000"]);
  });
});
