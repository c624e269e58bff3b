// The client's address, when it can be trusted. Route handlers do not see the socket address, and Next.js
// only fills X-Forwarded-For from it when the client did not send one itself, so the header is the
// client's word — unless TRUST_PROXY says the app runs behind a reverse proxy that overwrites it. Then the
// FIRST address of X-Forwarded-For is the client as the proxy saw it; otherwise there is no address.
export function trustedClientIp(headers: Headers): string | null {
  if (!process.env.TRUST_PROXY) return null;
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first ? first.slice(0, 64) : null;
}
