// next-intl's routing: the locale is the address's first segment, left out for English ("as-needed"), so
// every address that existed before the other languages (in emails, in published messages) still works.
// A first visit without a prefix is sent to the language its Accept-Language asks for; the choice is kept in
// the NEXT_LOCALE cookie. proxy.ts runs the middleware; lib/i18n/navigation.ts makes links that keep the locale.
import { defineRouting } from "next-intl/routing";
import { defaultLocale, LOCALE_COOKIE, locales } from "./config";

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: "as-needed",
  localeCookie: { name: LOCALE_COOKIE, sameSite: "lax", maxAge: 365 * 24 * 3600 },
  // The alternates are written in each page's head (hreflang), not as a Link header.
  alternateLinks: false,
});
