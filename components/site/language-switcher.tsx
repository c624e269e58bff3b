"use client";
// The language switcher on every page: the same page in each of the six languages, each named in itself and
// marked with its language (lang, hreflang), the current one marked aria-current. Plain links (a full load,
// through the routing that remembers the choice), so it works without JavaScript and by keyboard. A client
// component because it sits in the layout, which client navigation keeps: it follows the current address.
// Signed in (and with JavaScript), the choice is also saved as the person's language (their emails follow
// it) before the link is followed; without JavaScript the link alone changes the site's language.
import { useLocale } from "next-intl";
import type { MouseEvent } from "react";
import { defaultLocale, LOCALE_NAMES, localizedPath, locales, prefixedPath, type Locale } from "@/lib/i18n/config";
import { usePathname } from "@/lib/i18n/navigation";
import { saveLanguageAction } from "@/lib/profile/actions";

/** The longest the link waits for the choice to be saved: the language changes even if saving fails. */
const SAVE_WAIT_MS = 3000;

function saveLanguage(locale: Locale) {
  const form = new FormData();
  form.set("locale", locale);
  const saved = saveLanguageAction(null, form).catch(() => null);
  return Promise.race([saved, new Promise((resolve) => setTimeout(resolve, SAVE_WAIT_MS))]);
}

export function LanguageSwitcher({ label, signedIn = false }: { label: string; signedIn?: boolean }) {
  const path = usePathname();
  const current = useLocale();
  const choose = (locale: Locale) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (!signedIn || event.defaultPrevented) return;
    // A new tab or window (modifier keys, middle button): save, and let the browser open it.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      void saveLanguage(locale);
      return;
    }
    event.preventDefault();
    const href = event.currentTarget.href;
    void saveLanguage(locale).then(() => window.location.assign(href));
  };
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
              onClick={choose(locale)}
            >
              {LOCALE_NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
