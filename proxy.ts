// Runs before every request. First it refuses what Next.js or the database would otherwise fail on with a
// 500 (lib/http/request-guard.ts: unsupported methods, NUL and broken escapes in paths, cross-site or oversized
// form posts). Then it gives each page a Content-Security-Policy with a fresh nonce (Next.js puts it on its
// own inline scripts, read from the request's CSP header). Authorization is NOT done here: every page, action
// and route checks the user itself (lib/auth/session.ts).
import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { PAGE_PATH_HEADER, prefixedPath, unlocalizedPath, type Locale } from "@/lib/i18n/config";
import { routing } from "@/lib/i18n/routing";
import { cleanPageQuery, INVALID_QUERY_HEADER, refusalBody, refuseRequest, type Refusal } from "@/lib/http/request-guard";

/** The locale of a page's address (lib/i18n/routing.ts): English unprefixed, the others under /fr, /ar, … */
const i18nRouting = createMiddleware(routing);

/**
 * No page has this path: it renders app/[locale]/not-found.tsx with status 404. An address that does not
 * decode is redirected here rather than rewritten, because Next.js matches the original address against the
 * rewrite's route ([locale]/[...rest]) and fails on decoding it.
 */
const NOT_FOUND_PATH = "/_invalid-address";

export function contentSecurityPolicy(nonce: string, dev: boolean) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The reading worker of a visitor's public page (scripts/lib/reading-page.mjs), from this origin only.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function refusalResponse(request: NextRequest, refusal: Refusal) {
  const { body, contentType } = refusalBody(request.nextUrl.pathname, refusal);
  const headers = new Headers({
    "Cache-Control": "no-store",
    "Content-Type": contentType,
    ...(refusal.allow && { Allow: refusal.allow }),
  });
  for (const name of refusal.clearCookies ?? []) {
    headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0${name.startsWith("__Secure-") ? "; Secure" : ""}`);
  }
  return new Response(body, { status: refusal.status, headers });
}

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const refusal = refuseRequest(request.method, path, request.headers, request.nextUrl.searchParams);
  // A page address with a NUL or a broken escape names no page: the site's own 404 page (with its CSP), by a redirect.
  const missingPage =
    refusal?.status === 400 && !path.startsWith("/api/") && (request.method === "GET" || request.method === "HEAD");
  if (refusal && !missingPage) return refusalResponse(request, refusal);
  if (missingPage) {
    const notFound = NextResponse.redirect(new URL(NOT_FOUND_PATH, request.url), 307);
    notFound.headers.set("Cache-Control", "no-store");
    return notFound;
  }

  const prefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  // The site's icon (app/icon.svg) is at the root, in no language: the locale's rewrite would make it a 404.
  if (path.startsWith("/api/") || /^\/(_next\/static|_next\/image|favicon\.ico|icon\.svg|robots\.txt)/.test(path))
    return NextResponse.next();

  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(INVALID_QUERY_HEADER); // only this proxy sets it
  requestHeaders.delete(PAGE_PATH_HEADER); // nor this
  // The page's address, with its query cleaned.
  const target = new URL(request.url);
  const cleanQuery = cleanPageQuery(request.nextUrl.searchParams);
  if (cleanQuery) {
    target.search = cleanQuery.toString();
    requestHeaders.set(INVALID_QUERY_HEADER, "1");
  }
  // The page's path without its locale (and without the query, which may be long), for the hreflang alternates.
  requestHeaders.set(PAGE_PATH_HEADER, unlocalizedPath(target.pathname));
  // The locale: next-intl redirects a first visit to its language, or rewrites the address to its [locale]
  // segment, passing on the request headers given here (the nonce, the cleaned query's mark).
  const route = () => {
    const routed = i18nRouting(new NextRequest(target.href, { headers: requestHeaders, method: request.method }));
    // next-intl builds its rewrite (/calls/x → /en/calls/x) from the decoded path, so an escaped "%" in a
    // segment would reach Next.js bare and fail to decode (a 500): rewrite the address as it came instead.
    const rewritten = routed.headers.get("x-middleware-rewrite");
    if (rewritten) {
      const locale = new URL(rewritten).pathname.split("/")[1] as Locale;
      const address = new URL(target.href);
      address.pathname = prefixedPath(target.pathname, locale);
      routed.headers.set("x-middleware-rewrite", address.toString());
    }
    return routed;
  };

  // Prefetches are left without a nonce, as before (their HTML is not run as a page).
  if (prefetch) return route();

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const policy = contentSecurityPolicy(nonce, dev);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);

  const response = route();
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Every request (API routes included, for the checks above), except Next.js's own static files and the
// attachment upload: Next.js copies the body of every request it runs this proxy for, up to
// proxyClientMaxBodySize (next.config.js), and an upload is larger; its route handler checks its own path
// and streams its body against the attachment limit.
export const config = {
  matcher: ["/((?!_next/static|_next/image|api/responses/[^/]+/attachments$).*)"],
};
