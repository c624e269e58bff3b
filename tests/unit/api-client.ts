// Calls the open data API's route handlers directly, as Next.js would: a Request and the path's params.
import * as forum from "@/app/api/v1/forums/[slug]/route";
import * as forums from "@/app/api/v1/forums/route";
import * as participation from "@/app/api/v1/calls/[slug]/participation/route";
import * as callResponses from "@/app/api/v1/calls/[slug]/responses/route";
import * as call from "@/app/api/v1/calls/[slug]/route";
import * as calls from "@/app/api/v1/calls/route";
import * as version from "@/app/api/v1/message-sets/[slug]/versions/[number]/route";
import * as versions from "@/app/api/v1/message-sets/[slug]/versions/route";
import * as messageSet from "@/app/api/v1/message-sets/[slug]/route";
import * as messageSets from "@/app/api/v1/message-sets/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as response from "@/app/api/v1/responses/[reference]/route";
import * as fallback from "@/app/api/v1/[...path]/route";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler types its own params
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

/** Every route, by its OpenAPI path template. */
export const ROUTES: Record<string, Handler> = {
  "/api/v1/forums": forums.GET,
  "/api/v1/forums/{slug}": forum.GET,
  "/api/v1/calls": calls.GET,
  "/api/v1/calls/{slug}": call.GET,
  "/api/v1/calls/{slug}/responses": callResponses.GET,
  "/api/v1/calls/{slug}/participation": participation.GET,
  "/api/v1/responses/{reference}": response.GET,
  "/api/v1/message-sets": messageSets.GET,
  "/api/v1/message-sets/{slug}": messageSet.GET,
  "/api/v1/message-sets/{slug}/versions": versions.GET,
  "/api/v1/message-sets/{slug}/versions/{number}": version.GET,
  "/api/v1/openapi.json": openapi.GET,
};

/** A path segment as Next.js passes it (a malformed escape stays as it was; the handler must refuse it). */
function decode(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function route(pathname: string): [string, Handler, Record<string, string>] {
  for (const [template, handler] of Object.entries(ROUTES)) {
    const names: string[] = [];
    const pattern = template.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"));
    const match = new RegExp(`^${pattern}$`).exec(pathname);
    if (match) return [template, handler, Object.fromEntries(names.map((name, i) => [name, decode(match[i + 1]!)]))];
  }
  return ["/api/v1/{...path}", fallback.GET, {}];
}

export type ApiAnswer = { status: number; headers: Headers; text: string; json: unknown; template: string };

/** GET `path` (with its query) from the client `ip` (X-Forwarded-For: trusted when TRUST_PROXY is set, else counted as unverified). */
export async function apiFetch(
  path: string,
  { ip = "192.0.2.1", headers = {} }: { ip?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const url = new URL(path, "http://localhost");
  const [template, handler, params] = route(url.pathname);
  const answer = await handler(new Request(url, { headers: { "x-forwarded-for": ip, ...headers } }), {
    params: Promise.resolve(params),
  });
  const text = await answer.text();
  return { status: answer.status, headers: answer.headers, text, json: text ? JSON.parse(text) : null, template };
}
