// Readiness for a load balancer (GET /api/ready): the database answers, every migration in
// prisma/migrations is applied (an instance started before `prisma migrate deploy` finished, or a newer
// build on an older database, takes no traffic), and the file storage is reachable. Each check has a time
// limit, so a hung dependency answers 503 rather than hanging the probe.
import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { storage } from "@/lib/attachments/storage";
import { db } from "@/lib/db";

const TIMEOUT_MS = 3000;

export type Readiness = { ready: true } | { ready: false; check: "database" | "migrations" | "storage"; reason: string };

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);

/** The migrations this build expects: folders of prisma/migrations with a migration.sql (MIGRATIONS_DIR to override). */
async function expectedMigrations(
  dir = process.env.MIGRATIONS_DIR || path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations"),
) {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = await readdir(/*turbopackIgnore: true*/ path.join(dir, entry.name));
    if (files.includes("migration.sql")) names.push(entry.name);
  }
  return names.sort();
}

export async function readiness(): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await within(
      db.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      "The database",
    );
    applied = new Set(rows.map((row) => row.name));
  } catch (error) {
    return { ready: false, check: "database", reason: message(error) };
  }
  try {
    const missing = (await expectedMigrations()).filter((name) => !applied.has(name));
    if (missing.length) return { ready: false, check: "migrations", reason: `Migrations not applied: ${missing.join(", ")}` };
  } catch (error) {
    return { ready: false, check: "migrations", reason: message(error) };
  }
  try {
    await within(storage().check?.() ?? Promise.resolve(), "The file storage");
  } catch (error) {
    return { ready: false, check: "storage", reason: message(error) };
  }
  return { ready: true };
}
