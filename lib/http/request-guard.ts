// What every request must satisfy before Next.js routes it (called by proxy.ts), so that hostile input is a
// clean 4xx instead of an exception deep inside the framework or the database:
// - its method is one the target supports, else 405 with Allow (pages answered PUT or DELETE as a GET, and
//   TRACE made Next.js fail with a 500: that one is answered earlier, see unroutable-requests.ts);
// - its path segments decode to text without NUL, lone surrogates or non-characters (lib/validation/text.ts);
//   `%uD800` or `%ED%A0%80` made Next.js's own decoding throw, NUL reached PostgreSQL: both were 500s;
// - a form post to a page (a server action) is same-origin (403), states its length (411) and is within the
//   server actions' body limit (413); Next.js answered a cross-site or cut-off action with a 500;
// - next-auth's callbackUrl parses as a URL (next-auth answers 500 otherwise).
// Query strings of pages are cleaned here (see cleanPageQuery); those of route handlers are refused by their
// own parsers (lib/api/query.ts), which say which parameter is wrong. Pure: unit-tested without a server.
import { unlocalizedPath } from "@/lib/i18n/config";
import { hasInvalidCharacters, withoutInvalidCharacters } from "@/lib/validation/text";

/** Server actions (form posts to pages) declaring a larger body are refused with 413 before it is read; one
 * without Content-Length (chunked) with 411. Next.js's own limits (`serverActions.bodySizeLimit` and
 * `proxyClientMaxBodySize` in next.config.js) are the same number. Attachments go to a route handler. */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

/** Pages answer these; a POST is a server action. */
export const PAGE_METHODS = ["GET", "HEAD", "POST"] as const;

/** The methods of each route handler (app/**\/route.ts) as its path looks in a URL; a unit test checks this
 * table against the handlers' exports. HEAD (with GET) and OPTIONS are answered by Next.js itself. */
export const ROUTE_HANDLER_METHODS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^\/api\/auth(\/.*)?$/, ["GET", "POST"]],
  [/^\/api\/attachments\/[^/]+$/, ["GET", "DELETE"]],
  [/^\/api\/responses\/[^/]+\/attachments$/, ["POST"]],
  [/^\/api\/unsubscribe\/[^/]+$/, ["POST"]],
  [/^\/api\/me\/export$/, ["GET"]],
  [/^\/api\/(moderation\/)?calls\/[^/]+\/export\/[^/]+$/, ["GET"]],
  [/^\/api\/v1(\/.*)?$/, ["GET"]],
  [/^\/messages\/[^/]+\/download\/[^/]+$/, ["GET"]],
];

export type Refusal = { status: 400 | 403 | 405 | 411 | 413 | 414; reason: string; allow?: string; clearCookies?: string[] };

const isApi = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/** The methods `pathname` answers (for the Allow header), and whether it is a route handler. */
export function allowedMethods(address: string): { methods: string[]; routeHandler: boolean } {
  // A route handler under app/[locale] answers at /messages/… and /fr/messages/… alike.
  const pathname = unlocalizedPath(address);
  const entry = ROUTE_HANDLER_METHODS.find(([pattern]) => pattern.test(pathname));
  if (!entry) return { methods: isApi(pathname) ? ["GET", "HEAD", "OPTIONS"] : [...PAGE_METHODS], routeHandler: isApi(pathname) };
  const methods = [...entry[1]];
  if (methods.includes("GET")) methods.push("HEAD");
  methods.push("OPTIONS");
  return { methods, routeHandler: true };
}

/** next-auth answers 500 to a callbackUrl (query or cookie) that is not an http(s) URL or a path; this is its
 * own test (core/lib/assert.js), so such a request is a 400 instead. Which URLs are *safe* is not decided here. */
const AUTH_CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

