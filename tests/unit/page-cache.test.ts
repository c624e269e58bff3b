// The cache of whole public pages (scripts/lib/page-cache.mjs), in front of a page origin: which requests it may
// answer (the page every visitor without a session gets, and nothing else), a fresh nonce in every copy, one making
// per page and version however many ask at once, made again as soon as the public content's version moves (a real
// write to PostgreSQL), nothing kept but 200 HTML pages. The browser tests run it in front of Next.js itself
// (tests/e2e/public-cache.spec.ts); here the origin is a small server of the test, so what it was asked is counted.
import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/config";
import { db, disconnectDb } from "@/lib/db";
import { createCall } from "@/prisma/factories";
import { takenBefore, takenHeader, TAKEN_HEADER } from "@/lib/limits/token-bucket.mjs";
import { apiKey, createPageCache, LOCALES, pageKey, PAGE_CACHE_HEADER, PAGE_FILL_HEADER } from "@/scripts/lib/page-cache.mjs";
import { READER_TIME_WORKER, READER_TIME_WORKER_PATH } from "@/scripts/lib/reading-page.mjs";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });

/** A GET that accepts gzip and reads the body as sent (fetch would decompress it). */
function gzipGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res
        .on("data", (chunk: Buffer) => chunks.push(chunk))
        .on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

describe("which requests the cache of whole pages answers", () => {
  it("knows the interface's languages", () => {
    expect(LOCALES).toEqual([...locales]);
  });

  it("answers the public pages, in every language, for a visitor without a session", () => {
    for (const path of [
      "/",
      "/calls/open-call",
      "/calls/open-call/responses?q=security&page=2",
      "/calls/open-call/participation",
      "/calls/open-call/contributors",
      "/responses/CYB26-0001",
      "/messages/draft",
      "/messages/draft/comments",
      "/messages/draft/compare?from=1&to=2",
      "/messages/draft/versions",
      "/messages/draft/discuss/p1",
      "/fr",
      "/ar/calls/open-call",
      "/zh/messages/draft",
    ]) {
      expect(pageKey(request(path)), path).not.toBeNull();
      expect(pageKey(request(path, {}, "HEAD")), `HEAD ${path}`).not.toBeNull();
    }
    // The language cookie and next-auth's sign-in bookkeeping are not a person.
    expect(
      pageKey(request("/", { cookie: "NEXT_LOCALE=en; next-auth.csrf-token=abc; next-auth.callback-url=%2F" })),
    ).not.toBeNull();
  });

  it("leaves everything else to Next.js", () => {
    for (const path of [
      "/my/responses",
      "/calls/open-call/respond",
      "/moderation/calls/x/queue",
      "/admin/users",
      "/signin",
      "/unsubscribe/token",
      "/developers/api",
      "/api/v1/calls/open-call/responses", // an API answer, with a key of its own (apiKey)
      "/api/health",
      "/calls/open-call/responses/extra",
      "/de/calls/open-call",
      "/fr/my/responses",
      "/calls/open-call?_rsc=1x2y",
    ]) {
      expect(pageKey(request(path)), path).toBeNull();
    }
    expect(pageKey(request("/", {}, "POST"))).toBeNull();
    expect(pageKey(request("/", { cookie: "next-auth.session-token=abc" }))).toBeNull();
    expect(pageKey(request("/", { cookie: "NEXT_LOCALE=fr; __Secure-next-auth.session-token=abc" }))).toBeNull();
    expect(pageKey(request("/", { cookie: "something=else" }))).toBeNull();
    for (const header of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action", "purpose", PAGE_FILL_HEADER]) {
      expect(pageKey(request("/", { [header]: "1" })), header).toBeNull();
    }
  });

  it("keys the open data API's answers by their address, unconditional GETs and HEADs only", () => {
    expect(apiKey(request("/api/v1/calls?limit=5"))).toBe("api /api/v1/calls?limit=5");
    expect(apiKey(request("/api/v1/calls", {}, "HEAD"))).toBe("api /api/v1/calls");
    expect(apiKey(request("/api/v1/calls", {}, "POST"))).toBeNull();
    expect(apiKey(request("/api/v1/calls", { "if-none-match": 'W/"x"' }))).toBeNull();
    expect(apiKey(request("/api/v1/calls", { "if-modified-since": new Date().toUTCString() }))).toBeNull();
  });

  it("keys a page by what next-intl chooses its language from", () => {
    const english = pageKey(request("/calls/x", { "accept-language": "en" }));
    expect(pageKey(request("/calls/x", { "accept-language": "fr" }))).not.toBe(english);
    expect(pageKey(request("/calls/x", { "accept-language": "en", cookie: "NEXT_LOCALE=fr" }))).not.toBe(english);
    expect(pageKey(request("/calls/x?a=1", { "accept-language": "en" }))).not.toBe(english);
    // Under a language prefix, Accept-Language changes nothing.
    expect(pageKey(request("/fr/calls/x", { "accept-language": "en" }))).toBe(
      pageKey(request("/fr/calls/x", { "accept-language": "ar" })),
    );
  });
});

