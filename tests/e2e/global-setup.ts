// Before the browser tests: the demo consultation in the test database (idempotent), so a visitor has
// something to see. Tests create every other row they need themselves. And a new log of axe scans.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { db, disconnectDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";

export default async function globalSetup() {
  if (!process.env.IGF_TEST_DATABASE_URL) {
    throw new Error("Run the browser tests through `npm test` (it prepares the test database).");
  }
  process.env.DATABASE_URL = process.env.IGF_TEST_DATABASE_URL;
  mkdirSync("test-results", { recursive: true });
  process.env.IGF_AXE_SCAN_LOG = join(process.cwd(), "test-results", `axe-scans-${process.pid}.jsonl`);
  writeFileSync(process.env.IGF_AXE_SCAN_LOG, "");
  await seedDemo(db);
  await disconnectDb();
}
