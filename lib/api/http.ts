// The HTTP side of every open data API route: rate limit, query validation, JSON errors, caching headers.
// A route handler is `apiGet(request, [params], (query) => ({ body, lastModified }))`.
//
// Caching: the ETag is a weak hash of the JSON body (weak: equal data, not byte-identical encodings), the
// Last-Modified is the latest `updatedAt` (or publication) of what the body shows; a matching
// If-None-Match (or, without one, an If-Modified-Since not older than Last-Modified) gets 304 with no body.
// Responses may be stored by anyone (`public`: they only ever contain published data) but are checked again on each
// use (`no-cache`, answered by a 304 while unchanged): a response hidden, withdrawn or made anonymous is gone from
// every copy at once. The server keeps each answer in the cache of public reads (lib/cache/public.ts) until the
// public content changes; in front of Next.js, the cache of whole pages (scripts/lib/page-cache.mjs) keeps each
// 200 answer too and sends it without Next.js, taking the client's token itself (rate-limit.ts `requestToken`).
import "server-only";
import { createHash } from "node:crypto";
import { cachedPublic } from "@/lib/cache/public";
import { isAcceptablePath } from "@/lib/http/request-guard";
import { isInvalidTextError } from "@/lib/validation/text";
import { ApiError, badRequest, errorBody } from "./errors";
import { parseQuery, type ParameterName, type Query } from "./query";
import { rateLimitHeaders } from "./rate-limit-config.mjs";
import { requestToken, type RateLimitResult } from "./rate-limit";

export const CACHE_CONTROL = "public, no-cache";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset",
};

export type ApiResult = { body: unknown; lastModified: Date | null };

function errorResponse(error: ApiError, extra: Record<string, string>) {
  return Response.json(errorBody(error), {
    status: error.status,
    headers: { ...CORS, ...extra, ...error.headers, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

export function etagOf(json: string) {
  return `W/"${createHash("sha256").update(json).digest("base64url").slice(0, 32)}"`;
}

function notModified(request: Request, etag: string, lastModified: Date | null) {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const strip = (tag: string) => tag.trim().replace(/^W\//, "");
    return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => strip(tag) === strip(etag));
  }
  const ifModifiedSince = request.headers.get("if-modified-since");
  if (ifModifiedSince === null || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

export async function apiGet(
  request: Request,
  allowed: readonly ParameterName[],
  handler: (query: Query, url: URL) => Promise<ApiResult>,
): Promise<Response> {
  let limit: RateLimitResult | null;
  try {
    limit = await requestToken(request);
  } catch (error) {
    console.error("[api] rate limit store unavailable", error);
    return errorResponse(new ApiError("internal", "Something went wrong on our side."), {});
  }
  const limitHeaders = limit ? rateLimitHeaders(limit) : {};
  if (limit && !limit.allowed) {
    return errorResponse(
      new ApiError("rate_limited", `Too many requests: try again in ${limit.retryAfter} s.`, {
        "Retry-After": String(limit.retryAfter),
      }),
      limitHeaders,
    );
  }
  try {
    const url = new URL(request.url);
    // proxy.ts refuses these before routing; checked again here so no handler depends on it being there.
    if (!isAcceptablePath(url.pathname)) {
      throw badRequest(
        "The path contains characters that are not allowed (NUL, lone surrogates, non-characters or malformed escapes).",
      );
    }
    const query = parseQuery(url, allowed);
    const parameters = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const { json, etag, lastModified } = await cachedPublic(
      `api:${url.pathname}?${new URLSearchParams(parameters)}`,
      async () => {
        const { body, lastModified } = await handler(query, url);
        const json = JSON.stringify(body);
        return { json, etag: etagOf(json), lastModified };
      },
    );
    const headers: Record<string, string> = {
      ...CORS,
      ...limitHeaders,
      ETag: etag,
      "Cache-Control": CACHE_CONTROL,
      "X-Content-Type-Options": "nosniff",
      ...(lastModified && { "Last-Modified": lastModified.toUTCString() }),
    };
    if (notModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });
    return new Response(json, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error, limitHeaders);
    if (isInvalidTextError(error))
      return errorResponse(badRequest("A value contains characters that are not allowed."), limitHeaders);
    console.error("[api] unexpected error", request.url, error);
    return errorResponse(new ApiError("internal", "Something went wrong on our side."), limitHeaders);
  }
}

/** The latest of some instants (null when there are none). */
export function latest(...dates: (Date | null | undefined)[]): Date | null {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}
