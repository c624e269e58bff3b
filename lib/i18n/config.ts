// The locales the interface speaks: the six official UN languages. English is the default and keeps its
// unprefixed addresses (/calls/…); the others live under their code (/fr/calls/…), so each language is its own
// cacheable page. Catalogs: lib/i18n/messages/<locale>/, complete by `npm run catalogs`.
export const locales = ["en", "ar", "es", "fr", "ru", "zh"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language named in itself, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ar: "العربية",
  es: "Español",
  fr: "Français",
  ru: "Русский",
  zh: "中文",
};

/** Languages written right to left. */
export const RTL_LOCALES: readonly Locale[] = ["ar"];
export const directionOf = (locale: string) => ((RTL_LOCALES as readonly string[]).includes(locale) ? "rtl" : "ltr");

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? "");
}

/** A stored or requested language (possibly null, or anything from old data) as a locale: English otherwise. */
export function toLocale(value: string | null | undefined): Locale {
  return isLocale(value ?? undefined) ? (value as Locale) : defaultLocale;
}

/** `path` (an unprefixed address, "/calls/x?y=1") under `locale`'s prefix: "/fr/calls/x?y=1", "/" → "/fr". */
export function prefixedPath(path: string, locale: Locale) {
  return path === "/" || path.startsWith("/?") || path.startsWith("/#") ? `/${locale}${path.slice(1)}` : `/${locale}${path}`;
}

/** `path` (an unprefixed address) as it is addressed in `locale`: English unprefixed, "/fr/calls/x" in French. */
export function localizedPath(path: string, locale: string) {
  return locale === defaultLocale || !isLocale(locale) ? path : prefixedPath(path, locale);
}

/** Set by proxy.ts on every page request: the path without its locale prefix ("/calls/x"). */
export const PAGE_PATH_HEADER = "x-igf-page-path";

/** The address without a locale prefix: "/fr/calls/x" → "/calls/x", "/fr" → "/". */
export function unlocalizedPath(pathname: string) {
  const [, first, ...rest] = pathname.split("/");
  return isLocale(first) ? `/${rest.join("/")}` : pathname;
}
