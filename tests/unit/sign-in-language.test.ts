// A sign-in link used through next-auth's own callback handling (as a click on the emailed link goes): a
// person without a language keeps the one of the page they signed in from, a person with one keeps theirs,
// and either is then sent on to pages in their language with the NEXT_LOCALE cookie set to it.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptionsFor } from "@/lib/auth/options";
import { inLocale, landInLocale, localeOfAddress } from "@/lib/auth/sign-in-locale";
import { db, disconnectDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { createUser } from "@/prisma/factories";
import { runNextAuth } from "./next-auth-requests";

const BASE = "http://localhost:3000";
const SECRET = "unit-secret-not-for-production-0123456789";

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_URL", BASE);
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await disconnectDb();
});

/** A sign-in link for `email`, as next-auth stores it (the token hashed with the secret). */
async function linkFor(email: string) {
  const token = randomBytes(32).toString("hex");
  await db.verificationToken.create({
    data: {
      identifier: email,
      token: createHash("sha256").update(`${token}${SECRET}`).digest("hex"),
      expires: new Date(Date.now() + 10 * 60_000),
    },
  });
  return token;
}

/**
 * Opens a sign-in link (by default a valid one for `email`) whose callbackUrl is `callbackUrl`, with the
 * options the route handler makes for it; returns where next-auth sends the browser and the language the
 * options were told.
 */
async function openLink(email: string, callbackUrl: string, token?: string) {
  const told: { locale?: Locale | null } = {};
  const options = authOptionsFor({
    clientIp: null,
    userAgent: null,
    pageLocale: localeOfAddress(callbackUrl),
    onSignedIn: (locale) => void (told.locale = locale),
  });
  const location = await runNextAuth(
    { method: "GET", query: { nextauth: ["callback", "email"], token: token ?? (await linkFor(email)), callbackUrl } },
    options,
  );
  return { location, told };
}

const localeOf = async (email: string) =>
  (await db.user.findUniqueOrThrow({ where: { email }, select: { locale: true } })).locale;

describe("the first sign-in", () => {
  it("keeps the language of the page the person signed in from, and lands them in it", async () => {
    const email = `first-es-${randomBytes(4).toString("hex")}@test.example.org`;
    const { location, told } = await openLink(email, `${BASE}/es/calls/x`);
    expect(await localeOf(email)).toBe("es");
    expect(told.locale).toBe("es");
    // A new account goes to the profile form first (next-auth's newUser page), then on to the call.
    const landed = landInLocale(new Response(null, { status: 302, headers: { location } }), told.locale!);
    const target = new URL(landed.headers.get("location")!, BASE);
    expect(target.pathname).toBe("/es/profile");
    expect(new URL(target.searchParams.get("callbackUrl")!).pathname).toBe("/es/calls/x");
    expect(landed.headers.get("set-cookie")).toMatch(/^NEXT_LOCALE=es; Path=\/; Max-Age=\d+; SameSite=lax$/);
  });

  it("keeps English for a sign-in from an English page (no prefix)", async () => {
    const email = `first-en-${randomBytes(4).toString("hex")}@test.example.org`;
    const { told } = await openLink(email, `${BASE}/calls`);
    expect(await localeOf(email)).toBe("en");
    expect(told.locale).toBe("en");
  });

  it("does not replace a language already chosen, and sends the person on in theirs", async () => {
    const user = await createUser(db);
    await db.user.update({ where: { id: user.id }, data: { locale: "fr" } });
    const { location, told } = await openLink(user.email, `${BASE}/es/calls/x?tab=2`);
    expect(await localeOf(user.email)).toBe("fr");
    expect(told.locale).toBe("fr");
    expect(location).toBe(`${BASE}/es/calls/x?tab=2`);
    const answer = new Response(null, { status: 302, headers: { location, "set-cookie": "next-auth.session-token=t; Path=/" } });
    const landed = landInLocale(answer, "fr");
    expect(landed.headers.get("location")).toBe(`${BASE}/fr/calls/x?tab=2`);
    expect(landed.status).toBe(302);
    // next-auth's session cookie goes on with the language's.
    expect(landed.headers.getSetCookie()).toEqual([
      "next-auth.session-token=t; Path=/",
      expect.stringMatching(/^NEXT_LOCALE=fr;/),
    ]);
  });

  it("gives an existing person without a language the page's (accounts from before languages)", async () => {
    const user = await createUser(db);
    const { told } = await openLink(user.email, `${BASE}/zh`);
    expect(await localeOf(user.email)).toBe("zh");
    expect(told.locale).toBe("zh");
  });

  it("keeps nothing when the link is not valid", async () => {
    const user = await createUser(db);
    const { location, told } = await openLink(user.email, `${BASE}/es`, "not-a-token");
    expect(location).toContain("error=Verification");
    expect(told).toEqual({});
    expect(await localeOf(user.email)).toBeNull();
  });
});

describe("addresses in a language", () => {
  it("reads an address's language from its prefix, English without one", () => {
    expect(localeOfAddress("/es/calls/x")).toBe("es");
    expect(localeOfAddress(`${BASE}/ar`)).toBe("ar");
    expect(localeOfAddress("/calls/x")).toBe("en");
    expect(localeOfAddress("/")).toBe("en");
    expect(localeOfAddress("/de/calls")).toBe("en");
    expect(localeOfAddress(null)).toBeNull();
  });

  it("puts a path into a language, keeping its query and hash, and never makes it another host", () => {
    expect(inLocale("/calls/x?y=1#z", "es")).toBe("/es/calls/x?y=1#z");
    expect(inLocale("/fr/calls/x", "en")).toBe("/calls/x");
    expect(inLocale("/fr", "ru")).toBe("/ru");
    expect(inLocale("/", "zh")).toBe("/zh");
    expect(inLocale("/es//evil.example", "en")).toBe("/evil.example");
    expect(inLocale("/es//evil.example", "fr")).toBe("/fr/evil.example");
  });
});
