// Issue 11, items 2 and 5: what proxy.ts refuses before Next.js routes a request (unsupported methods, NUL and
// broken escapes in paths, cross-site and oversized form posts), and that its table of route handler methods
// is the one the code has.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  allowedMethods, cleanPageQuery, refuseRequest, ROUTE_HANDLER_METHODS, SERVER_ACTION_BODY_LIMIT,
} from "@/lib/http/request-guard";

const headers = (values: Record<string, string> = {}) => new Headers({ host: "consult.example.org", ...values });

describe("methods", () => {
  it("answers 405 with Allow to TRACE, PROPFIND and invented methods, on pages and route handlers", () => {
    for (const method of ["TRACE", "PROPFIND", "FOO", "CONNECT", "PUT", "DELETE", "OPTIONS"]) {
      expect(refuseRequest(method, "/calls/x/responses", headers()), method).toEqual({
        status: 405, reason: expect.any(String), allow: "GET, HEAD, POST",
      });
    }
    for (const method of ["TRACE", "PROPFIND", "FOO", "POST", "DELETE"]) {
      expect(refuseRequest(method, "/api/v1/calls", headers()), method).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
    }
    expect(refuseRequest("TRACE", "/api/attachments/abc", headers())).toMatchObject({ status: 405, allow: "GET, DELETE, HEAD, OPTIONS" });
    expect(refuseRequest("GET", "/api/responses/abc/attachments", headers())).toMatchObject({ status: 405, allow: "POST, OPTIONS" });
  });

  it("lets through every method a route handler exports (the table matches app/**/route.ts)", () => {
    const routes: { sample: string; methods: string[] }[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name === "route.ts") {
          const source = readFileSync(path, "utf8");
          const methods = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b|as (GET|POST|PUT|PATCH|DELETE)\b/g)]
            .map((m) => m[1] ?? m[2]!);
          const sample = dir === "app" ? "/" : `/${path.slice("app/".length, -"/route.ts".length)}`
            .replace(/\/\([^)]+\)/g, "")
            .replace(/\[\.\.\.[^\]]+\]/g, "a/b")
            .replace(/\[[^\]]+\]/g, "x1");
          routes.push({ sample, methods });
        }
      }
    };
    walk("app");
    expect(routes.length).toBeGreaterThan(15);
    for (const { sample, methods } of routes) {
      const allowed = allowedMethods(sample);
      expect(allowed.routeHandler, sample).toBe(true);
      expect(allowed.methods.filter((m) => m !== "HEAD" && m !== "OPTIONS").sort(), sample).toEqual([...new Set(methods)].sort());
      for (const method of methods) expect(refuseRequest(method, sample, headers()), `${method} ${sample}`).toBeNull();
    }
    expect(ROUTE_HANDLER_METHODS.length).toBeGreaterThan(0);
  });
});

describe("paths", () => {
  it("refuses NUL, lone surrogates, non-characters and malformed escapes in any segment", () => {
    for (const path of [
      "/responses/%00", "/api/attachments/%00", "/api/v1/responses/%00", "/api/v1/forums/%00", "/calls/%00/responses",
      "/responses/%ED%A0%80", "/responses/%uD800", "/responses/%E0%A4", "/responses/%", "/messages/a%EF%BF%BFb",
      "/messages/%EF%B7%90", "/api/v1/message-sets/x/versions/%F4%8F%BF%BF",
    ]) {
      expect(refuseRequest("GET", path, headers()), path).toMatchObject({ status: 400 });
    }
  });

  it("accepts ordinary and non-Latin paths", () => {
    for (const path of ["/", "/calls/cybersecurity-norms-2026/responses", "/responses/CYB25-0001", "/messages/%E6%9D%B1%E4%BA%AC", "/x/%F0%9F%98%80"]) {
      expect(refuseRequest("GET", path, headers()), path).toBeNull();
    }
  });
});

describe("form posts to pages (server actions)", () => {
  it("refuses another site's origin with 403 and accepts this site's or none", () => {
    expect(refuseRequest("POST", "/profile", headers({ origin: "https://evil.example", "next-action": "abc" }))).toMatchObject({ status: 403 });
    expect(refuseRequest("POST", "/profile", headers({ origin: "null" }))).toMatchObject({ status: 403 });
    expect(refuseRequest("POST", "/profile", headers({ origin: "https://consult.example.org" }))).toBeNull();
    expect(refuseRequest("POST", "/profile", headers({ origin: "https://app.internal", "x-forwarded-host": "app.internal" }))).toBeNull();
    expect(refuseRequest("POST", "/profile", headers())).toBeNull();
  });

  it("refuses a declared body above the limit with 413, before reading it; uploads to the route handler are its own", () => {
    const length = (n: number) => headers({ "content-length": String(n), "next-action": "abc" });
    expect(refuseRequest("POST", "/profile", length(SERVER_ACTION_BODY_LIMIT))).toBeNull();
    expect(refuseRequest("POST", "/profile", length(SERVER_ACTION_BODY_LIMIT + 1))).toMatchObject({ status: 413 });
    expect(refuseRequest("POST", "/profile", length(10 * 1024 * 1024))).toMatchObject({ status: 413 });
    expect(refuseRequest("POST", "/api/responses/abc/attachments", length(8 * 1024 * 1024))).toBeNull();
  });
});

describe("page query strings", () => {
  it("loses the refused characters and keeps the rest", () => {
    expect(cleanPageQuery(new URLSearchParams("q=norms&group=GOVERNMENT"))).toBeNull();
    expect(cleanPageQuery(new URLSearchParams("q=no%00rms%EF%BF%BF&group=GOVERNMENT"))!.toString()).toBe("q=norms&group=GOVERNMENT");
    expect(cleanPageQuery(new URLSearchParams("%00=1&q=a"))!.toString()).toBe("q=a");
  });
});
