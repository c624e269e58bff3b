// The sign-in email limit, through next-auth's own request handling (as a direct POST to
// /api/auth/signin/email would go): mails are counted in the outbox they are written to.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { closeLimits } from "@/lib/limits/store";
import { trustedClientIp } from "@/lib/limits/client.mjs";
import { addressHash } from "@/lib/mail/outbox";
import { askForLink as askForSignInLink } from "./next-auth-requests";
import { withTemporaryOutbox } from "./outbox";

const outbox = withTemporaryOutbox("sign-in-limit");
const SECRET = "unit-secret-not-for-production-0123456789";

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.spyOn(console, "error").mockImplementation(() => {}); // next-auth logs its own warnings
});
afterAll(async () => {
  await closeLimits();
  await disconnectDb();
});

const unique = () => randomBytes(4).toString("hex");
const mailsTo = (email: string) => {
  const hash = addressHash(email);
  return readdirSync(outbox).filter((file) => file.endsWith(`-${hash}.eml`)).length;
};

/** One POST to next-auth's email sign-in, as the sign-in form sends it; returns where next-auth sends the browser. */
const askForLink = (email: string, clientIp: string | null = null) => askForSignInLink(email, { secret: SECRET, clientIp });

describe("sign-in emails", () => {
  it("sends at most 5 an hour to one address, however often they are asked for, and says when to retry", async () => {
    const email = `flood-${unique()}@example.org`;
    const answers: string[] = [];
    for (let i = 0; i < 200; i++) answers.push(await askForLink(email));
    expect(mailsTo(email)).toBe(5);
    expect(answers.slice(0, 5).every((url) => url.includes("/verify-request"))).toBe(true);
    const refused = new URL(answers[199]!, "http://localhost:3000");
    expect(refused.pathname).toBe("/signin/error");
    expect(refused.searchParams.get("error")).toBe("TooManyEmails");
    const wait = Number(refused.searchParams.get("retryAfter"));
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    // A refused request makes no link: the last one sent still works (and is the only one).
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(1);
    // Other addresses are not affected.
    const other = `bystander-${unique()}@example.org`;
    await askForLink(other);
    expect(mailsTo(other)).toBe(1);
  });

  it("sends at most 20 an hour for one client when its address is known from a trusted proxy", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${unique()}`;
    const addresses = Array.from({ length: 25 }, (_, i) => `client-${i}-${unique()}@example.org`);
    const answers: string[] = [];
    for (const email of addresses) answers.push(await askForLink(email, ip));
    expect(addresses.reduce((sum, email) => sum + mailsTo(email), 0)).toBe(20);
    expect(answers.filter((url) => url.includes("error=TooManyEmails"))).toHaveLength(5);
    // Another client is not affected.
    const other = `other-client-${unique()}@example.org`;
    await askForLink(other, `198.51.100.1-${unique()}`);
    expect(mailsTo(other)).toBe(1);
  });

  it("takes the client's address only from a trusted proxy's header", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" });
    vi.stubEnv("TRUST_PROXY", "");
    expect(trustedClientIp(headers)).toBeNull();
    vi.stubEnv("TRUST_PROXY", "1");
    expect(trustedClientIp(headers)).toBe("203.0.113.9");
    expect(trustedClientIp(new Headers())).toBeNull();
    vi.stubEnv("TRUST_PROXY", "");
  });
});
