// The language switcher on every page: the same page in each of the six languages, each named in itself and
// marked with its language (lang, hreflang), the current one marked aria-current. Plain links, so it works
// without JavaScript and by keyboard; the choice is kept by next-intl's NEXT_LOCALE cookie.
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { defaultLocale, LOCALE_NAMES, localizedPath, locales, PAGE_PATH_HEADER } from "@/lib/i18n/config";

export async function LanguageSwitcher() {
  const t = await getTranslations("Site");
  const current = await getLocale();
  const path = (await headers()).get(PAGE_PATH_HEADER) ?? "/";
  return (
    <nav className="language-switcher" aria-label={t("language")}>
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            <a
              // English is linked with its prefix (/en/…): the routing then sends the reader to the unprefixed
              // address and remembers the choice (otherwise an earlier choice in the cookie would win).
              href={locale === defaultLocale ? `/${defaultLocale}${path === "/" ? "" : path}` : localizedPath(path, locale)}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
            >
              {LOCALE_NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
