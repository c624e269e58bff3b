// The OpenAPI document flattened for people (the /developers/api page): each operation with its
// parameters and responses resolved, and an example request built from the parameters' examples.
// Pure: reads only lib/api/openapi.ts.
import { openApiDocument } from "./openapi";
import { isRef, refName, type ParameterObject, type Ref, type ResponseObject, type SchemaOrRef } from "./openapi-types";

export type OperationView = {
  id: string;
  method: "GET";
  path: string;
  summary: string;
  description: string;
  tag: string;
  parameters: (ParameterObject & { type: string })[];
  responses: { status: string; description: string; schema: string | null }[];
  example: string;
};

const resolve = <T>(value: T | Ref, kind: "parameters" | "responses"): T =>
  isRef(value as object) ? (openApiDocument.components[kind][refName(value as Ref)] as T) : (value as T);

function typeOf(schema: SchemaOrRef): string {
  if (isRef(schema)) return refName(schema);
  if (schema.enum) return schema.enum.filter((v) => v !== null).join(" | ");
  const type = [schema.type ?? "any"].flat().join(" | ");
  const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` (${schema.minimum}–${schema.maximum})` : "";
  return `${type}${range}`;
}

function exampleUrl(path: string, parameters: ParameterObject[]) {
  let url = path;
  for (const p of parameters.filter((p) => p.in === "path")) url = url.replace(`{${p.name}}`, String(p.example ?? p.name));
  const query = parameters.filter((p) => p.in === "query" && p.example !== undefined).slice(0, 2);
  return query.length ? `${url}?${query.map((p) => `${p.name}=${encodeURIComponent(String(p.example))}`).join("&")}` : url;
}

export function operationViews(): OperationView[] {
  return Object.entries(openApiDocument.paths).map(([path, { get }]) => {
    const parameters = (get.parameters ?? []).map((p) => resolve<ParameterObject>(p, "parameters"));
    return {
      id: get.operationId,
      method: "GET",
      path,
      summary: get.summary,
      description: get.description,
      tag: get.tags[0]!,
      parameters: parameters.map((p) => ({ ...p, type: typeOf(p.schema) })),
      responses: Object.entries(get.responses).map(([status, value]) => {
        const response = resolve<ResponseObject>(value, "responses");
        const schema = response.content?.["application/json"]?.schema;
        return { status, description: response.description, schema: schema ? typeOf(schema) : null };
      }),
      example: exampleUrl(path, parameters),
    };
  });
}

export const apiTags = () => openApiDocument.tags;
export const apiDescription = () => openApiDocument.info.description;
