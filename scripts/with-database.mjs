#!/usr/bin/env node
// Runs a command with DATABASE_URL set: the given one, or the embedded database (reused if the app runs,
// else started for the command and stopped after it). E.g. `node scripts/with-database.mjs prisma migrate status`.
import { spawn } from "node:child_process";
import { resolveDatabase, StartupError } from "./lib/database.mjs";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node scripts/with-database.mjs <command> [args…]");
  process.exit(2);
}
let database;
try {
  database = await resolveDatabase();
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
}
const child = spawn(command, args, {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url, PATH: `node_modules/.bin:${process.env.PATH}` },
});
const forward = (signal) => child.kill(signal);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
child.on("exit", async (code, signal) => {
  await database.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
