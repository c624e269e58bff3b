// The cache of whole public pages, in front of Next.js (scripts/serve.mjs): a public page asked for by a visitor
// without a session is made once per version of the public content, kept in memory, and sent to everyone who asks
// for it, each time under a nonce of its own, without going through Next.js.
//
// Why not Next.js's own caches: every page carries the per-request nonce of its Content-Security-Policy
// (proxy.ts), and a page with a nonce is made by Next.js on every request (Cache Components and route revalidation
// serve HTML made once, which would carry one nonce for everyone, or need 'unsafe-inline' scripts). Nor proxy.ts:
// a cached page sent from there still went through Next.js's routing and proxy machinery (about 600 req/s on `/`
// on this machine, against ~60 made per request; from here, a few thousand, like the bench's floor). So the page
// is made by Next.js as usual, by a request of this process to itself, kept cut at the nonce it was made with, and
// joined again with a fresh one for each visitor: the policy stays as strict as on a page made for the request.
// The cache of public reads (lib/cache/public.ts) stays under it, for signed-in people and for the pages made here.
//
// Correct as that cache is: an entry is served only while PostgreSQL's version of the public content
// (prisma/migrations/20261205090000_public_content_version, moved by triggers in every writing transaction,
// whichever instance wrote) is the one it was made at, read on every request (one primary-key read); a page is made
// again after PUBLIC_CACHE_SECONDS, for what depends on the clock (a call closing at its date). What a page depends
// on for a visitor without a session is all in its key: the address, the language cookie and, for an address without
// a language prefix, the Accept-Language header (next-intl chooses the language from them). Only pages of public
// content are cached (PUBLIC_PAGE), only for requests with no cookie but the language's and next-auth's sign-in
// bookkeeping, only 200 HTML answers; the rest, and everything on any error here, is answered by Next.js.
//
// What is kept is the page without Next.js's scripts, with one small script of its own (reading-page.mjs): a
// visitor reads documents, so the framework and the router's copy of the content are not sent to them.
//
// The open data API (app/api/v1, lib/api/http.ts) is kept the same way: its answers are public data, the same for
// every client but for the client's rate limit. So every API request that comes here has its token taken here, by
// the same statement and for the same client as the route would (lib/limits/token-bucket.mjs, lib/api/
// rate-limit-config.mjs); a 200 JSON answer made at the current version is sent from the cache with the client's
// RateLimit headers; anything else (no token left: the 429; a conditional request: the 304 or the answer; an
// error; a first request) goes on to Next.js, told in a header only this process can write that the token was
// taken (lib/api/rate-limit.ts `requestToken`), so no request is counted twice.
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import pg from "pg";
import { clientKeyOf, rateLimitHeaders, takeApiToken } from "../../lib/api/rate-limit-config.mjs";
import { takenBefore, takenHeader, TAKEN_HEADER } from "../../lib/limits/token-bucket.mjs";
import { READER_TIME_WORKER, READER_TIME_WORKER_PATH, readingPage } from "./reading-page.mjs";

/** Marks this process's own request for a page it is caching: answered by Next.js, never from the cache. */
export const PAGE_FILL_HEADER = "x-igf-page-fill";
/** On every page sent from here: "hit" (from the cache) or "miss" (made for this request, then kept). */
export const PAGE_CACHE_HEADER = "x-page-cache";

/** The interface's languages (lib/i18n/config.ts `locales`; tests/unit/page-cache.test.ts holds them equal). */
export const LOCALES = ["en", "ar", "es", "fr", "ru", "zh"];
const LOCALE_PREFIX = new RegExp(`^/(?:${LOCALES.join("|")})(?=/|$)`);

/**
 * The pages of public content, addressed without a language prefix. Not /unsubscribe/<token> (a person's), nor
 * /developers/api (its examples name the host the request came to, which a page made by this process for itself
 * would not).
 */
export const PUBLIC_PAGE =
  /^\/(?:|calls\/[^/]+(?:\/(?:contributors|participation|responses))?|messages\/[^/]+(?:\/(?:comments|compare|versions|discuss\/[^/]+))?|responses\/[^/]+)$/;

