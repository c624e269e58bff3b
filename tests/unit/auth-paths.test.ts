import { describe, expect, it, vi } from "vitest";
import { safeReturnPath, signInSchema } from "@/lib/auth/schemas";
import { negotiateLocale } from "@/lib/i18n/config";

describe("where to go after signing in", () => {
  it("keeps same-site paths and refuses other sites", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://consult.example.org");
    expect(safeReturnPath("/calls/x?y=1")).toBe("/calls/x?y=1");
    expect(safeReturnPath("https://consult.example.org/profile")).toBe("/profile");
    expect(safeReturnPath("https://evil.example.com/profile")).toBe("/");
    expect(safeReturnPath("//evil.example.com")).toBe("/");
    expect(safeReturnPath("/\\evil.example.com")).toBe("/");
    expect(safeReturnPath("javascript:alert(1)")).toBe("/");
    expect(safeReturnPath(undefined, "/profile")).toBe("/profile");
    vi.unstubAllEnvs();
  });
});

describe("the sign-in form", () => {
  it("normalises the address and refuses what is not one", () => {
    expect(signInSchema.parse({ email: "  Ana@Example.ORG " })).toEqual({ email: "ana@example.org" });
    expect(signInSchema.safeParse({ email: "ana" }).success).toBe(false);
    expect(signInSchema.safeParse({ email: `${"a".repeat(250)}@example.org` }).success).toBe(false);
  });
});

describe("the interface language", () => {
  it("takes the first supported language of the browser, else English", () => {
    expect(negotiateLocale("fr-CH, fr;q=0.9, en;q=0.8")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
  });
});
