// Parameters, headers and shared responses of the OpenAPI document (lib/api/openapi.ts).
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { ref, type HeaderObject, type ParameterObject, type ResponseObject, type SchemaObject } from "./openapi-types";
import { CALL_STATUSES, MAX_VERSION_NUMBER, PAGE_LIMIT, SLUG_PATTERN } from "./query";

const pathSlug = (description: string, example: string): ParameterObject => ({
  name: "slug",
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
  example,
});

/** What `since` and `until` accept (lib/api/query.ts): a date, or a date-time with its offset (RFC 3339). */
const isoInstant: SchemaObject = { type: "string", oneOf: [{ format: "date" }, { format: "date-time" }] };

export const parameters: Record<string, ParameterObject> = {
  Limit: {
    name: "limit",
    in: "query",
    description: `Items per page, ${PAGE_LIMIT.min} to ${PAGE_LIMIT.max} (default ${PAGE_LIMIT.default}).`,
    schema: { type: "integer", minimum: PAGE_LIMIT.min, maximum: PAGE_LIMIT.max, default: PAGE_LIMIT.default },
    example: 50,
  },
  Cursor: {
    name: "cursor",
    in: "query",
    schema: { type: "string" },
    description:
      "The `next` value of the previous page, unchanged. Opaque; empty or absent is the first page; a malformed cursor is a 400.",
  },
  Group: {
    name: "group",
    in: "query",
    description: "Only responses from this stakeholder group.",
    schema: { type: "string", enum: STAKEHOLDER_GROUPS },
    example: "CIVIL_SOCIETY",
  },
  Region: {
    name: "region",
    in: "query",
    description: "Only responses from this UN region.",
    schema: { type: "string", enum: UN_REGIONS },
    example: "AFRICA",
  },
  Since: {
    name: "since",
    in: "query",
    description: "Only responses submitted at or after this ISO 8601 date or date-time (with offset).",
    schema: isoInstant,
    example: "2026-01-01",
  },
  Until: {
    name: "until",
    in: "query",
    description: "Only responses submitted at or before this ISO 8601 date or date-time (with offset).",
    schema: isoInstant,
    example: "2026-12-31T23:59:59Z",
  },
  Status: {
    name: "status",
    in: "query",
    description: "Only calls in this state now.",
    schema: { type: "string", enum: CALL_STATUSES },
    example: "OPEN",
  },
  ForumFilter: {
    name: "forum",
    in: "query",
    description: "Only calls of this forum (its slug).",
    schema: { type: "string", pattern: SLUG_PATTERN },
    example: "bpf-cybersecurity",
  },
  CallFilter: {
    name: "call",
    in: "query",
    description: "Only message sets compiled from this call (its slug).",
    schema: { type: "string", pattern: SLUG_PATTERN },
    example: "cybersecurity-norms-2026",
  },
  ForumSlug: pathSlug("The forum's slug.", "bpf-cybersecurity"),
  CallSlug: pathSlug("The call's slug.", "cybersecurity-norms-2026"),
  MessageSetSlug: pathSlug("The message set's slug.", "igf-2026-messages-security-safety-stability-and-resilience"),
  Reference: {
    name: "reference",
    in: "path",
    required: true,
    description: "The response's receipt number.",
    schema: { type: "string" },
    example: "CYB26-0001",
  },
  VersionNumber: {
    name: "number",
    in: "path",
    required: true,
    description: "A published version's number.",
    schema: { type: "integer", minimum: 1, maximum: MAX_VERSION_NUMBER },
    example: 1,
  },
};

const integer = { type: "integer", minimum: 0 } as const;

export const headers: Record<string, HeaderObject> = {
  ETag: {
    description: "Weak validator of the body: send it back in If-None-Match to get 304 when nothing changed.",
    schema: { type: "string" },
  },
  LastModified: {
    description: "When what the body shows last changed (when known): send it back in If-Modified-Since.",
    schema: { type: "string" },
  },
  CacheControl: {
    description: "`public, no-cache` for data (store it, but check it again with its ETag on each use); `no-store` for errors.",
    schema: { type: "string" },
  },
  AccessControlAllowOrigin: { description: "`*`: open data, readable from any web page.", schema: { type: "string" } },
  RateLimitLimit: { description: "Requests a client may make in a burst.", schema: integer },
  RateLimitRemaining: { description: "Requests left in the current burst.", schema: integer },
  RateLimitReset: { description: "Seconds until the burst is full again.", schema: integer },
  RetryAfter: { description: "Seconds to wait before the next request.", schema: { type: "integer", minimum: 1 } },
};

const rateHeaders = {
  "RateLimit-Limit": ref("headers", "RateLimitLimit"),
  "RateLimit-Remaining": ref("headers", "RateLimitRemaining"),
  "RateLimit-Reset": ref("headers", "RateLimitReset"),
  "Access-Control-Allow-Origin": ref("headers", "AccessControlAllowOrigin"),
};

export const dataHeaders = {
  ETag: ref("headers", "ETag"),
  "Last-Modified": ref("headers", "LastModified"),
  "Cache-Control": ref("headers", "CacheControl"),
  ...rateHeaders,
};

const errorResponse = (description: string, extraHeaders = {}): ResponseObject => ({
  description,
  headers: { ...rateHeaders, ...extraHeaders },
  content: { "application/json": { schema: ref("schemas", "Error") } },
});

export const responses: Record<string, ResponseObject> = {
  NotModified: { description: "Not modified: the ETag (or date) sent is still current. No body.", headers: dataHeaders },
  BadRequest: errorResponse(
    "Bad request: an unknown or repeated query parameter, a malformed cursor, a limit out of range, a bad date, " +
      "or a path or query value with a NUL, a lone surrogate or a Unicode non-character (U+FFFE, U+FFFF, …).",
  ),
  NotFound: errorResponse("Not found: nothing published here (unknown, not yet published, or not public)."),
  TooManyRequests: errorResponse("Too many requests: wait `Retry-After` seconds.", {
    "Retry-After": ref("headers", "RetryAfter"),
  }),
  InternalError: errorResponse("Unexpected error on the server."),
};
