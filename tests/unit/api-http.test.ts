// The HTTP contract of the open data API: bad input gets a JSON 400 (never data), caching validators give
// 304, the rate limit answers 429 with Retry-After, and every answer is open to any origin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeKeyset } from "@/lib/api/cursor";
import { db, disconnectDb } from "@/lib/db";
import { createCall, createQuestion, createResponse, createUser } from "@/prisma/factories";
import { takenHeader, TAKEN_HEADER } from "@/lib/limits/token-bucket.mjs";
import { apiFetch } from "./api-client";

const env = { ...process.env };
beforeAll(() => {
  process.env.TRUST_PROXY = "1";
  process.env.API_RATE_LIMIT_BURST = "100000";
});
afterAll(async () => {
  process.env = env;
  await disconnectDb();
});

const b64 = (value: string) => Buffer.from(value, "utf8").toString("base64url");

describe("bad input", () => {
  it("answers 400 with a JSON error for malformed cursors, unknown or repeated parameters, bad limits, dates and filters", async () => {
    const call = await createCall(db);
    const list = `/api/v1/calls/${call.slug}/responses`;
    const bad = [
      `${list}?cursor=not-a-cursor!`,
      `${list}?cursor=${b64("{}")}`,
      `${list}?cursor=${b64('{"t":"yesterday","i":"abc"}')}`,
      `${list}?cursor=${b64("[1,2]")}`,
      `${list}?cursor=${"A".repeat(500)}`,
      `${list}?cursor=%00`,
      `${list}?cursor=${b64(JSON.stringify({ t: new Date().toISOString(), i: "abc", extra: 1 }))}`,
      `${list}?limit=100000`,
      `${list}?limit=0`,
      `${list}?limit=-5`,
      `${list}?limit=2.5`,
      `${list}?limit=ten`,
      `${list}?group=ALIENS`,
      `${list}?region=`,
      `${list}?since=last-week`,
      `${list}?until=2026-13-45`,
      `${list}?since=2026-05-01&until=2026-01-01`,
      `${list}?limit=5&limit=6`,
      `${list}?consent=PRIVATE`,
      `${list}?q=norms`,
      "/api/v1/calls?status=DRAFT",
      "/api/v1/calls?forum=Not%20A%20Slug",
      "/api/v1/forums?limit=5",
      "/api/v1/message-sets/any/versions/abc",
      "/api/v1/message-sets/any/versions/0",
      // Above the document's maximum (PostgreSQL's integer), and numbers that are not written as whole numbers.
      "/api/v1/message-sets/any/versions/2147483648",
      "/api/v1/message-sets/any/versions/99999999999999999999",
      "/api/v1/message-sets/any/versions/1e3",
      // NUL, lone surrogates (UTF-8-encoded and %u-style) and non-characters in path segments and filters.
      "/api/v1/forums/%00",
      "/api/v1/responses/%00",
      "/api/v1/responses/%ED%A0%80",
      "/api/v1/calls/%uD800",
      `/api/v1/calls/${call.slug}%EF%BF%BF/responses`,
      "/api/v1/message-sets/%00/versions/1",
      "/api/v1/calls?forum=%00",
    ];
    for (const path of bad) {
      const answer = await apiFetch(path);
      expect(answer.status, path).toBe(400);
      expect(answer.headers.get("content-type"), path).toMatch(/^application\/json/);
      expect(answer.json, path).toEqual({ error: { code: "bad_request", message: expect.any(String) } });
    }
    const unknown = await apiFetch(`${list}?stakeholder=GOVERNMENT`);
    expect((unknown.json as { error: { message: string } }).error.message).toBe(
      'Unknown query parameter "stakeholder". Allowed here: group, region, since, until, limit, cursor.',
    );
    // A well-formed cursor from elsewhere is a position, not an error.
    const foreign = await apiFetch(`${list}?cursor=${encodeKeyset({ at: new Date(), id: "zzzz" })}`);
    expect(foreign.status).toBe(200);
  });
});

describe("what the OpenAPI document allows", () => {
  it("treats an empty cursor as the first page", async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const author = await createUser(db);
    await createResponse(db, {
      callId: call.id,
      authorId: author.id,
      status: "SUBMITTED",
      answers: [{ questionId: question.id, text: "Patch early." }],
    });
    const list = `/api/v1/calls/${call.slug}/responses`;
    const first = await apiFetch(list);
    const empty = await apiFetch(`${list}?cursor=`);
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual(first.json);
    expect((empty.json as { items: unknown[] }).items).toHaveLength(1);
  });

  it("looks up any version number up to the document's maximum: an unknown one is a 404, not a 400", async () => {
    const { MAX_VERSION_NUMBER } = await import("@/lib/api/query");
    const { openApiDocument } = await import("@/lib/api/openapi");
    const parameter = (openApiDocument.components as { parameters: Record<string, { schema: { maximum?: number } }> }).parameters
      .VersionNumber!;
    expect(parameter.schema.maximum).toBe(MAX_VERSION_NUMBER);
    for (const number of [2_147_483_647, 1_000_001, 3_000_000]) {
      const answer = await apiFetch(`/api/v1/message-sets/no-such-set/versions/${number}`);
      expect(answer.status, String(number)).toBe(404);
      expect(answer.json).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    }
  });
});

