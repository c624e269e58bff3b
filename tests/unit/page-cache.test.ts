// The cache of whole public pages (scripts/lib/page-cache.mjs), in front of a page origin: which requests it may
// answer (the page every visitor without a session gets, and nothing else), a fresh nonce in every copy, one making
// per page and version however many ask at once, made again as soon as the public content's version moves (a real
// write to PostgreSQL), nothing kept but 200 HTML pages. The browser tests run it in front of Next.js itself
// (tests/e2e/public-cache.spec.ts); here the origin is a small server of the test, so what it was asked is counted.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/config";
import { db, disconnectDb } from "@/lib/db";
import { createCall } from "@/prisma/factories";
import { createPageCache, LOCALES, pageKey, PAGE_CACHE_HEADER, PAGE_FILL_HEADER } from "@/scripts/lib/page-cache.mjs";
import { READER_TIME_WORKER, READER_TIME_WORKER_PATH } from "@/scripts/lib/reading-page.mjs";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });

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
      "/api/v1/calls/open-call/responses",
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
        if (req.url === "/calls/missing") {
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
        if (!served) res.writeHead(299, { "content-type": "text/plain" }).end("for Next.js");
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
    const { request: send } = await import("node:http");
    const compressed = await new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve) => {
      send(`${base}/calls/gzip`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res
          .on("data", (chunk: Buffer) => chunks.push(chunk))
          .on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).end();
    });
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
});