/**
 * Cookies a visitor may carry and still get the page everyone gets: the language (in the key) and next-auth's
 * sign-in bookkeeping. Any other cookie, a session above all, is a person: their page is made for them.
 */
const ANONYMOUS_COOKIES = /^(?:NEXT_LOCALE|(?:__Host-)?next-auth\.csrf-token|(?:__Secure-)?next-auth\.callback-url)$/;

/** Request headers of a client navigation, a prefetch or a form's action: not a page. */
const NOT_A_PAGE = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action", "purpose", PAGE_FILL_HEADER];

/** Response headers made for one response only, never copied from the page that filled the cache. */
const PER_RESPONSE = new Set([
  "connection",
  "content-encoding",
  "content-length",
  "date",
  "keep-alive",
  "set-cookie",
  "transfer-encoding",
]);

/**
 * A page's headers that a visitor's copy goes without. Cross-Origin-Opener-Policy (next.config.js) keeps a window
 * that holds a person's state from a page of another site that opened it or that it opened (cross-window leaks).
 * A visitor's copy holds none: the same public document for everyone, no session, no form that posts. And the
 * header costs a visitor a new browser process as the page arrives (the browser puts the page in a group of its
 * own): ~100 ms of the page's main thread on this machine, 400 ms in Lighthouse's 4x-slower phone, the largest
 * part of a public page's blocking time there (scores 92-95 with it, 98-100 without).
 */
const NOT_FOR_A_VISITOR = new Set(["cross-origin-opener-policy"]);

/** The open data API's addresses (app/api/v1): every one is public data, whatever its answer. */
const API_PATH = /^\/api\/v1\//;

/** Response headers of the API made for one client only: its rate limit. */
const PER_CLIENT = /^ratelimit-/;

/**
 * The key of an API answer a request asks for, or null when it is not one the cache may answer (the request is
 * then still charged here, and goes on to Next.js): only unconditional GETs and HEADs (the 304s of a conditional
 * one are Next.js's, lib/api/http.ts).
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 */
export function apiKey(request) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const { headers } = request;
  if (headers["if-none-match"] !== undefined || headers["if-modified-since"] !== undefined) return null;
  return `api ${request.url}`;
}

/**
 * The client of an API request as the route would see it: its headers, with X-Forwarded-For set to the socket's
 * address when the client sent none (as Next.js does before a route reads it).
 * @param {import("node:http").IncomingMessage} request
 */
function clientOf(request) {
  return clientKeyOf({
    get(name) {
      const value = request.headers[name];
      if (value === undefined) return name === "x-forwarded-for" ? (request.socket.remoteAddress ?? null) : null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  });
}

/** The version of the public content, as lib/cache/public.ts reads it. */
const STAMP_SQL = `SELECT "epoch", "version" FROM "public_content_version" WHERE "id" = 1`;

/** The cookies of a request, by name (the first of each name, as browsers send the most specific first). */
export function requestCookies(header) {
  const cookies = new Map();
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    const name = (at < 0 ? pair : pair.slice(0, at)).trim();
    if (name && !cookies.has(name)) cookies.set(name, at < 0 ? "" : pair.slice(at + 1).trim());
  }
  return cookies;
}

/**
 * The key of the page a request asks for, or null when its answer is not the one every visitor gets.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 */
export function pageKey(request) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = request.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const prefixed = LOCALE_PREFIX.test(path);
  if (!PUBLIC_PAGE.test(path.replace(LOCALE_PREFIX, "") || "/")) return null;
  if (queryAt >= 0 && new URLSearchParams(url.slice(queryAt + 1)).has("_rsc")) return null;
  const { headers } = request;
  if (NOT_A_PAGE.some((name) => headers[name] !== undefined)) return null;
  const cookies = requestCookies(typeof headers.cookie === "string" ? headers.cookie : undefined);
  for (const name of cookies.keys()) if (!ANONYMOUS_COOKIES.test(name)) return null;
  const language = prefixed ? "" : String(headers["accept-language"] ?? "");
  return JSON.stringify([url, cookies.get("NEXT_LOCALE") ?? null, language]);
}

