import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { afterAll, describe, expect, it, vi } from "vitest";
import { addressHash, outboxProductionWarning } from "@/lib/mail/outbox";
import { SMTP_TIMEOUTS, smtpTransportUrl } from "@/lib/mail/send";
import { sendSignInLink } from "@/lib/mail/sign-in-link";

const outbox = mkdtempSync(join(tmpdir(), "igf-outbox-"));
afterAll(() => rmSync(outbox, { recursive: true, force: true }));

describe("mail without SMTP_URL", () => {
  it("saves the sign-in mail in the outbox and prints the link, with the address escaped in HTML", async () => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("OUTBOX_DIR", outbox);
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const url = "http://localhost:3000/api/auth/callback/email?token=abc&email=a%40example.org";
    await sendSignInLink({ to: "a@example.org", url, host: "localhost:3000" });

    const [file] = readdirSync(outbox);
    expect(file).toMatch(new RegExp(`-${addressHash("a@example.org")}\\.eml$`));
    expect(file).not.toContain("example.org"); // the address is not in the name
    const raw = readFileSync(join(outbox, file!), "utf8");
    expect(raw).toMatch(/^To: a@example\.org$/m);
    expect(raw).toMatch(/^Subject: Sign in to localhost:3000$/m);
    const decoded = raw
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    expect(decoded).toContain(url); // in the text part
    expect(decoded).toContain(`href="${url.replace(/&/g, "&amp;")}"`); // and escaped in the HTML part
    expect(info.mock.calls.flat().join("\n")).toContain(url);
    info.mockRestore();
    vi.unstubAllEnvs();
  });
});

describe("start-up without SMTP_URL", () => {
  it("warns loudly in production, and only there", () => {
    const warning = outboxProductionWarning({ NODE_ENV: "production" });
    expect(warning).toContain("SMTP_URL is not set");
    expect(warning).toContain("can sign in as any user");
    expect(warning!.split("\n").length).toBeGreaterThan(3);
    expect(outboxProductionWarning({ NODE_ENV: "production", SMTP_URL: "smtp://mail.example.org" })).toBeNull();
    expect(outboxProductionWarning({ NODE_ENV: "development" })).toBeNull();
  });
});

describe("the SMTP transport", () => {
  it("keeps the explicit timeouts and pools its connections, whatever else SMTP_URL says", () => {
    const url = smtpTransportUrl("smtps://user:p%40ss@smtp.example.org:465/?connectionTimeout=600000&name=mx1");
    // What nodemailer makes of it (options beside a URL it ignores: the timeouts were once not in force).
    const transport = nodemailer.createTransport(url);
    const options = (transport.transporter as unknown as { options: Record<string, unknown> }).options;
    expect(options).toMatchObject({
      host: "smtp.example.org",
      port: 465,
      secure: true,
      auth: { user: "user", pass: "p@ss" },
      name: "mx1",
      pool: true,
      maxConnections: 8, // one per email the worker sends at once
      ...SMTP_TIMEOUTS,
    });
    transport.close();
    expect(new URL(smtpTransportUrl("smtp://127.0.0.1:2525?pool=false")).searchParams.get("pool")).toBe("false");
  });
});
