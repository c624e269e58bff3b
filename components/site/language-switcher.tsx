"use client";
// The language switcher on every page: the same page in each of the six languages, each named in itself and
// marked with its language (lang, hreflang), the current one marked aria-current. Plain links (a full load,
// through the routing that remembers the choice), so it works without JavaScript and by keyboard. A client
// component because it sits in the layout, which client navigation keeps: it follows the current address.
import { useLocale } from "next-intl";
import { defaultLocale, LOCALE_NAMES, localizedPath, locales, prefixedPath } from "@/lib/i18n/config";
import { usePathname } from "@/lib/i18n/navigation";

export function LanguageSwitcher({ label }: { label: string }) {
  const path = usePathname();
  const current = useLocale();
  return (
    <nav className="language-switcher" aria-label={label}>
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            <a
              // English is linked with its prefix (/en/…): the routing then sends the reader to the unprefixed
              // address and remembers the choice (otherwise an earlier choice in the cookie would win).
              href={locale === defaultLocale ? prefixedPath(path, locale) : localizedPath(path, locale)}
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
