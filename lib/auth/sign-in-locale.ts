// The language around signing in. The sign-in action puts the page's language into the return path
// (callbackUrl: "/es/calls/x" from a Spanish page, unprefixed from an English one); next-auth carries that
// path into the link it mails and back to its callback. So the link's own callbackUrl says which language
// the email is written in (lib/auth/options.ts), which language a first sign-in keeps as the person's
// (User.locale, when they have none yet), and the person then lands on pages in their stored language, with
// the NEXT_LOCALE cookie set to it (app/api/auth/[...nextauth]/route.ts).
import "server-only";
import { db } from "@/lib/db";
import { defaultLocale, isLocale, localizedPath, unlocalizedPath, type Locale } from "@/lib/i18n/config";
import { routing } from "@/lib/i18n/routing";

const BASE = "http://site.invalid";

/** The language of an address (a path or a URL of this site): its prefix, English when it has none; null
 * when there is no address. */
export function localeOfAddress(value: string | null | undefined): Locale | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  const first = url.pathname.split("/")[1];
  return isLocale(first) ? first : defaultLocale;
}

/** A path of this site ("/fr/calls/x?y=1#z", or unprefixed) as addressed in `locale`: "/es/calls/x?y=1#z". */
export function inLocale(path: string, locale: Locale): string {
  const url = new URL(path, BASE);
  // "/es//x" is a path of this site, but without its prefix it would read as another host ("//x").
  const bare = unlocalizedPath(url.pathname).replace(/^\/+/, "/");
  return localizedPath(bare, locale) + url.search + url.hash;
}

/**
 * At sign-in: a person without a language gets `pageLocale` (that of the page they signed in from) as
 * theirs. Returns their language after that (null: none known). One statement, so two sign-ins at once
 * cannot overwrite a language chosen meanwhile.
 */
export async function keepSignInLocale(userId: string, pageLocale: Locale | null): Promise<Locale | null> {
  const [row] = await db.$queryRaw<{ locale: string | null }[]>`
    UPDATE users
       SET locale = COALESCE(locale, ${pageLocale}::text),
           "updatedAt" = CASE WHEN locale IS NULL AND ${pageLocale}::text IS NOT NULL THEN now() ELSE "updatedAt" END
     WHERE id = ${userId}
    RETURNING locale`;
  return isLocale(row?.locale ?? undefined) ? (row!.locale as Locale) : null;
}

/** The NEXT_LOCALE cookie (the one next-intl's routing reads and writes: lib/i18n/routing.ts) set to `locale`. */
export function localeCookie(locale: Locale) {
  const { name, sameSite, maxAge } = routing.localeCookie as { name: string; sameSite: "lax"; maxAge: number };
  return { name, value: locale, path: "/", sameSite, maxAge };
}

/**
 * next-auth's answer to a completed sign-in, sent on in the person's language: the address it redirects to
 * ("http://host/es/calls/x", or "/profile?welcome=1&callbackUrl=…" for a new account) is addressed in
 * `locale`, and the NEXT_LOCALE cookie set to it, so the pages after it are in that language too.
 */
export function landInLocale(response: Response, locale: Locale): Response {
  const location = response.headers.get("location");
  if (!location) return response;
  const target = new URL(location, BASE);
  const path = inLocale(target.pathname + target.search + target.hash, locale);
  const headers = new Headers(response.headers);
  headers.set("location", target.origin === BASE ? path : new URL(path, target.origin).toString());
  const cookie = localeCookie(locale);
  headers.append(
    "set-cookie",
    `${cookie.name}=${cookie.value}; Path=${cookie.path}; Max-Age=${cookie.maxAge}; SameSite=${cookie.sameSite}`,
  );
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