function isParsableCallbackUrl(url: string) {
  try {
    return /^https?:/.test(new URL(url, url.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

function cookieValues(headers: Headers, name: string): string[] {
  const values: string[] = [];
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      values.push(decodeURIComponent(rest.join("=")));
    } catch {
      values.push("\u0000"); // undecodable: refused like any unparsable URL
    }
  }
  return values;
}

function refuseAuthCallback(search: URLSearchParams, headers: Headers): Refusal | null {
  const query = search.get("callbackUrl");
  if (query && !isParsableCallbackUrl(query)) return { status: 400, reason: "The callbackUrl is not a URL." };
  const bad = AUTH_CALLBACK_COOKIES.filter((name) =>
    cookieValues(headers, name).some((value) => value && !isParsableCallbackUrl(value)),
  );
  return bad.length
    ? { status: 400, reason: "The callback URL cookie is not a URL; it has been removed.", clearCookies: bad }
    : null;
}

/** The length of the query as it was sent (its parameters encoded again). */
const rawQueryLength = (search: URLSearchParams) => search.toString().length;

/** True when every segment of the raw (still percent-encoded) path decodes to acceptable text. */
export function isAcceptablePath(rawPathname: string) {
  return rawPathname.split("/").every((segment) => {
    try {
      return !hasInvalidCharacters(decodeURIComponent(segment));
    } catch {
      return false; // a malformed escape (%uD800, %E0%A4) or bytes that are not UTF-8 (%ED%A0%80)
    }
  });
}

/** The `Origin` of a post is this site (as Next.js checks server actions: against Host or X-Forwarded-Host). */
export function isSameOrigin(headers: Headers) {
  const origin = headers.get("origin");
  if (!origin) return true; // not sent by a browser, or an old one: nothing to compare
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" (a sandboxed frame, a privacy redirect) or garbage
  }
}

/**
 * The longest query string a page takes (raw, percent-encoded). A page's own links and forms stay far below
 * (a search is at most 200 characters); longer ones are refused before routing, where the locale's rewrite
 * would carry a copy of the address in a header.
 */
export const PAGE_QUERY_LIMIT = 8 * 1024;

/** Why this request is refused before routing, or null when it may go on. */
export function refuseRequest(
  method: string,
  rawPathname: string,
  headers: Headers,
  search = new URLSearchParams(),
): Refusal | null {
  const { methods, routeHandler } = allowedMethods(rawPathname);
  if (!methods.includes(method)) {
    return { status: 405, reason: `The method ${method.slice(0, 20)} is not allowed here.`, allow: methods.join(", ") };
  }
  if (!isApi(rawPathname) && rawQueryLength(search) > PAGE_QUERY_LIMIT) {
    return { status: 414, reason: `The address is too long: a page's query may have at most ${PAGE_QUERY_LIMIT} characters.` };
  }
  if (!isAcceptablePath(rawPathname)) {
    return {
      status: 400,
      reason: "The path contains characters that are not allowed (NUL, lone surrogates, non-characters or malformed escapes).",
    };
  }
  if (rawPathname.startsWith("/api/auth/")) {
    const refusal = refuseAuthCallback(search, headers);
    if (refusal) return refusal;
  }
  if (method === "POST" && !routeHandler) {
    if (!isSameOrigin(headers)) return { status: 403, reason: "Forms of this site can only be sent from this site." };
    // A body without a length (chunked) would be cut at the limit by Next.js and fail as a truncated form
    // (500). Browsers always state the length of a form post, so such a body is refused before it is read.
    if (headers.has("transfer-encoding") && !headers.has("content-length")) {
      return { status: 411, reason: "A form post must state its Content-Length." };
    }
    const length = Number(headers.get("content-length") ?? 0);
    if (length > SERVER_ACTION_BODY_LIMIT) {
      return { status: 413, reason: `A form may send at most ${SERVER_ACTION_BODY_LIMIT / (1024 * 1024)} MB.` };
    }
  }
  return null;
}

/** The body of a refusal: the open data API's JSON error shape, the other route handlers' `{ ok, message }`,
 * plain text for pages. */
export function refusalBody(pathname: string, refusal: Refusal): { body: string; contentType: string } {
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) {
    const code = refusal.status === 405 ? "method_not_allowed" : "bad_request"; // the only refusals of a GET-only API
    return { body: JSON.stringify({ error: { code, message: refusal.reason } }), contentType: "application/json" };
  }
  if (pathname.startsWith("/api/"))
    return { body: JSON.stringify({ ok: false, message: refusal.reason }), contentType: "application/json" };
  return { body: refusal.reason, contentType: "text/plain; charset=utf-8" };
}

/** Set by proxy.ts on a page request whose query string lost refused characters, so the page can say so. */
export const INVALID_QUERY_HEADER = "x-invalid-query-characters";

/** The query of a page without refused characters, or null when nothing had to go. */
export function cleanPageQuery(search: URLSearchParams): URLSearchParams | null {
  let changed = false;
  const cleaned = new URLSearchParams();
  for (const [name, value] of search) {
    const cleanName = withoutInvalidCharacters(name);
    const cleanValue = withoutInvalidCharacters(value);
    if (cleanName !== name || cleanValue !== value) changed = true;
    if (cleanName) cleaned.append(cleanName, cleanValue);
  }
  return changed ? cleaned : null;
}
