// The embedded PostgreSQL: a real server from the npm package, one server per data folder, no orphans.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensureEmbeddedDatabase, runningServer } from "@/scripts/lib/embedded-db.mjs";

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
  for (const end = Date.now() + ms; Date.now() < end; ) {
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
      ["--input-type=module", "-e", `
        const { ensureEmbeddedDatabase } = await import(${JSON.stringify(join(process.cwd(), "scripts/lib/embedded-db.mjs"))});
        await ensureEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)} });
        console.log("ready");
        setInterval(() => {}, 1000);`],
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
