// Mail in domain tests goes to a temporary outbox folder (no SMTP), removed after the file's tests; the
// console line each mail prints is silenced. Returns the folder, for tests that read the mail
// (outboxMailTo reads them back decoded, whatever their script and transfer encoding).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, vi } from "vitest";
import { addressHash } from "@/lib/mail/outbox";

export function withTemporaryOutbox(prefix: string): string {
  const outbox = mkdtempSync(join(tmpdir(), `igf-${prefix}-`));
  beforeAll(() => {
    vi.stubEnv("OUTBOX_DIR", outbox);
    vi.stubEnv("SMTP_URL", "");
    vi.spyOn(console, "info").mockImplementation(() => {});
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(outbox, { recursive: true, force: true });
  });
  return outbox;
}

/** A mail of the outbox as its reader sees it: the subject and both parts decoded (UTF-8, any script). */
export type OutboxMail = { to: string; subject: string; text: string; html: string };

const unfold = (headers: string) => headers.replace(/\r?\n[ \t]+/g, " ");

function header(headers: string, name: string) {
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(unfold(headers));
  return match ? match[1]!.trim() : "";
}

const quotedPrintable = (body: string) =>
  Buffer.from(
    body.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");

/** RFC 2047 encoded words ("=?UTF-8?Q?…?=", "=?UTF-8?B?…?="), the space between two of them dropped. */
const encodedWords = (value: string) =>
  value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : quotedPrintable(data.replace(/_/g, " ")),
    );

function decodePart(part: string) {
  const split = part.search(/\r?\n\r?\n/);
  const headers = part.slice(0, split);
  const body = part.slice(split).replace(/^\r?\n\r?\n/, "");
  const encoding = header(headers, "Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? quotedPrintable(body)
        : body;
  return { type: header(headers, "Content-Type").toLowerCase(), text: text.replace(/\r\n/g, "\n") };
}

/** One .eml file of the outbox, decoded. */
export function parseOutboxFile(raw: string): OutboxMail {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const type = header(headers, "Content-Type");
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const parts = boundary
    ? raw
        .slice(split)
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => decodePart(part.replace(/^\r?\n/, "")))
    : [decodePart(raw)];
  const body = (kind: string) => parts.find((part) => part.type.startsWith(kind))?.text.trimEnd() ?? "";
  return {
    to: header(headers, "To"),
    subject: encodedWords(header(headers, "Subject")),
    text: body("text/plain"),
    html: body("text/html"),
  };
}

/** The outbox's mails to `address`, oldest first. */
export function outboxMailTo(outbox: string, address: string): OutboxMail[] {
  const suffix = `-${addressHash(address)}.eml`;
  return readdirSync(outbox)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => parseOutboxFile(readFileSync(join(outbox, name), "utf8")));
}
