import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { defaultLocale, directionOf, localizedPath, locales, PAGE_PATH_HEADER } from "@/lib/i18n/config";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Site");
  // The same page in every language, for search engines (hreflang), English as the default.
  const path = (await headers()).get(PAGE_PATH_HEADER) ?? "/";
  const languages = Object.fromEntries(locales.map((locale) => [locale, localizedPath(path, locale)]));
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
    alternates: { languages: { ...languages, "x-default": localizedPath(path, defaultLocale) } },
  };
}

export default async function RootLayout({ children, params }: Props) {
  const { locale } = await params;
  // An address whose first segment is not a language is English (as-needed prefix); anything else is a 404.
  if (!hasLocale(locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("Site");
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        {/* The messages of the client parts around every page (error.tsx); each page adds its own. */}
        <ClientMessages namespaces={["ErrorPage"]}>
          <SiteHeader />
          <main id="main" className="container" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </ClientMessages>
      </body>
    </html>
  );
}
