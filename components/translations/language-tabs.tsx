// The languages a call or a set may be translated into, each a link to its translation, the one shown marked
// (aria-current), each said to be translated or not yet.
import { getLocale, getTranslations } from "next-intl/server";
import { languageName } from "@/components/i18n/content-language";
import { Link } from "@/lib/i18n/navigation";

type Props = {
  targets: readonly string[];
  current: string;
  translated: readonly string[];
  href: (locale: string) => string;
};

export async function LanguageTabs({ targets, current, translated, href }: Props) {
  const t = await getTranslations("Translations");
  const pageLocale = await getLocale();
  return (
    <nav aria-label={t("languages")} className="language-tabs">
      <ul>
        {targets.map((locale) => (
          <li key={locale}>
            <Link href={href(locale)} aria-current={locale === current ? "page" : undefined}>
              {languageName(locale, pageLocale)}
            </Link>{" "}
            <span className="meta">{translated.includes(locale) ? t("translated") : t("notTranslated")}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
