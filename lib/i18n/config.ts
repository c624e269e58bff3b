// The locales the interface speaks. English now; the other UN languages (ar, es, fr, ru, zh) are added
// by dropping a catalog beside en.json and listing it here.
export const locales = ["en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? "");
}

/** Picks the first supported language of an Accept-Language header (`supported`: the tests give other lists). */
export function negotiateLocale<L extends string = Locale>(
  acceptLanguage: string | null,
  supported: readonly L[] = locales as unknown as readonly L[],
  fallback: L = defaultLocale as L,
): L {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase().split("-")[0];
    if (tag && (supported as readonly string[]).includes(tag)) return tag as L;
  }
  return fallback;
}