describe("the cache of whole pages in front of an origin", () => {
  const asked: IncomingMessage[] = [];
  let origin: Server;
  let front: Server;
  let base: string;
  let cache: ReturnType<typeof createPageCache>;
  let slowPage: (() => void) | null = null;

  beforeAll(async () => {
    // The origin answers as Next.js with proxy.ts does: a fresh nonce in the policy and on the page's scripts.
    origin = createServer((req, res) => {
      asked.push(req);
      const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
      const headers = {
        "content-security-policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
        link: `</a.css>; rel=preload; as="style"; nonce="${nonce}"`,
        "set-cookie": "NEXT_LOCALE=en; Path=/; SameSite=lax",
        "x-middleware-rewrite": "/en",
        "cross-origin-opener-policy": "same-origin",
        "x-frame-options": "DENY",
      };
      const reply = () => {
        if (req.url?.startsWith("/api/v1/")) {
          // As lib/api/http.ts answers: JSON, open to any origin, with the rate limit of the client it was made for.
          const status = req.url === "/api/v1/missing" ? 404 : 200;
          res
            .writeHead(status, {
              "content-type": "application/json; charset=utf-8",
              etag: 'W/"abc"',
              "cache-control": "public, no-cache",
              "access-control-allow-origin": "*",
              "ratelimit-limit": "999",
              "ratelimit-remaining": "998",
            })
            .end(JSON.stringify({ path: req.url, made: asked.length }));
        } else if (req.url === "/calls/missing") {
          res.writeHead(404, { ...headers, "content-type": "text/html" }).end("<p>Page not found</p>");
        } else {
          res
            .writeHead(200, { ...headers, "content-type": "text/html; charset=utf-8" })
            .end(`<p>Page ${req.url} made ${asked.length}</p><script nonce="${nonce}">go()</script>`);
        }
      };
      if (req.url === "/calls/slow") slowPage = reply;
      else reply();
    });
    await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
    cache = createPageCache({
      origin: `http://127.0.0.1:${(origin.address() as AddressInfo).port}`,
      databaseUrl: process.env.DATABASE_URL,
      seconds: 60,
    });
    front = createServer((req, res) => {
      void cache.serve(req, res).then((served) => {
        // What Next.js would be told of the request's token (lib/api/rate-limit.ts reads the same header).
        const taken = takenBefore(req.headers[TAKEN_HEADER] as string | undefined) ?? null;
        if (!served) res.writeHead(299, { "content-type": "text/plain" }).end(JSON.stringify({ forNextJs: true, taken }));
      });
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await cache.close();
    await new Promise((resolve) => front.close(resolve));
    await new Promise((resolve) => origin.close(resolve));
    await disconnectDb();
  });

  const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

  it("makes a page once and sends every copy under a nonce of its own", async () => {
    const before = asked.length;
    const first = await fetch(`${base}/calls/nonce`);
    const second = await fetch(`${base}/calls/nonce`);
    expect([first.headers.get(PAGE_CACHE_HEADER), second.headers.get(PAGE_CACHE_HEADER)]).toEqual(["miss", "hit"]);
    expect(asked.length - before).toBe(1);
    expect(asked.at(-1)!.headers[PAGE_FILL_HEADER]).toBe("1");

    const [one, two] = [nonceOf(first)!, nonceOf(second)!];
    expect(one).not.toBe(two);
    const [firstBody, secondBody] = [await first.text(), await second.text()];
    expect(firstBody).toContain(`<script nonce="${one}">`);
    // Kept without Next.js's scripts (the origin's go()), with the reading script (scripts/lib/reading-page.mjs).
    expect(firstBody).not.toContain("go()");
    expect(firstBody).toContain("enhanceReadingPage");
    expect(secondBody).toContain(`<script nonce="${two}">`);
    expect(secondBody.replace(two, one)).toBe(firstBody);
    expect(second.headers.get("link")).toContain(`nonce="${two}"`);
    // The language cookie is set as the origin set it; what was made for the origin's request only is not passed on.
    expect(second.headers.getSetCookie()).toEqual(["NEXT_LOCALE=en; Path=/; SameSite=lax"]);
    expect(second.headers.get("x-middleware-rewrite")).toBeNull();
    // The page's security headers are kept, but for the opener policy, which a visitor's copy has no use for.
    expect(second.headers.get("x-frame-options")).toBe("DENY");
    expect(second.headers.get("cross-origin-opener-policy")).toBeNull();
  });

  it("sends the page compressed to a client that accepts gzip, and headers alone to HEAD", async () => {
    await fetch(`${base}/calls/gzip`);
    const compressed = await gzipGet(`${base}/calls/gzip`);
    expect(compressed.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(compressed.body).toString()).toContain("<p>Page /calls/gzip made");

    const head = await fetch(`${base}/calls/gzip`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get(PAGE_CACHE_HEADER)).toBe("hit");
  });

  it("serves the reading worker itself, named by its content and kept by the browser", async () => {
    const before = asked.length;
    const worker = await fetch(`${base}${READER_TIME_WORKER_PATH}`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(worker.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await worker.text()).toBe(READER_TIME_WORKER);
    expect((await fetch(`${base}${READER_TIME_WORKER_PATH}`, { method: "HEAD" })).status).toBe(200);
    expect(asked.length).toBe(before); // not asked of Next.js
    // Another name under the same folder, or a post, is Next.js's (a 404 there).
    expect((await fetch(`${base}/_reading/reader-time.000000000000.js`)).status).toBe(299);
    expect((await fetch(`${base}${READER_TIME_WORKER_PATH}`, { method: "POST" })).status).toBe(299);
  });

  it("makes a page again as soon as the public content's version moves", async () => {
    const made = async (response: Response) => /made (\d+)/.exec(await response.text())?.[1];
    const first = await made(await fetch(`${base}/calls/version`));
    const cached = await fetch(`${base}/calls/version`);
    expect(cached.headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    expect(await made(cached)).toBe(first);
    const before = asked.length;
    const call = await createCall(db);
    await db.call.update({ where: { id: call.id }, data: { title: `${call.title}, revised` } });
    const again = await fetch(`${base}/calls/version`);
    expect(again.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    expect(asked.length - before).toBe(1);
    expect(await made(again)).not.toBe(first);
  });

  it("makes a page once for visitors asking at the same time", async () => {
    const before = asked.length;
    const answers = Array.from({ length: 8 }, () => fetch(`${base}/calls/slow`));
    await expect.poll(() => slowPage !== null).toBe(true);
    slowPage!();
    const pages = await Promise.all(answers);
    expect(asked.length - before).toBe(1);
    expect(new Set(pages.map(nonceOf)).size).toBe(8);
    expect(pages.every((page) => page.status === 200)).toBe(true);
  });

  it("keeps nothing but 200 HTML pages, and leaves the rest to Next.js", async () => {
    const missing = await fetch(`${base}/calls/missing`);
    expect(missing.status).toBe(299);
    // A visitor with a session is answered by Next.js: nothing is asked of the origin for them.
    const before = asked.length;
    const signedIn = await fetch(`${base}/calls/nonce`, { headers: { cookie: "next-auth.session-token=abc" } });
    expect(signedIn.status).toBe(299);
    expect(asked.length).toBe(before);
  });
  describe("the open data API", () => {
    // Each test's clients are addresses of their own (counted as unverified: no trusted proxy here).
    const client = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const ask = (path: string, ip: string, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { headers: { "x-forwarded-for": ip, ...headers } });
    const limits = { burst: process.env.API_RATE_LIMIT_BURST, perMinute: process.env.API_RATE_LIMIT_PER_MINUTE };
    beforeAll(() => {
      delete process.env.TRUST_PROXY;
      delete process.env.TRUSTED_PROXY_HEADER;
      process.env.API_RATE_LIMIT_BURST = "3";
      process.env.API_RATE_LIMIT_PER_MINUTE = "1";
    });
    afterAll(() => {
      for (const [name, value] of [
        ["API_RATE_LIMIT_BURST", limits.burst],
        ["API_RATE_LIMIT_PER_MINUTE", limits.perMinute],
      ] as const)
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    });

    it("makes an answer once, uncharged, and sends it to every client with that client's own rate limit", async () => {
      const before = asked.length;
      const [one, two] = [client(), client()];
      const first = await ask("/api/v1/calls?limit=2", one);
      const second = await ask("/api/v1/calls?limit=2", one);
      const other = await ask("/api/v1/calls?limit=2", two);
      expect([first, second, other].map((answer) => answer.headers.get(PAGE_CACHE_HEADER))).toEqual(["miss", "hit", "hit"]);
      expect(asked.length - before).toBe(1);
      // The cache's own request says so (no client's token is taken for it), under this process's secret.
      expect(takenBefore(asked.at(-1)!.headers[TAKEN_HEADER] as string)).toBe("fill");
      expect(asked.at(-1)!.headers[PAGE_FILL_HEADER]).toBe("1");
      const bodies = await Promise.all([first, second, other].map((answer) => answer.text()));
      expect(new Set(bodies).size).toBe(1);
      expect(JSON.parse(bodies[0]!)).toEqual({ path: "/api/v1/calls?limit=2", made: before + 1 });
      // The answer's own headers are kept, its rate limit (the fill's) is not: each client gets its own.
      expect(second.headers.get("etag")).toBe('W/"abc"');
      expect(second.headers.get("access-control-allow-origin")).toBe("*");
      expect(second.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect([first, second, other].map((answer) => answer.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "2"]);
      expect(second.headers.get("ratelimit-limit")).toBe("3");
    });

    it("sends a client with no token left to Next.js, saying the token was asked for and refused", async () => {
      const ip = client();
      for (let i = 0; i < 3; i++) expect((await ask("/api/v1/forums", ip)).status).toBe(200);
      const before = asked.length;
      const refused = await ask("/api/v1/forums", ip);
      expect(refused.status).toBe(299);
      expect(await refused.json()).toMatchObject({ taken: { allowed: false, remaining: 0, limit: 3 } });
      expect(asked.length).toBe(before);
      expect((await ask("/api/v1/forums", client())).status).toBe(200); // another client is unaffected
    });

    it("charges what Next.js answers once: conditional requests, errors, a client's own word", async () => {
      const ip = client();
      const conditional = await ask("/api/v1/calls", ip, { "if-none-match": 'W/"abc"' });
      expect(conditional.status).toBe(299);
      expect(await conditional.json()).toMatchObject({ taken: { allowed: true, remaining: 2 } });
      // An answer that is not a 200 is not kept: Next.js answers each, charged here once.
      const missing = await ask("/api/v1/missing", ip);
      expect(missing.status).toBe(299);
      expect(await missing.json()).toMatchObject({ taken: { allowed: true, remaining: 1 } });
      // A client cannot say it was charged, nor that it is the cache itself.
      for (const said of [takenHeader(null).replace(/^\S+/, "guess"), '{"allowed":true}']) {
        const forged = await ask("/api/v1/missing", client(), { [TAKEN_HEADER]: said });
        expect(await forged.json()).toMatchObject({ taken: { allowed: true, remaining: 2 } });
      }
    });

    it("makes an answer again as soon as the public content's version moves, and compresses it", async () => {
      const made = async (answer: Response) => ((await answer.json()) as { made: number }).made;
      const ip = client();
      const first = await made(await ask("/api/v1/message-sets", ip));
      expect(await made(await ask("/api/v1/message-sets", ip))).toBe(first);
      const call = await createCall(db);
      await db.call.update({ where: { id: call.id }, data: { title: `${call.title}, revised` } });
      const again = await ask("/api/v1/message-sets", client());
      expect(again.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
      expect(await made(again)).not.toBe(first);

      const compressed = await gzipGet(`${base}/api/v1/message-sets`, { "x-forwarded-for": client() });
      expect(compressed.headers["content-encoding"]).toBe("gzip");
      expect(compressed.headers.vary).toBe("Accept-Encoding");
      expect(JSON.parse(gunzipSync(compressed.body).toString())).toMatchObject({ path: "/api/v1/message-sets" });
    });
  });
});
