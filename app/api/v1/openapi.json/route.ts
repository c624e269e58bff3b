// GET /api/v1/openapi.json — the OpenAPI 3.1 description of this API (lib/api/openapi.ts).
import { apiGet } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";

export function GET(request: Request) {
  return apiGet(request, [], async () => ({ body: openApiDocument, lastModified: null }));
}
