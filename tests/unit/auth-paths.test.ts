import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { safeReturnPath, signInSchema } from "@/lib/auth/schemas";

const SITE = "https://consult.example.org";

// Each of these, given as a return path, could end on another origin (or run script) in some browser, or
// hides characters a browser drops: all get the fallback.
const HOSTILE = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  "/ /evil.example",
  "\t//evil.example",
  " /calls",
  "/calls ",
  "/\u00a0/evil.example",
  "/\u200b/evil.example",
  "/\u202e/evil.example",
  "/\ufeff/evil.example",
  "/\u2028/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d%0a/evil.example",
  "/%00/evil.example",
  "/%20/evil.example",
  "/%2f%2fevil.example",
  "/%2F%2Fevil.example",
  "/%252f%252fevil.example",
  "/%5cevil.example",
  "/%5c%5cevil.example",
  "/.//evil.example",
  "/./%2fevil.example",
  "/.%2f/evil.example",
  "/a/..//evil.example",
  "/a/../..//evil.example",
  "/%2e//evil.example",
  "/\u2215\u2215evil.example",
  "/\u2215evil.example",
  "/\uff0f\uff0fevil.example",
  "/\uff0fevil.example",
  "/\u2044evil.example",
  "/\uff3cevil.example",
  "/\ufe68evil.example",
  "/%E2%88%95%E2%88%95evil.example",
  "/%EF%BC%8F%EF%BC%8Fevil.example",
  "/calls?q=%0d%0aSet-Cookie:x",
  "/calls#%09",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox",
  "https://evil.example/profile",
  "http://evil.example",
  "HTTPS://EVIL.EXAMPLE",
  "https:evil.example",
  "https:/evil.example",
  "https:\\\\evil.example",
  "http:evil.example",
  "ftp://evil.example",
  "evil.example",
  "calls/x",
  "?next=//evil",
  "#/profile",
  "https://consult.example.org@evil.example/",
  "https://consult.example.org.evil.example/",
  "https://user:pass@consult.example.org/profile",
  "https://consult.example.org:8443/profile",
  "http://consult.example.org/profile",
  "https://evil.example#@consult.example.org",
  "https://evil.example\\@consult.example.org",
  "/%",
  "/%zz",
  "",
  "/".padEnd(2001, "a"),
];

const KEPT: [string, string][] = [
  ["/", "/"],
  ["/calls", "/calls"],
  ["/calls/x?y=1", "/calls/x?y=1"],
  ["/calls/x?y=1&z=a%20b#answers", "/calls/x?y=1&z=a%20b#answers"],
  ["/my/responses/abc#question-2", "/my/responses/abc#question-2"],
  ["/profile?welcome=1", "/profile?welcome=1"],
  ["/calls/caf%C3%A9", "/calls/caf%C3%A9"],
  ["/a/./b/../c", "/a/c"],
  ["/@evil.example", "/@evil.example"],
  ["https://consult.example.org/profile", "/profile"],
  ["https://consult.example.org/calls/x?y=1#z", "/calls/x?y=1#z"],
  ["https://consult.example.org", "/"],
];

describe("where to go after signing in", () => {
  beforeEach(() => vi.stubEnv("NEXTAUTH_URL", SITE));
  afterEach(() => vi.unstubAllEnvs());

  it.each(HOSTILE.map((value) => [JSON.stringify(value), value]))("refuses %s", (_label, value) => {
    expect(safeReturnPath(value)).toBe("/");
    expect(safeReturnPath(value, "/profile")).toBe("/profile");
  });

  it.each(KEPT)("keeps %j as %j", (value, path) => {
    expect(safeReturnPath(value)).toBe(path);
  });

  it("uses the fallback for nothing, and an invented origin when NEXTAUTH_URL is unset", () => {
    expect(safeReturnPath(undefined, "/profile")).toBe("/profile");
    expect(safeReturnPath(null)).toBe("/");
    vi.stubEnv("NEXTAUTH_URL", "");
    expect(safeReturnPath("/calls?x=1")).toBe("/calls?x=1");
    expect(safeReturnPath("/\t/evil.example")).toBe("/");
    expect(safeReturnPath("https://consult.example.org/profile")).toBe("/");
  });

  it("checks against another origin when given one (next-auth's baseUrl)", () => {
    expect(safeReturnPath("http://localhost:3000/profile", "/", "http://localhost:3000")).toBe("/profile");
    expect(safeReturnPath("https://consult.example.org/profile", "/", "http://localhost:3000")).toBe("/");
  });
});

describe("the sign-in form", () => {
  it("normalises the address and refuses what is not one", () => {
    expect(signInSchema.parse({ email: "  Ana@Example.ORG " })).toEqual({ email: "ana@example.org" });
    expect(signInSchema.safeParse({ email: "ana" }).success).toBe(false);
    expect(signInSchema.safeParse({ email: `${"a".repeat(250)}@example.org` }).success).toBe(false);
  });
});
