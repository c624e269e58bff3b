// The outbox: without SMTP_URL, mail is written here as .eml files (lib/mail/send.ts). A file is named
// after the time and a hash of the address, not the address itself, so a directory listing names nobody
// and a deleted account's mail can be found exactly (and removed with it).
import { createHash, randomBytes } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";

export const outboxDir = () =>
  resolve(process.env.OUTBOX_DIR ?? join(/* turbopackIgnore: true */ process.cwd(), ".data", "outbox"));

export const addressHash = (address: string) =>
  createHash("sha256").update(address.trim().toLowerCase()).digest("hex").slice(0, 16);

/** Time first (files sort by it), a random part (two mails in one millisecond), the address's hash last. */
export function outboxFileName(address: string, at = new Date()) {
  const time = at.toISOString().replace(/[:.]/g, "-");
  return `${time}-${randomBytes(3).toString("hex")}-${addressHash(address)}.eml`;
}

// Before the hash, files ended with the address itself (with unusual characters replaced).
const legacySuffix = (address: string) => `-${address.replace(/[^a-zA-Z0-9@._-]/g, "_")}.eml`;

/** Removes every outbox file addressed to `address`; returns how many. A missing outbox is empty. */
export async function removeOutboxMail(address: string) {
  const dir = outboxDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  const suffixes = [`-${addressHash(address)}.eml`, legacySuffix(address)];
  const mine = names.filter((name) => suffixes.some((suffix) => name.endsWith(suffix)));
  await Promise.all(mine.map((name) => rm(join(dir, name), { force: true })));
  return mine.length;
}

/** The start-up warning when mail would go to the outbox in production (instrumentation.ts), else null. */
export function outboxProductionWarning(env: Record<string, string | undefined> = process.env) {
  if (env.NODE_ENV !== "production" || env.SMTP_URL) return null;
  const line = "!".repeat(78);
  return [
    line,
    "!! SMTP_URL is not set: NO EMAIL LEAVES THIS SERVER.",
    `!! Sign-in links and every other message are printed on this console and saved in ${outboxDir()}.`,
    "!! Anyone who can read this console or that folder can sign in as any user. That is fine for a demo",
    "!! on your own computer, not for a site other people use: set SMTP_URL (e.g.",
    "!! smtps://user:pass@smtp.example.org:465) before they do.",
    line,
  ].join("\n");
}
