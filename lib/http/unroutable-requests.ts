// Requests Next.js fails on before any code of ours runs, answered in the HTTP server itself:
// - TRACE, TRACK and CONNECT: Next.js builds a web `Request` for every request, and Node's fetch (undici)
//   refuses to construct one with these methods, so Next.js answered 500 ("'TRACE' HTTP method is
//   unsupported") before proxy.ts. They get 405 with Allow.
// - an /api path with a malformed escape (%uD800) or bytes that are not UTF-8 (%ED%A0%80): Next.js's route
//   matching failed to decode it (500). proxy.ts refuses these for pages and most routes, but it does not run
//   for the attachment upload (see its matcher), so /api paths are checked here: 400 in the route's shape.
// Methods Node's HTTP parser does not know (FOO) are answered 400 by Node; the rest goes on to proxy.ts.
import "server-only";
import http from "node:http";
import { allowedMethods, isAcceptablePath, refusalBody, type Refusal } from "./request-guard";

const UNCONSTRUCTIBLE = new Set(["CONNECT", "TRACE", "TRACK"]);
const PATCHED = Symbol.for("igf.refuseUnroutableRequests");

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

function refusalOf(request: http.IncomingMessage): { pathname: string; refusal: Refusal } | null {
  const raw = (request.url ?? "/").split("?")[0]!;
  const pathname = raw.startsWith("/") ? raw : "/";
  if (UNCONSTRUCTIBLE.has(request.method ?? "")) {
    const allow = allowedMethods(pathname).methods.join(", ");
    return { pathname, refusal: { status: 405, reason: `The method ${request.method} is not allowed here.`, allow } };
  }
  if (pathname.startsWith("/api/") && !isAcceptablePath(pathname)) {
    return {
      pathname,
      refusal: {
        status: 400,
        reason: "The path contains characters that are not allowed (NUL, lone surrogates, non-characters or malformed escapes).",
      },
    };
  }
  return null;
}

/** Installs the refusals on every HTTP server of this process (once; called from instrumentation.ts). */
export function refuseUnroutableRequests() {
  const prototype = http.Server.prototype as unknown as { emit: Emit; [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event, ...args) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const refused = refusalOf(request);
      if (refused) {
        const { body, contentType } = refusalBody(refused.pathname, refused.refusal);
        response.writeHead(refused.refusal.status, {
          "Content-Type": contentType,
          "Cache-Control": "no-store",
          ...(refused.refusal.allow && { Allow: refused.refusal.allow }),
        });
        response.end(body);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
  prototype[PATCHED] = true;
}
