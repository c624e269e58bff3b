// Issue 11, items 2 and 5: what proxy.ts refuses before Next.js routes a request (unsupported methods, NUL and
// broken escapes in paths, cross-site and oversized form posts), and that its table of route handler methods
// is the one the code has.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { once } from "node:events";
import http from "node:http";
import net from "node:net";
import {
  PAGE_QUERY_LIMIT,
  allowedMethods,
  cleanPageQuery,
  refusalBody,
  refuseRequest,
  ROUTE_HANDLER_METHODS,
  SERVER_ACTION_BODY_LIMIT,
} from "@/lib/http/request-guard";
import { refuseUnroutableRequests } from "@/lib/http/unroutable-requests";

const headers = (values: Record<string, string> = {}) => new Headers({ host: "consult.example.org", ...values });

describe("methods", () => {
  it("answers 405 with Allow to TRACE, PROPFIND and invented methods, on pages and route handlers", () => {
    for (const method of ["TRACE", "PROPFIND", "FOO", "CONNECT", "PUT", "DELETE", "OPTIONS"]) {
      expect(refuseRequest(method, "/calls/x/responses", headers()), method).toEqual({
        status: 405,
        reason: expect.any(String),
        allow: "GET, HEAD, POST",
      });
    }
    for (const method of ["TRACE", "PROPFIND", "FOO", "POST", "DELETE"]) {
      expect(refuseRequest(method, "/api/v1/calls", headers()), method).toMatchObject({
        status: 405,
        allow: "GET, HEAD, OPTIONS",
      });
    }
    expect(refuseRequest("TRACE", "/api/attachments/abc", headers())).toMatchObject({
      status: 405,
      allow: "GET, DELETE, HEAD, OPTIONS",
    });
    expect(refuseRequest("GET", "/api/responses/abc/attachments", headers())).toMatchObject({
      status: 405,
      allow: "POST, OPTIONS",
    });
  });

  it("lets through every method a route handler exports (the table matches app/**/route.ts)", () => {
    const routes: { sample: string; methods: string[] }[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name === "route.ts") {
          const source = readFileSync(path, "utf8");
          const methods = [
            ...source.matchAll(
              /export (?:(?:async )?function|const) (GET|POST|PUT|PATCH|DELETE)\b|as (GET|POST|PUT|PATCH|DELETE)\b/g,
            ),
          ].map((m) => m[1] ?? m[2]!);
          const sample =
            dir === "app"
              ? "/"
              : `/${path.slice("app/".length, -"/route.ts".length)}`
                  .replace(/\/\([^)]+\)/g, "")
                  .replace(/^\/\[locale\]/, "/fr")
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
      "/responses/%00",
      "/api/attachments/%00",
      "/api/v1/responses/%00",
      "/api/v1/forums/%00",
      "/calls/%00/responses",
      "/responses/%ED%A0%80",
      "/responses/%uD800",
      "/responses/%E0%A4",
      "/responses/%",
      "/messages/a%EF%BF%BFb",
      "/messages/%EF%B7%90",
      "/api/v1/message-sets/x/versions/%F4%8F%BF%BF",
    ]) {
      expect(refuseRequest("GET", path, headers()), path).toMatchObject({ status: 400 });
    }
  });

  it("accepts ordinary and non-Latin paths", () => {
    for (const path of [
      "/",
      "/calls/cybersecurity-norms-2026/responses",
      "/responses/CYB25-0001",
      "/messages/%E6%9D%B1%E4%BA%AC",
      "/x/%F0%9F%98%80",
    ]) {
      expect(refuseRequest("GET", path, headers()), path).toBeNull();
    }
  });

  it("refuses a page's query over the limit with 414, and leaves the API's queries to the API", () => {
    const long = new URLSearchParams({ q: "a".repeat(PAGE_QUERY_LIMIT) });
    expect(refuseRequest("GET", "/", headers(), long)).toMatchObject({ status: 414 });
    expect(
      refuseRequest("GET", "/calls/x/responses", headers(), new URLSearchParams({ q: "a".repeat(PAGE_QUERY_LIMIT - 2) })),
    ).toBeNull();
    expect(refuseRequest("GET", "/api/v1/calls", headers(), long)).toBeNull();
  });
});

describe("form posts to pages (server actions)", () => {
  it("refuses another site's origin with 403 and accepts this site's or none", () => {
    expect(refuseRequest("POST", "/profile", headers({ origin: "https://evil.example", "next-action": "abc" }))).toMatchObject({
      status: 403,
    });
    expect(refuseRequest("POST", "/profile", headers({ origin: "null" }))).toMatchObject({ status: 403 });
    expect(refuseRequest("POST", "/profile", headers({ origin: "https://consult.example.org" }))).toBeNull();
    expect(
      refuseRequest("POST", "/profile", headers({ origin: "https://app.internal", "x-forwarded-host": "app.internal" })),
    ).toBeNull();
    expect(refuseRequest("POST", "/profile", headers())).toBeNull();
  });

  it("refuses a declared body above the limit with 413, before reading it; uploads to the route handler are its own", () => {
    const length = (n: number) => headers({ "content-length": String(n), "next-action": "abc" });
    expect(refuseRequest("POST", "/profile", length(SERVER_ACTION_BODY_LIMIT))).toBeNull();
    expect(refuseRequest("POST", "/profile", length(SERVER_ACTION_BODY_LIMIT + 1))).toMatchObject({ status: 413 });
    expect(refuseRequest("POST", "/profile", length(10 * 1024 * 1024))).toMatchObject({ status: 413 });
    expect(refuseRequest("POST", "/api/responses/abc/attachments", length(8 * 1024 * 1024))).toBeNull();
    // Chunked, so no length to check: refused before it is read (Next.js would cut it and fail on the rest).
    expect(refuseRequest("POST", "/profile", headers({ "transfer-encoding": "chunked", "next-action": "abc" }))).toMatchObject({
      status: 411,
    });
    expect(refuseRequest("POST", "/api/responses/abc/attachments", headers({ "transfer-encoding": "chunked" }))).toBeNull();
  });
});

