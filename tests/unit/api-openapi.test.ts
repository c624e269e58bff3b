// The OpenAPI document of the open data API: valid OpenAPI 3.1 (checked by a real validator), covering
// every route folder under app/api/v1 and nothing else, and matching what the endpoints really answer.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { isRef, refName, type SchemaOrRef } from "@/lib/api/openapi-types";
import { db, disconnectDb } from "@/lib/db";
import { citationOf, createMessageSet } from "@/prisma/factories-api";
import { createCall, createQuestion, createResponse, createUser } from "@/prisma/factories";
import { apiFetch, ROUTES } from "./api-client";

const env = { ...process.env };
beforeAll(() => {
  process.env.TRUST_PROXY = "1";
  process.env.API_RATE_LIMIT_BURST = "100000";
});
afterAll(async () => {
  process.env = env;
  await disconnectDb();
});

/** The route folders under app/api/v1 as OpenAPI templates ([slug] → {slug}); the catch-all is left out. */
function routeFolders(dir = path.join(process.cwd(), "app/api/v1"), prefix = "/api/v1"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (!statSync(full).isDirectory()) return [];
    if (name.startsWith("[...")) return [];
    const segment = name.replace(/^\[(\w+)\]$/, "{$1}");
    const here = readdirSync(full).includes("route.ts") ? [`${prefix}/${segment}`] : [];
    return [...here, ...routeFolders(full, `${prefix}/${segment}`)];
  });
}

/** Problems of `value` against `schema` (types, required and unexpected keys, enums, consts, oneOf). */
function mismatches(value: unknown, schema: SchemaOrRef, at = "$"): string[] {
  if (isRef(schema)) return mismatches(value, openApiDocument.components.schemas[refName(schema)]!, at);
  if (schema.oneOf)
    return schema.oneOf.some((option) => mismatches(value, option, at).length === 0) ? [] : [`${at}: no oneOf option fits`];
  if ("const" in schema && value !== schema.const) return [`${at}: not ${String(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value as string)) return [`${at}: ${String(value)} not in enum`];
  const types = [schema.type ?? []].flat();
  const actual = value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
  if (types.length && !types.includes(actual) && !(actual === "integer" && types.includes("number")))
    return [`${at}: ${actual} is not ${types.join("|")}`];
  if (actual === "array" && schema.items)
    return (value as unknown[]).flatMap((item, i) => mismatches(item, schema.items!, `${at}[${i}]`));
  if (actual === "object" && schema.properties) {
    const record = value as Record<string, unknown>;
    const missing = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: missing`);
    const extra =
      schema.additionalProperties === false
        ? Object.keys(record)
            .filter((key) => !(key in schema.properties!))
            .map((key) => `${at}.${key}: not documented`)
        : [];
    const inner = Object.entries(record).flatMap(([key, v]) =>
      schema.properties![key] ? mismatches(v, schema.properties![key]!, `${at}.${key}`) : [],
    );
    return [...missing, ...extra, ...inner];
  }
  return [];
}

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1 according to @seriousme/openapi-schema-validator, and served as such", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(openApiDocument)));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    const served = await apiFetch("/api/v1/openapi.json");
    expect(served.json).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it("documents every route folder under app/api/v1 and no route that does not exist", () => {
    const folders = routeFolders().sort();
    expect(folders).toEqual(Object.keys(openApiDocument.paths).sort());
    expect(Object.keys(ROUTES).sort()).toEqual(folders);
  });

  it("states 304 and 429 (with Retry-After) for every operation, and the 200 answers match their schemas", async () => {
    for (const [template, item] of Object.entries(openApiDocument.paths)) {
      expect(Object.keys(item.get.responses), template).toEqual(expect.arrayContaining(["200", "304", "400", "404", "429"]));
    }
    expect(openApiDocument.components.responses.TooManyRequests!.headers).toHaveProperty("Retry-After");

    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const [a, b] = [await createUser(db), await createUser(db)];
    const named = await createResponse(db, {
      callId: call.id,
      authorId: a.id,
      status: "SUBMITTED",
      answers: [{ questionId: question.id, text: "Norms matter." }],
    });
    const anonymous = await createResponse(db, {
      callId: call.id,
      authorId: b.id,
      status: "SUBMITTED",
      consent: "PUBLISH_ANONYMOUS",
      answers: [{ questionId: question.id, text: "So do CERTs." }],
    });
    await db.response.update({ where: { id: anonymous.id }, data: { moderationState: "HIDDEN" }, select: { id: true } });
    const content = [
      {
        heading: "Capacity building",
        paragraphs: [
          { paragraphId: "p1", body: "Train.", citations: [citationOf(named, "Norms matter."), citationOf(anonymous)] },
        ],
      },
    ];
    const set = await createMessageSet(db, { callId: call.id, versions: [{ content, publishedAt: new Date() }] });
    const concrete: Record<string, string> = {
      "/api/v1/forums/{slug}": `/api/v1/forums/${(await db.forum.findUniqueOrThrow({ where: { id: call.forumId }, select: { slug: true } })).slug}`,
      "/api/v1/calls/{slug}": `/api/v1/calls/${call.slug}`,
      "/api/v1/calls/{slug}/responses": `/api/v1/calls/${call.slug}/responses`,
      "/api/v1/calls/{slug}/participation": `/api/v1/calls/${call.slug}/participation`,
      "/api/v1/responses/{reference}": `/api/v1/responses/${named.reference}`,
      "/api/v1/message-sets/{slug}": `/api/v1/message-sets/${set.slug}`,
      "/api/v1/message-sets/{slug}/versions": `/api/v1/message-sets/${set.slug}/versions`,
      "/api/v1/message-sets/{slug}/versions/{number}": `/api/v1/message-sets/${set.slug}/versions/1`,
    };
    for (const [template, item] of Object.entries(openApiDocument.paths)) {
      const answer = await apiFetch(concrete[template] ?? template);
      expect(answer.status, template).toBe(200);
      const ok = item.get.responses["200"]!;
      const schema = isRef(ok) ? undefined : ok.content!["application/json"]!.schema;
      expect(mismatches(answer.json, schema!), template).toEqual([]);
    }
    const error = await apiFetch("/api/v1/calls?nope=1");
    expect(mismatches(error.json, { $ref: "#/components/schemas/Error" })).toEqual([]);
  });
});
