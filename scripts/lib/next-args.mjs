// The command line for `next start` / `next dev` as `npm start` runs it.
//
// Next listens on every interface by default, which would put the demo (with its seeded accounts and
// console sign-in links) on the local network. We bind to loopback unless HOST says otherwise
// (HOST=0.0.0.0 behind a reverse proxy or in a container).
//
// The host is named `localhost`, not 127.0.0.1: Next.js treats a proxy rewrite (the locale's, /calls/x →
// /en/calls/x) as internal only when its origin matches the host it was started with, and it gives proxy.ts
// addresses on "localhost". For every interface, -H is left out (Next's default listens on all of them).
export const DEFAULT_HOST = "localhost";
export const EVERY_INTERFACE = new Set(["0.0.0.0", "::"]);

/**
 * @param {{ dev?: boolean, port?: number, host?: string }} [options]
 * @returns {string[]} the arguments after `next`.
 */
export function nextArgs({ dev = false, port = 3000, host } = {}) {
  const bind = host?.trim() || DEFAULT_HOST;
  return [dev ? "dev" : "start", "-p", String(port), ...(EVERY_INTERFACE.has(bind) ? [] : ["-H", bind])];
}
