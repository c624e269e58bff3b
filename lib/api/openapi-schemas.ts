// The data shapes of the open data API (components.schemas of the OpenAPI document). Keep in step with
// lib/api/{calls,responses,participation,message-sets}.ts; tests/unit/api.test.ts checks real answers
// against these schemas.
import { locales } from "@/lib/i18n/config";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { API_ERROR_CODES } from "./errors";
import { ref, type SchemaObject, type SchemaOrRef } from "./openapi-types";
import { CALL_STATUSES } from "./query";

const string: SchemaObject = { type: "string" };
const nullableString: SchemaObject = { type: ["string", "null"] };
const instant: SchemaObject = { type: "string", format: "date-time" };
const count: SchemaObject = { type: "integer", minimum: 0 };
const nextCursor: SchemaObject = {
  type: ["string", "null"],
  description: "Cursor of the next page, to pass as `cursor`; null on the last page.",
};
const object = (properties: Record<string, SchemaOrRef>, description?: string): SchemaObject => ({
  type: "object",
  ...(description && { description }),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const list = (item: SchemaOrRef, extra: Record<string, SchemaOrRef> = {}) =>
  object({ ...extra, items: { type: "array", items: item } });
const countsBy = (keys: readonly string[], description: string): SchemaObject => ({
  ...object(Object.fromEntries(keys.map((k) => [k, ref("schemas", "PublicCount")])), description),
});

const callSummary = {
  slug: string,
  title: string,
  forum: { type: "string", description: "The forum's slug." },
  thematicTrack: string,
  status: ref("schemas", "CallStatus"),
  opensAt: instant,
  closesAt: instant,
  timeZone: { type: "string", description: "IANA time zone the call states its times in." },
  publishedAt: instant,
  url: string,
} satisfies Record<string, SchemaOrRef>;

const answersLanguage: SchemaObject = {
  type: "string",
  enum: [...locales],
  description: "The language the answers are written in, as the respondent gave it (an ISO 639-1 code).",
};

const citationBase = {
  reference: string,
  stakeholderGroup: ref("schemas", "NullableGroup"),
  region: ref("schemas", "NullableRegion"),
};
const versionSummary = { number: { type: "integer", minimum: 1 }, summary: string, publishedAt: instant } satisfies Record<
  string,
  SchemaOrRef
>;

export const schemas: Record<string, SchemaObject> = {
  Error: object(
    {
      error: object({ code: { type: "string", enum: Object.keys(API_ERROR_CODES) }, message: string }),
    },
    "Every refusal: a machine-readable code and a message for people.",
  ),
  StakeholderGroup: { type: "string", enum: STAKEHOLDER_GROUPS },
  NullableGroup: { type: ["string", "null"], enum: [...STAKEHOLDER_GROUPS, null] },
  UnRegion: { type: "string", enum: UN_REGIONS },
  NullableRegion: { type: ["string", "null"], enum: [...UN_REGIONS, null] },
  CallStatus: {
    type: "string",
    enum: ["DRAFT", ...CALL_STATUSES],
    description: "Follows from the call's times; DRAFT is never served.",
  },
  PublicCount: { type: ["integer", "null"], minimum: 0, description: "A count, or null for 1 to 4 (suppressed)." },
  ForumSummary: object({ slug: string, name: string, description: string, callCount: count, url: string }),
  ForumList: list(ref("schemas", "ForumSummary")),
  Forum: object({
    slug: string,
    name: string,
    description: string,
    calls: { type: "array", items: ref("schemas", "CallSummary") },
  }),
  CallSummary: object(callSummary),
  CallList: list(ref("schemas", "CallSummary"), { next: nextCursor }),
  Question: object({
    id: string,
    position: { type: "integer", minimum: 1 },
    prompt: string,
    helpText: string,
    type: { type: "string", enum: ["LONG_TEXT", "SHORT_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE"] },
    required: { type: "boolean" },
    options: { type: "array", items: string },
    maxChoices: { type: ["integer", "null"] },
    minLength: { type: ["integer", "null"] },
    maxLength: { type: ["integer", "null"] },
  }),
  GlossaryTerm: object({ term: string, definition: string }),
  Call: object({
    ...callSummary,
    introduction: { type: "string", description: "Markdown." },
    questions: { type: "array", items: ref("schemas", "Question") },
    glossary: { type: "array", items: ref("schemas", "GlossaryTerm") },
    publishedResponses: count,
    links: object({ responses: string, participation: string }),
  }),
  Answer: object({ questionId: string, text: string, choices: { type: "array", items: string } }),
  Author: {
    ...object({ name: nullableString, organisation: nullableString, onBehalfOf: nullableString }),
    type: ["object", "null"],
    description: "Only for responses published with the author's name; null for anonymous ones.",
  },
  Response: object({
    reference: { type: "string", description: "The receipt number, e.g. CYB26-0042." },
    call: string,
    submittedAt: { ...instant, description: "The latest submission: an edited response moves to the end." },
    publication: { type: "string", enum: ["named", "anonymous"] },
    stakeholderGroup: ref("schemas", "NullableGroup"),
    region: ref("schemas", "NullableRegion"),
    language: answersLanguage,
    author: ref("schemas", "Author"),
    answers: { type: "array", items: ref("schemas", "Answer") },
    url: string,
  }),
  ResponseDetail: object({
    reference: string,
    call: string,
    submittedAt: instant,
    publication: { type: "string", enum: ["named", "anonymous"] },
    stakeholderGroup: ref("schemas", "NullableGroup"),
    region: ref("schemas", "NullableRegion"),
    language: answersLanguage,
    author: ref("schemas", "Author"),
    answers: { type: "array", items: ref("schemas", "Answer") },
    url: string,
    attachments: {
      type: "array",
      items: object({
        position: { type: "integer", minimum: 1 },
        mediaType: string,
        size: count,
        fileName: { type: ["string", "null"], description: "Null for anonymous responses (the download gets a neutral name)." },
        url: string,
      }),
    },
  }),
  ResponseList: list(ref("schemas", "Response"), {
    call: string,
    total: { ...count, description: "Published responses matching the filters." },
    next: nextCursor,
  }),
  Participation: object({
    call: string,
    groups: { type: "array", items: ref("schemas", "StakeholderGroup") },
    regions: { type: "array", items: ref("schemas", "UnRegion") },
    cells: object(Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, countsBy(UN_REGIONS, `${g} by region.`)]))),
    groupTotals: countsBy(STAKEHOLDER_GROUPS, "Totals by stakeholder group."),
    regionTotals: countsBy(UN_REGIONS, "Totals by UN region."),
    total: { ...count, description: "All submitted responses, private ones included (as a count only)." },
    groupsNotHeard: { type: "array", items: ref("schemas", "StakeholderGroup") },
    regionsNotHeard: { type: "array", items: ref("schemas", "UnRegion") },
    suppression: object({ threshold: { type: "integer" }, note: string }),
  }),
  Citation: {
    oneOf: [
      object({ ...citationBase, available: { const: true }, quote: nullableString, url: string }, "A source that is published."),
      object({ ...citationBase, available: { const: false } }, "A source no longer published: no quote and no link."),
    ],
  },
  Paragraph: object({
    paragraphId: { type: "string", description: "Stable across versions." },
    body: { type: "string", description: "Markdown." },
    citations: { type: "array", items: ref("schemas", "Citation") },
  }),
  Section: object({ heading: string, paragraphs: { type: "array", items: ref("schemas", "Paragraph") } }),
  Version: object({ ...versionSummary, sections: { type: "array", items: ref("schemas", "Section") } }),
  VersionSummary: object({ ...versionSummary, url: string }),
  VersionList: list(ref("schemas", "VersionSummary"), { messageSet: string }),
  MessageSetSummary: object({
    slug: string,
    title: string,
    call: string,
    latestVersion: object({ number: { type: "integer", minimum: 1 }, publishedAt: instant }),
    url: string,
  }),
  MessageSetList: list(ref("schemas", "MessageSetSummary"), { next: nextCursor }),
  MessageSet: object({
    slug: string,
    title: string,
    call: string,
    latestVersion: object({ number: { type: "integer", minimum: 1 }, publishedAt: instant }),
    url: string,
    introduction: { type: "string", description: "Markdown." },
    version: ref("schemas", "Version"),
    links: object({ versions: string }),
  }),
  MessageSetVersion: object({ messageSet: string, title: string, call: string, version: ref("schemas", "Version") }),
  OpenApi: { type: "object", description: "This document." },
};
