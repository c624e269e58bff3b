// Sends mail through SMTP_URL when it is set. Without it (the embedded default), each message is
// written to the outbox folder (.data/outbox, or OUTBOX_DIR) as an .eml file and announced on the console,
// so a first-time user can still follow a sign-in link.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { outboxDir, outboxFileName } from "./outbox";

/** `headers`: extra header lines, e.g. List-Unsubscribe on notification emails. */
export type Mail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };

const from = () => process.env.MAIL_FROM ?? "IGF Consultations <no-reply@localhost>";

/**
 * SMTP timeouts, explicit and short: a send settles (delivered or failed) within about 1.5 minutes, well
 * before another email-send job may take over a row left SENDING (CLAIM_EXPIRES_MS, 3 minutes, in
 * lib/notifications/worker.ts). Nodemailer's defaults (2 minutes to connect, 10 of socket silence) would
 * let a slow server's message be sent twice.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 15_000, socketTimeout: 45_000 } as const;

/** Emails a worker sends side by side (WORKER_EMAIL_CONCURRENCY, 8): its email-send jobs at once. */
export const emailConcurrency = () => Number(process.env.WORKER_EMAIL_CONCURRENCY ?? 8);

/**
 * The transport's address: SMTP_URL with the timeouts above and a pool of connections. Nodemailer takes a
 * transport's options from its URL alone when it is given one (options passed beside `url` were ignored: the
 * timeouts above were not in force until this), so they go into the URL's query. Pooled: a fan-out's emails share a
 * few open connections (one per email sent at once, each reopened after 100 messages) instead of a new connection,
 * greeting and EHLO per email (mail servers pause before the greeting: smtp-server 100 ms, Postfix's postscreen
 * seconds). An SMTP_URL that says `pool=false` keeps one connection per email, `maxConnections=n` sets the pool's size.
 */
export function smtpTransportUrl(url: string) {
  const address = new URL(url);
  for (const [name, value] of Object.entries(SMTP_TIMEOUTS)) address.searchParams.set(name, String(value));
  if (!address.searchParams.has("pool")) address.searchParams.set("pool", "true");
  // One connection for each email a worker sends at once (nodemailer's default is 5: three of eight waited).
  if (!address.searchParams.has("maxConnections")) address.searchParams.set("maxConnections", String(emailConcurrency()));
  return address.toString();
}

/** One transport per SMTP_URL (a changed URL, e.g. in tests, gets a new one; the old one's connections close). */
let smtp: { url: string; transport: nodemailer.Transporter } | undefined;

/** Closes the transport's open connections (a pool keeps them open between emails): at a worker's stop. */
export function closeMailTransport() {
  smtp?.transport.close();
  smtp = undefined;
}

export async function sendMail(mail: Mail): Promise<{ delivered: "smtp" | "outbox"; file?: string }> {
  const message = { from: from(), ...mail };
  if (process.env.SMTP_URL) {
    const url = process.env.SMTP_URL;
    if (smtp?.url !== url) {
      closeMailTransport();
      smtp = { url, transport: nodemailer.createTransport(smtpTransportUrl(url)) };
    }
    await smtp.transport.sendMail(message);
    return { delivered: "smtp" };
  }
  const raw = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(message);
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  const file = join(dir, outboxFileName(mail.to));
  await writeFile(file, raw.message as Buffer, { mode: 0o600 });
  console.info(`[mail] No SMTP_URL set: message to ${mail.to} ("${mail.subject}") saved to ${file}`);
  return { delivered: "outbox", file };
}
