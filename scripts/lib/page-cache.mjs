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
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import pg from "pg";
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
  /** @type {LRUCache<string, { stamp: string, page: null | { status: number, headers: [string, string[]][], cookies: string[], parts: string[] } }>} */
  const pages = new LRUCache({
    ttl: seconds * 1000,
    maxSize: megabytes * 1024 * 1024,
    sizeCalculation: (entry) => (entry.page?.parts ?? []).reduce((bytes, part) => bytes + part.length * 2, 1024),
  });
  /** One making of a page per key and version, however many visitors ask for it at once. */
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

  return {
    enabled: on,
    /** Answers the request from the cache and says so, or says it is Next.js's to answer. */
    async serve(request, response) {
      if (request.url === READER_TIME_WORKER_PATH && (request.method === "GET" || request.method === "HEAD")) {
        sendWorker(request, response);
        return true;
      }
      if (!on) return false;
      const key = pageKey(request);
      if (!key) return false;
      let stamp;
      try {
        stamp = await currentStamp();
      } catch {
        return false;
      }
      let entry = pages.get(key);
      const hit = entry?.stamp === stamp;
      if (!hit) {
        const fillKey = `${key}@${stamp}`;
        let fill = fills.get(fillKey);
        if (!fill) {
          fill = makePage(request)
            .then((page) => {
              const made = { stamp, page };
              pages.set(key, made);
              return made;
            })
            .catch(() => null)
            .finally(() => fills.delete(fillKey));
          fills.set(fillKey, fill);
        }
        entry = await fill;
      }
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
