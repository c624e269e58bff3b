import { z } from "zod";
import { text } from "@/lib/validation/text";

export const signInSchema = z.object({
  email: text({ error: "invalidEmail" })
    .trim()
    .toLowerCase()
    .max(254, { error: "invalidEmail" })
    .pipe(z.email({ error: "invalidEmail" })),
});
export type SignInValues = z.input<typeof signInSchema>;

// Without NEXTAUTH_URL, paths are still parsed against an origin: one that cannot be anybody's site.
const UNSET_ORIGIN = "http://site.invalid";

/** The site's origin (from NEXTAUTH_URL), against which return paths are resolved. */
export function siteOrigin() {
  try {
    return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : UNSET_ORIGIN;
  } catch {
    return UNSET_ORIGIN;
  }
}

// Characters a browser drops or reinterprets while reading a Location header or a link (so that `/<TAB>/x`
// becomes `//x`), and slashes that look like "/" or "\": whitespace, controls and invisible formatting
// characters (\p{C}), backslashes, and the unicode solidi.
const HOSTILE = /[\s\p{C}\\\u2044\u2215\u2216\u29f5\u29f8\u29f9\ufe68\uff0f\uff3c]/u;
// Percent-encoded, only control characters are refused everywhere: "%20" in a query is an ordinary search.
const CONTROL = /\p{Cc}/u;

/** The value percent-decoded until it no longer changes (at most a few rounds), or null if malformed. */
function decoded(value: string) {
  let current = value;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return round === 0 ? null : current; // a "%" left after decoding is a literal one
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** The path of `value` resolved against `origin` if it stays there and cannot be read as "//host". */
function sameOriginPath(value: string, origin: string) {
  let url: URL;
  try {
    url = new URL(value, `${origin}/`);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.username || url.password) return null;
  // "/.//evil" normalises to "//evil", which a browser reads as another host.
  if (!url.pathname.startsWith("/") || url.pathname.startsWith("//")) return null;
  return url;
}

/**
 * Where to go after signing in (or saving the profile): only a path of this site, never another origin
 * (no open redirect). Accepts "/path?query#hash" and absolute URLs of this site (next-auth hands those
 * back) and returns the normalised path, query and hash; anything else, including any whitespace, control
 * or invisible character, backslash or unicode slash (raw, or percent-encoded in the path), gets `fallback`.
 */
export function safeReturnPath(value: string | null | undefined, fallback = "/", origin = siteOrigin()) {
  if (typeof value !== "string" || value === "" || value.length > 2000 || HOSTILE.test(value)) return fallback;
  if (!(value.startsWith("/") || value === origin || value.startsWith(`${origin}/`))) return fallback;
  const url = sameOriginPath(value, origin);
  if (!url) return fallback;
  // Encoded forms: the path must stay a plain path once decoded (`/%09/x`, `/%2f%2fx`, `/%5cx`, `/.%2f/x`)
  // and no control character may hide encoded anywhere.
  const path = decoded(url.pathname);
  const whole = decoded(value);
  if (path === null || whole === null || HOSTILE.test(path) || CONTROL.test(whole)) return fallback;
  if (!sameOriginPath(path, origin)) return fallback;
  return url.pathname + url.search + url.hash;
}
