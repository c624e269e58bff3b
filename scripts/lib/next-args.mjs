// The command line for `next start` / `next dev` as `npm start` runs it.
//
// Next listens on every interface by default, which would put the demo (with its seeded accounts and
// console sign-in links) on the local network. We bind to loopback unless HOST says otherwise
// (HOST=0.0.0.0 behind a reverse proxy or in a container).
export const DEFAULT_HOST = "127.0.0.1";

/**
 * @param {{ dev?: boolean, port?: number, host?: string }} [options]
 * @returns {string[]} the arguments after `next`.
 */
export function nextArgs({ dev = false, port = 3000, host } = {}) {
  return [dev ? "dev" : "start", "-p", String(port), "-H", host?.trim() || DEFAULT_HOST];
}
