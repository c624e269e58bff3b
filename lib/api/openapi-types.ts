// The part of OpenAPI 3.1 this API's document uses, as types, so the hand-written document is checked by
// the compiler (and then by a validator in tests/unit/api.test.ts). Pure: the developer page reads it too.

export type SchemaObject = {
  type?: string | string[];
  description?: string;
  format?: string;
  enum?: readonly (string | number | null)[];
  const?: unknown;
  items?: SchemaOrRef;
  properties?: Record<string, SchemaOrRef>;
  required?: readonly string[];
  additionalProperties?: boolean | SchemaOrRef;
  oneOf?: SchemaOrRef[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  examples?: unknown[];
};
export type Ref = { $ref: string };
export type SchemaOrRef = SchemaObject | Ref;

export type HeaderObject = { description: string; schema: SchemaOrRef };

export type ParameterObject = {
  name: string;
  in: "query" | "path" | "header";
  description: string;
  required?: boolean;
  schema: SchemaOrRef;
  example?: string | number;
};

export type ResponseObject = {
  description: string;
  headers?: Record<string, HeaderObject | Ref>;
  content?: Record<string, { schema: SchemaOrRef; example?: unknown }>;
};

export type OperationObject = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: (ParameterObject | Ref)[];
  responses: Record<string, ResponseObject | Ref>;
};

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string; license: { name: string; identifier?: string; url?: string } };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, { get: OperationObject }>;
  components: {
    schemas: Record<string, SchemaObject>;
    parameters: Record<string, ParameterObject>;
    headers: Record<string, HeaderObject>;
    responses: Record<string, ResponseObject>;
  };
};

export const ref = (kind: "schemas" | "parameters" | "headers" | "responses", name: string): Ref => ({
  $ref: `#/components/${kind}/${name}`,
});

/** The component name a `$ref` points at. */
export const refName = (value: Ref) => value.$ref.split("/").pop()!;

export const isRef = (value: object): value is Ref => "$ref" in value;
