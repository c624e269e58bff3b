// The OpenAPI 3.1 document of the open data API, written by hand and typed. Served at
// /api/v1/openapi.json, validated in tests/unit/api.test.ts, and rendered for people at /developers/api.
// Every route folder under app/api/v1 has a path here (and the test checks it both ways).
import { dataHeaders, headers, parameters, responses } from "./openapi-components";
import { schemas } from "./openapi-schemas";
import { ref, type OpenApiDocument, type OperationObject } from "./openapi-types";
import { PAGE_LIMIT } from "./query";
import { RATE_LIMIT_DEFAULTS } from "./rate-limit-config.mjs";

export const API_LICENCE = { name: "Creative Commons Attribution 4.0 International", identifier: "CC-BY-4.0" } as const;

const errors = {
  "304": ref("responses", "NotModified"),
  "400": ref("responses", "BadRequest"),
  "404": ref("responses", "NotFound"),
  "429": ref("responses", "TooManyRequests"),
  "500": ref("responses", "InternalError"),
};

function get(
  operationId: string,
  tag: string,
  summary: string,
  description: string,
  schema: string,
  parameterNames: string[] = [],
): { get: OperationObject } {
  return {
    get: {
      operationId,
      summary,
      description,
      tags: [tag],
      ...(parameterNames.length && { parameters: parameterNames.map((name) => ref("parameters", name)) }),
      responses: {
        "200": { description: "OK", headers: dataHeaders, content: { "application/json": { schema: ref("schemas", schema) } } },
        ...errors,
      },
    },
  };
}

const page = ["Limit", "Cursor"];

const description = `Read-only open data of the IGF consultation platform: forums, calls for contributions with their
questions, published responses, draft and final message sets with their citations, and participation figures.

## What is public

A response appears only when it is submitted, its author agreed to publish it (with or without
their name), moderation has it published, and its call is published. Responses published anonymously carry their
stakeholder group and region only, never a name, organisation or country. Responses their authors keep private are
counted in participation figures and appear nowhere else. Anything else answers 404, as if it did not exist.
Participation counts from 1 to 4 are suppressed (null) so that no respondent can be singled out.
Comments on draft messages are not part of the platform yet; they will get their own endpoints when they are.

## Pagination

Lists take \`limit\` (${PAGE_LIMIT.min}–${PAGE_LIMIT.max}, default ${PAGE_LIMIT.default}) and \`cursor\`
(the \`next\` value of the previous page; null on the last page). Lists are sorted oldest first ((submittedAt, id) for
responses), so items that arrive while you read land after the pages you have: no page shifts, nothing is repeated
or skipped. A response that is edited gets a new submittedAt and moves to the end; use \`since\` to pick up changes.

## Errors

Unknown or repeated query parameters, malformed cursors, limits out of range, bad dates and values with a NUL,
a lone surrogate or a Unicode non-character answer 400; an empty \`cursor\` is the first page; methods other than
GET, HEAD and OPTIONS answer 405 with \`Allow\`; every error is JSON \`{ "error": { "code", "message" } }\`.

## Caching

Answers carry a weak ETag and, where known, Last-Modified; send If-None-Match or If-Modified-Since to get
304. \`Cache-Control: public, no-cache\` (a stored answer is checked again with its ETag on each use, so a response hidden or withdrawn is gone at once). CORS is open (\`Access-Control-Allow-Origin: *\`).

## Rate limit

A token bucket per client: bursts of ${RATE_LIMIT_DEFAULTS.burst} requests, refilled at
${RATE_LIMIT_DEFAULTS.perMinute} a minute (operators may change both). Beyond it: 429 with Retry-After. RateLimit-Limit,
RateLimit-Remaining and RateLimit-Reset are on every answer. The limit holds across all of the platform's
servers. Clients are told apart by their address as the platform's reverse proxy reports it, or else by the
address the request came from.

## Licence

The data is offered under ${API_LICENCE.name} (${API_LICENCE.identifier}): cite the platform and the
response references you use.`;

export const openApiDocument: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "IGF Consultations open data API", version: "1.0.0", description, license: { ...API_LICENCE } },
  servers: [{ url: "/", description: "This platform" }],
  tags: [
    { name: "Forums", description: "Forums that run consultations." },
    { name: "Calls", description: "Calls for contributions and their published responses." },
    { name: "Message sets", description: "Messages compiled from the responses, by published version." },
    { name: "About", description: "This API itself." },
  ],
  paths: {
    "/api/v1/forums": get(
      "listForums",
      "Forums",
      "List forums",
      "Forums with at least one published call, oldest first. Not paginated.",
      "ForumList",
    ),
    "/api/v1/forums/{slug}": get("getForum", "Forums", "Get a forum", "A forum and its published calls.", "Forum", ["ForumSlug"]),
    "/api/v1/calls": get(
      "listCalls",
      "Calls",
      "List calls",
      "Published calls in order of publication, oldest first.",
      "CallList",
      ["ForumFilter", "Status", ...page],
    ),
    "/api/v1/calls/{slug}": get("getCall", "Calls", "Get a call", "A published call with its questions and glossary.", "Call", [
      "CallSlug",
    ]),
    "/api/v1/calls/{slug}/responses": get(
      "listCallResponses",
      "Calls",
      "List a call's published responses",
      "Published responses, ordered by (submittedAt, id) ascending, with their answers.",
      "ResponseList",
      ["CallSlug", "Group", "Region", "Since", "Until", ...page],
    ),
    "/api/v1/calls/{slug}/participation": get(
      "getCallParticipation",
      "Calls",
      "Get participation figures",
      "Submitted responses (private ones included, as counts) by stakeholder group and UN region; counts of 1 to 4 are null.",
      "Participation",
      ["CallSlug"],
    ),
    "/api/v1/responses/{reference}": get(
      "getResponse",
      "Calls",
      "Get a response",
      "One published response by its receipt number.",
      "ResponseDetail",
      ["Reference"],
    ),
    "/api/v1/message-sets": get(
      "listMessageSets",
      "Message sets",
      "List message sets",
      "Message sets with at least one published version, oldest first.",
      "MessageSetList",
      ["CallFilter", ...page],
    ),
    "/api/v1/message-sets/{slug}": get(
      "getMessageSet",
      "Message sets",
      "Get a message set",
      "The latest published version: sections, paragraphs and citations. A citation whose response is no longer published gives only its reference, group and region, with `available: false`.",
      "MessageSet",
      ["MessageSetSlug"],
    ),
    "/api/v1/message-sets/{slug}/versions": get(
      "listMessageSetVersions",
      "Message sets",
      "List published versions",
      "Published versions, newest first.",
      "VersionList",
      ["MessageSetSlug"],
    ),
    "/api/v1/message-sets/{slug}/versions/{number}": get(
      "getMessageSetVersion",
      "Message sets",
      "Get a published version",
      "One published version, with its citations checked as above.",
      "MessageSetVersion",
      ["MessageSetSlug", "VersionNumber"],
    ),
    "/api/v1/openapi.json": get("getOpenApi", "About", "This document", "The OpenAPI 3.1 description of this API.", "OpenApi"),
  },
  components: { schemas, parameters, headers, responses },
};