describe("page query strings", () => {
  it("loses the refused characters and keeps the rest", () => {
    expect(cleanPageQuery(new URLSearchParams("q=norms&group=GOVERNMENT"))).toBeNull();
    expect(cleanPageQuery(new URLSearchParams("q=no%00rms%EF%BF%BF&group=GOVERNMENT"))!.toString()).toBe(
      "q=norms&group=GOVERNMENT",
    );
    expect(cleanPageQuery(new URLSearchParams("%00=1&q=a"))!.toString()).toBe("q=a");
  });
});

describe("next-auth's callback URL", () => {
  it("is a 400 (not next-auth's 500) when the query or the cookie holds something that is not a URL", () => {
    const get = (query: string, cookie?: string) =>
      refuseRequest("GET", "/api/auth/session", headers(cookie ? { cookie } : {}), new URLSearchParams(query));
    for (const query of ["callbackUrl=%00", "callbackUrl=foo", "callbackUrl=%uD800", "callbackUrl=javascript:alert(1)"]) {
      expect(get(query), query).toMatchObject({ status: 400 });
    }
    expect(get("callbackUrl=%2Fcalls")).toBeNull();
    expect(get("callbackUrl=http%3A%2F%2Fconsult.example.org%2F")).toBeNull();
    expect(get("", "next-auth.callback-url=%00; other=1")).toMatchObject({
      status: 400,
      clearCookies: ["next-auth.callback-url"],
    });
    expect(get("", "next-auth.callback-url=%2Fprofile")).toBeNull();
    expect(refuseRequest("GET", "/calls", headers(), new URLSearchParams("callbackUrl=foo"))).toBeNull();
  });
});

describe("refusal bodies", () => {
  it("use the open data API's error shape there, { ok, message } on other routes, text on pages", () => {
    const refusal = { status: 400 as const, reason: "Bad path." };
    expect(JSON.parse(refusalBody("/api/v1/forums/x", refusal).body)).toEqual({
      error: { code: "bad_request", message: "Bad path." },
    });
    expect(JSON.parse(refusalBody("/api/v1/calls", { ...refusal, status: 405 }).body)).toMatchObject({
      error: { code: "method_not_allowed" },
    });
    expect(JSON.parse(refusalBody("/api/attachments/x", refusal).body)).toEqual({ ok: false, message: "Bad path." });
    expect(refusalBody("/profile", refusal)).toEqual({ body: "Bad path.", contentType: "text/plain; charset=utf-8" });
  });
});

describe("requests Next.js cannot represent", () => {
  it("are answered by the HTTP server itself: TRACE 405 with Allow, an undecodable /api path 400", async () => {
    refuseUnroutableRequests();
    const server = http.createServer((_request, response) => response.end("reached the app"));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as { port: number };
    const send = (method: string, path: string) =>
      new Promise<{ status: number; allow?: string; body: string }>((resolve, reject) => {
        const request = http.request({ host: "127.0.0.1", port, method, path }, (response) => {
          let body = "";
          response.on("data", (chunk) => (body += chunk));
          response.on("end", () => resolve({ status: response.statusCode!, allow: response.headers.allow, body }));
        });
        request.on("error", reject);
        request.end();
      });
    try {
      expect(await send("TRACE", "/")).toMatchObject({ status: 405, allow: "GET, HEAD, POST" });
      expect(await send("TRACE", "/api/v1/calls")).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
      const upload = await send("POST", "/api/responses/%uD800/attachments");
      expect(upload.status).toBe(400);
      expect(JSON.parse(upload.body)).toMatchObject({ ok: false });
      expect(await send("GET", "/api/v1/responses/%ED%A0%80")).toMatchObject({ status: 400 });
      expect(await send("GET", "/calls/x")).toMatchObject({ status: 200, body: "reached the app" });
      expect(await send("POST", "/api/responses/abc/attachments")).toMatchObject({ status: 200 });
      // A 1 MB query: the 431 arrives although the client is still sending (Node alone reset the connection).
      for (let i = 0; i < 5; i++) {
        const answer = await new Promise<string>((resolve, reject) => {
          const socket = net.connect(port, "127.0.0.1");
          let received = "";
          socket.on("data", (chunk) => (received += chunk));
          socket.on("end", () => resolve(received));
          socket.on("error", reject);
          socket.write(`GET /calls/x?q=${"a".repeat(1024 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
        });
        expect(answer).toMatch(/^HTTP\/1\.1 431 /);
        expect(answer).toContain("too long");
      }
    } finally {
      server.close();
    }
  });
});
