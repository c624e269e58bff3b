#!/usr/bin/env node
// The production server: Next.js's request handler behind node:http, with the cache of whole public pages
// (scripts/lib/page-cache.mjs) in front of it. `npm start` runs it (scripts/start.mjs), as do the browser tests,
// the bench and the cluster bench. The same options as `next start`: -p <port> (else PORT, else 3000), -H <host>
// (else every interface). PAGE_CACHE=off answers every request through Next.js; PUBLIC_CACHE_SECONDS (30) and
// PAGE_CACHE_MB (64) bound the cache.
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_HOST, EVERY_INTERFACE } from "./lib/next-args.mjs";
import { createPageCache } from "./lib/page-cache.mjs";

process.env.NODE_ENV = "production";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const argument = (flag) => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const port = Number(argument("-p") ?? process.env.PORT ?? 3000);
// The address listened on: every interface without -H (or with -H 0.0.0.0 or ::).
const host = EVERY_INTERFACE.has(argument("-H") ?? "") ? undefined : argument("-H");
// The name Next.js is told it answers on: proxy.ts's rewrites (the locale's) are internal only on that origin
// (scripts/lib/next-args.mjs); "localhost" when every interface is listened on.
const hostname = host ?? DEFAULT_HOST;
const origin = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;

const { default: next } = await import("next");
const app = next({ dev: false, dir: ROOT, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const pages = createPageCache({
  origin,
  databaseUrl: process.env.DATABASE_URL,
  seconds: Number(process.env.PUBLIC_CACHE_SECONDS ?? 30),
  megabytes: Number(process.env.PAGE_CACHE_MB ?? 64),
  enabled: process.env.PAGE_CACHE !== "off" && process.env.PUBLIC_CACHE !== "off",
});

const server = createServer((request, response) => {
  pages
    .serve(request, response)
    .then((served) => served || handle(request, response))
    .catch((error) => {
      console.error("[serve]", error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end("Internal Server Error");
    });
});
// An idle connection is kept open longer than the usual load balancer's idle timeout (60 s), so a balancer or a
// client never sends a request on a connection the server is closing at that moment (Node's default is 5 s;
// `next start --keepAliveTimeout` is the same setting).
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 65_000);
server.headersTimeout = server.keepAliveTimeout + 1000;
server.listen(port, host, () => {
  console.info(`[serve] Ready on ${origin}${pages.enabled ? " (public pages cached)" : ""}`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  await Promise.allSettled([app.close(), pages.close()]);
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
