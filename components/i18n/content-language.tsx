// The note above content that is not in the reader's language: "Translated from English · Read the
// original" over a moderator's translation, "Original in French" over an original the reader's language has
// no translation of. `originalHref` shows the same page with the original text (in the reader's interface).
import { getLocale, getTranslations } from "next-intl/server";
import { directionOf, type Locale } from "@/lib/i18n/config";
import { Link } from "@/lib/i18n/navigation";
import type { ContentLanguage } from "@/lib/translations/texts";

/** `language` named in the reader's language ("anglais" on a French page). */
export function languageName(language: string, locale: string) {
  return new Intl.DisplayNames([locale], { type: "language" }).of(language) ?? language;
}

/** `lang` and `dir` for an element holding text in `lang`, when it differs from the page's. */
export function langProps(lang: Locale, pageLocale: string) {
  return lang === pageLocale ? {} : { lang, dir: directionOf(lang) };
}

export async function ContentLanguageNote({
  language,
  originalHref,
  translatedHref,
}: {
  language: ContentLanguage;
  /** The page showing the original; given when a translation is shown. */
  originalHref?: string;
  /** The page showing the translation; given when the original is shown on request. */
  translatedHref?: string;
}) {
  const locale = await getLocale();
  const t = await getTranslations("ContentLanguage");
  const name = languageName(language.original, locale);
  if (language.translated)
    return (
      <p className="meta content-language">
        {t("translatedFrom", { language: name })}
        {originalHref && (
          <>
            {" · "}
            <Link href={originalHref}>{t("readOriginal")}</Link>
          </>
        )}
      </p>
    );
  if (language.original === locale) return null;
  return (
    <p className="meta content-language">
      {t("originalIn", { language: name })}
      {translatedHref && (
        <>
          {" · "}
          <Link href={translatedHref}>{t("readTranslation")}</Link>
        </>
      )}
    </p>
  );
}
