// Who the client is, for the limits. Route handlers do not see the socket address: Next.js puts it in
// X-Forwarded-For only when the client did not send that header itself, so any such header is the client's
// word — unless a reverse proxy that we trust sets it. Configuration:
//
//   TRUSTED_PROXY_HEADER  the header the proxy in front of the app sets: `x-forwarded-for`, or a one-address
//                         header such as `x-real-ip`, `cf-connecting-ip`, `fly-client-ip`.
//   TRUSTED_PROXY_HOPS    for X-Forwarded-For-style lists, how many trusted proxies append to it: the client
//                         is then the Nth address from the right (1: one proxy, such as nginx with
//                         $proxy_add_x_forwarded_for; 2: a CDN then a load balancer). Unset or 0: the proxy
//                         overwrites the header, and the client is its first address.
//   TRUST_PROXY           (kept from earlier versions) set: the same as TRUSTED_PROXY_HEADER=x-forwarded-for,
//                         the proxy overwriting it.
//
// Without any of these there is no trusted client address: limits then count per account or per email
// address (and the API per the address the request arrived with, see `requestAddress`), never in one bucket
// for everyone.
//
// Plain JavaScript (types in JSDoc): the cache in front of Next.js (scripts/lib/page-cache.mjs) takes the open data
// API's tokens itself, for the same client as the app would.

const MAX_LENGTH = 64;

/** @returns {{ header: string, hops: number } | null} */
function proxyConfig() {
  const header = process.env.TRUSTED_PROXY_HEADER?.trim().toLowerCase() || (process.env.TRUST_PROXY ? "x-forwarded-for" : "");
  if (!header) return null;
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  return { header, hops: Number.isInteger(hops) && hops > 0 ? hops : 0 };
}

/** @param {string | null} value */
const listOf = (value) =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * The client's address as the trusted proxy saw it, or null (no trusted proxy configured, or no header).
 * @param {{ get(name: string): string | null }} headers
 * @returns {string | null}
 */
export function trustedClientIp(headers) {
  const config = proxyConfig();
  if (!config) return null;
  const addresses = listOf(headers.get(config.header));
  // With N appending proxies, the Nth from the right; fewer entries than that means the request did not
  // come through all of them, and nothing in it can be trusted.
  const address = config.hops > 0 ? addresses[addresses.length - config.hops] : addresses[0];
  return address ? address.slice(0, MAX_LENGTH) : null;
}

/**
 * A key for the client of an anonymous request: the trusted address when there is one; otherwise the
 * address the request arrived with (the last of X-Forwarded-For: Next.js's socket address unless the
 * client sent the header itself), marked as unverified. A client can dodge that one by inventing headers,
 * but cannot use it to spend everyone's allowance; null when a request carries no address at all.
 * @param {{ get(name: string): string | null }} headers
 * @returns {string | null}
 */
export function requestAddress(headers) {
  const trusted = trustedClientIp(headers);
  if (trusted) return trusted;
  const claimed = listOf(headers.get("x-forwarded-for")).at(-1);
  return claimed ? `unverified:${claimed.slice(0, MAX_LENGTH)}` : null;
}
