// Requests Next.js fails on before any code of ours runs, answered in the HTTP server itself:
// - TRACE, TRACK and CONNECT: Next.js builds a web `Request` for every request, and Node's fetch (undici)
//   refuses to construct one with these methods, so Next.js answered 500 ("'TRACE' HTTP method is
//   unsupported") before proxy.ts. They get 405 with Allow.
// - an /api path with a malformed escape (%uD800) or bytes that are not UTF-8 (%ED%A0%80): Next.js's route
//   matching failed to decode it (500). proxy.ts refuses these for pages and most routes, but it does not run
//   for the attachment upload (see its matcher), so /api paths are checked here: 400 in the route's shape.
// - a request line or headers over Node's limit (16 KiB; a 1 MB query string): Node answers 431 and destroys
//   the socket at once, so a client still sending its request saw a connection reset, not the answer. Here the
//   431 is sent, the rest of the request read and dropped, and the connection closed once the client is done.
// Methods Node's HTTP parser does not know (FOO) are answered 400 by Node; the rest goes on to proxy.ts.
import "server-only";
import http from "node:http";
import type { Duplex } from "node:stream";
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

const TOO_LARGE_BODY = "The request's address or headers are too long.";

/** Node's own answers to a request it cannot parse, except that an oversized one is read to its end first. */
function onClientError(error: Error & { code?: string }, socket: Duplex) {
  if (!socket.writable) return void socket.destroy();
  if (error.code !== "HPE_HEADER_OVERFLOW") {
    const status = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    return void socket.destroy();
  }
  socket.end(
    `HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(TOO_LARGE_BODY)}\r\n\r\n${TOO_LARGE_BODY}`,
  );
  // Read and drop what the client still sends (closing with unread data would reset the connection), for a while.
  socket.on("data", () => undefined);
  socket.resume();
  setTimeout(() => socket.destroy(), 10_000).unref();
}

/** Installs the refusals on every HTTP server of this process (once; called from instrumentation.ts). */
export function refuseUnroutableRequests() {
  const prototype = http.Server.prototype as unknown as { emit: Emit; [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event, ...args) {
    // Node answers a parse error itself unless the server listens for clientError: listen, from the first connection.
    if (event === "connection" && this.listenerCount("clientError") === 0) this.on("clientError", onClientError);
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