/** The reading worker (reading-page.mjs), at an address named by its content: kept by the browser for a year. */
function sendWorker(request, response) {
  response.writeHead(200, {
    "content-type": "text/javascript; charset=utf-8",
    "content-length": Buffer.byteLength(READER_TIME_WORKER),
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
  });
  response.end(request.method === "HEAD" ? undefined : READER_TIME_WORKER);
}

/**
 * @param {{ origin: string, databaseUrl: string | undefined, seconds?: number, megabytes?: number, enabled?: boolean }} options
 *   origin: where this process answers itself (http://localhost:<port>).
 */
export function createPageCache({ origin, databaseUrl, seconds = 30, megabytes = 64, enabled = true }) {
  const on = enabled && seconds > 0 && Boolean(databaseUrl);
  /**
   * A page: its headers and body cut at its nonce; an API answer: its headers and body, plain and compressed.
   * @typedef {{ status: number, headers: [string, string[]][], cookies: string[], parts: string[] }} Page
   * @typedef {{ headers: [string, string][], body: Buffer, gzip: Buffer }} Answer
   * @type {LRUCache<string, { stamp: string, page: null | Page | Answer }>}
   */
  const pages = new LRUCache({
    ttl: seconds * 1000,
    maxSize: megabytes * 1024 * 1024,
    sizeCalculation: (entry) =>
      entry.page && "body" in entry.page
        ? entry.page.body.length + entry.page.gzip.length + 1024
        : (entry.page?.parts ?? []).reduce((bytes, part) => bytes + part.length * 2, 1024),
  });
  /** One making of a page (or an API answer) per key and version, however many visitors ask for it at once. */
  const fills = new Map();
  const pool = on
    ? new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.PAGE_CACHE_POOL_SIZE ?? 4), options: "-c jit=off" })
    : null;
  pool?.on("error", () => undefined); // an idle connection dropped: the next query opens another

  async function currentStamp() {
    const { rows } = await pool.query(STAMP_SQL);
    return rows[0] ? `${rows[0].epoch}:${rows[0].version}` : "none";
  }

  /** The page as Next.js makes it for this key's visitor, asked of this process; null unless a 200 HTML page. */
  async function makePage(request) {
    const headers = { [PAGE_FILL_HEADER]: "1", accept: "text/html" };
    const cookies = requestCookies(request.headers.cookie);
    if (cookies.has("NEXT_LOCALE")) headers.cookie = `NEXT_LOCALE=${cookies.get("NEXT_LOCALE")}`;
    if (request.headers["accept-language"]) headers["accept-language"] = String(request.headers["accept-language"]);
    const response = await fetch(new URL(request.url, origin), {
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    if (response.status !== 200 || !nonce || !response.headers.get("content-type")?.startsWith("text/html")) {
      await response.body?.cancel();
      return null;
    }
    const body = await response.text();
    return {
      status: response.status,
      headers: [...response.headers]
        .filter(([name]) => !PER_RESPONSE.has(name) && !NOT_FOR_A_VISITOR.has(name) && !/^x-(?:nextjs|middleware)-/.test(name))
        .map(([name, value]) => [name, value.split(nonce)]),
      // The language cookie next-intl sets, as it would for this visitor (no other cookie is made for a visitor).
      cookies: response.headers.getSetCookie().filter((cookie) => cookie.startsWith("NEXT_LOCALE=")),
      // Without Next.js's scripts: for a visitor a public page is a document (reading-page.mjs).
      parts: readingPage(body, nonce).split(nonce),
    };
  }

  function send(page, request, response, hit) {
    const nonce = Buffer.from(randomUUID()).toString("base64");
    for (const [name, parts] of page.headers) response.setHeader(name, parts.join(nonce));
    if (page.cookies.length) response.setHeader("set-cookie", page.cookies);
    response.setHeader(PAGE_CACHE_HEADER, hit ? "hit" : "miss");
    let body = Buffer.from(page.parts.join(nonce));
    if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      body = gzipSync(body, { level: 4 });
      response.setHeader("content-encoding", "gzip");
    }
    response.setHeader("content-length", body.length);
    response.writeHead(page.status);
    response.end(request.method === "HEAD" ? undefined : body);
  }

  /** The API's answer as Next.js makes it, asked of this process without a client (no token); null unless 200 JSON. */
  async function makeAnswer(request) {
    const response = await fetch(new URL(request.url, origin), {
      headers: { [PAGE_FILL_HEADER]: "1", [TAKEN_HEADER]: takenHeader(null) },
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    if (response.status !== 200 || !response.headers.get("content-type")?.startsWith("application/json")) {
      await response.body?.cancel();
      return null;
    }
    const body = Buffer.from(await response.arrayBuffer());
    return {
      headers: [...response.headers].filter(
        ([name]) => !PER_RESPONSE.has(name) && !PER_CLIENT.test(name) && !/^x-(?:nextjs|middleware)-/.test(name),
      ),
      body,
      gzip: gzipSync(body),
    };
  }

  /** An API answer from the cache, with the client's rate limit. */
  function sendAnswer(answer, limit, request, response, hit) {
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    for (const [name, value] of Object.entries(rateLimitHeaders(limit))) response.setHeader(name, value);
    response.setHeader(PAGE_CACHE_HEADER, hit ? "hit" : "miss");
    response.setHeader("vary", "Accept-Encoding");
    const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    if (gzip) response.setHeader("content-encoding", "gzip");
    const body = gzip ? answer.gzip : answer.body;
    response.setHeader("content-length", body.length);
    response.writeHead(200);
    response.end(request.method === "HEAD" ? undefined : body);
  }

  /**
   * The entry of `key` at the public content's version `stamp`: the one kept, or made by `make` (once, however
   * many ask for it at the same time). Says whether it was kept.
   */
  async function entryAt(key, stamp, make) {
    const kept = pages.get(key);
    if (kept?.stamp === stamp) return { entry: kept, hit: true };
    const fillKey = `${key}@${stamp}`;
    let fill = fills.get(fillKey);
    if (!fill) {
      fill = make()
        .then((page) => {
          const made = { stamp, page };
          pages.set(key, made);
          return made;
        })
        .catch(() => null)
        .finally(() => fills.delete(fillKey));
      fills.set(fillKey, fill);
    }
    return { entry: await fill, hit: false };
  }

  /** An open data API request: charged here, then answered from the cache or by Next.js (told it was charged). */
  async function serveApi(request, response) {
    const said = request.headers[TAKEN_HEADER];
    // This cache's own request for an answer: Next.js's, uncharged.
    if (typeof said === "string" && takenBefore(said) === "fill") return false;
    delete request.headers[TAKEN_HEADER]; // no client can say it was charged
    const key = apiKey(request);
    const [token, version] = await Promise.allSettled([
      takeApiToken(pool, clientOf(request)),
      key ? currentStamp() : Promise.resolve(null),
    ]);
    if (token.status === "rejected") return false; // the route takes its token itself, or says what is wrong
    const limit = token.value;
    // Without the version (the database did not answer it) the answer is Next.js's, told the token was taken.
    const stamp = version.status === "fulfilled" ? version.value : null;
    if (key && stamp !== null && limit.allowed) {
      const { entry, hit } = await entryAt(key, stamp, () => makeAnswer(request));
      if (entry?.page) {
        if (!request.destroyed) sendAnswer(entry.page, limit, request, response, hit);
        return true;
      }
    }
    request.headers[TAKEN_HEADER] = takenHeader(limit);
    return false;
  }

  return {
    enabled: on,
    /** Answers the request from the cache and says so, or says it is Next.js's to answer. */
    async serve(request, response) {
      if (request.url === READER_TIME_WORKER_PATH && (request.method === "GET" || request.method === "HEAD")) {
        sendWorker(request, response);
        return true;
      }
      if (!on) return false;
      if (API_PATH.test(request.url ?? "")) return serveApi(request, response);
      const key = pageKey(request);
      if (!key) return false;
      let stamp;
      try {
        stamp = await currentStamp();
      } catch {
        return false;
      }
      const { entry, hit } = await entryAt(key, stamp, () => makePage(request));
      if (!entry?.page) return false;
      if (!request.destroyed) send(entry.page, request, response, hit);
      return true;
    },
    close: async () => {
      pages.clear();
      await pool?.end();
    },
  };
}