describe("caching", () => {
  it("gives an ETag and Last-Modified, answers 304 to either, and a new ETag once the data changes", async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const author = await createUser(db);
    await createResponse(db, {
      callId: call.id,
      authorId: author.id,
      status: "SUBMITTED",
      answers: [{ questionId: question.id, text: "Patch early." }],
    });
    const path = `/api/v1/calls/${call.slug}/responses`;
    const first = await apiFetch(path);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(new Date(lastModified).toString()).not.toBe("Invalid Date");
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");

    const byTag = await apiFetch(path, { headers: { "If-None-Match": etag } });
    expect(byTag.status).toBe(304);
    expect(byTag.text).toBe("");
    expect(byTag.headers.get("etag")).toBe(etag);
    expect((await apiFetch(path, { headers: { "If-None-Match": `"other", ${etag.slice(2)}` } })).status).toBe(304);
    expect((await apiFetch(path, { headers: { "If-Modified-Since": lastModified } })).status).toBe(304);
    expect(
      (await apiFetch(path, { headers: { "If-Modified-Since": new Date(Date.parse(lastModified) - 1000).toUTCString() } }))
        .status,
    ).toBe(200);

    const other = await createUser(db);
    await createResponse(db, {
      callId: call.id,
      authorId: other.id,
      status: "SUBMITTED",
      answers: [{ questionId: question.id, text: "Train staff." }],
    });
    const changed = await apiFetch(path, { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect((changed.json as { total: number }).total).toBe(2);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After and a JSON error once a client's burst is spent, other clients unaffected", async () => {
    process.env.API_RATE_LIMIT_BURST = "3";
    process.env.API_RATE_LIMIT_PER_MINUTE = "1";
    try {
      const ip = "198.51.100.42"; // a client no other test of this file uses
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await apiFetch("/api/v1/forums", { ip })).status);
      expect(statuses).toEqual([200, 200, 200]);
      const limited = await apiFetch("/api/v1/forums", { ip: `${ip}, 10.0.0.1` });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(limited.headers.get("ratelimit-remaining")).toBe("0");
      expect(limited.headers.get("access-control-allow-origin")).toBe("*");
      expect(limited.json).toMatchObject({ error: { code: "rate_limited" } });
      expect((await apiFetch("/api/v1/forums", { ip: "203.0.113.7" })).status).toBe(200);

      // Without a trusted proxy the header is the client's word: each address the requests arrive with still
      // has a bucket of its own (never one bucket for everyone), and spending one leaves the others whole.
      delete process.env.TRUST_PROXY;
      const unverified = `203.0.113.${Math.floor(Math.random() * 200)}`;
      for (let i = 0; i < 3; i++) expect((await apiFetch("/api/v1/forums", { ip: unverified })).status).toBe(200);
      expect((await apiFetch("/api/v1/forums", { ip: unverified })).status).toBe(429);
      expect((await apiFetch("/api/v1/forums", { ip: `${unverified}1` })).status).toBe(200);
    } finally {
      process.env.TRUST_PROXY = "1";
      process.env.API_RATE_LIMIT_BURST = "100000";
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });

  it("takes no second token for a request the cache in front of Next.js has charged, and none for its own", async () => {
    process.env.API_RATE_LIMIT_BURST = "1";
    process.env.API_RATE_LIMIT_PER_MINUTE = "1";
    try {
      const ip = `198.51.100.${100 + Math.floor(Math.random() * 100)}`;
      // Refused there: the 429, with what was found (the bucket is not asked again).
      const refused = { allowed: false, limit: 1, remaining: 0, resetSeconds: 60, retryAfter: 42 };
      const limited = await apiFetch("/api/v1/forums", { ip, headers: { [TAKEN_HEADER]: takenHeader(refused) } });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("42");
      // Charged there: answered with that client's limit, its one token still in the bucket here.
      const charged = { allowed: true, limit: 1, remaining: 0, resetSeconds: 60, retryAfter: 0 };
      for (let i = 0; i < 3; i++) {
        const answer = await apiFetch("/api/v1/forums", { ip, headers: { [TAKEN_HEADER]: takenHeader(charged) } });
        expect(answer.status).toBe(200);
        expect(answer.headers.get("ratelimit-remaining")).toBe("0");
      }
      // The cache's own request: no client, no token, no rate limit headers.
      const fill = await apiFetch("/api/v1/forums", { ip, headers: { [TAKEN_HEADER]: takenHeader(null) } });
      expect(fill.status).toBe(200);
      expect(fill.headers.get("ratelimit-limit")).toBeNull();
      // Said by anyone else, the header is nothing: the route takes the client's token (its only one), then refuses.
      const forged = { [TAKEN_HEADER]: takenHeader(charged).replace(/^\S+/, "guess") };
      expect((await apiFetch("/api/v1/forums", { ip, headers: forged })).status).toBe(200);
      expect((await apiFetch("/api/v1/forums", { ip, headers: forged })).status).toBe(429);
    } finally {
      process.env.API_RATE_LIMIT_BURST = "100000";
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });
});
