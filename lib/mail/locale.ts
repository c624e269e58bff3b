// The language of an email: its recipient's (User.locale) when they have an account, read when the email is
// rendered; for an address without an account, the language of the page it was asked for from; else English.
// The catalogs emails use are loaded for all six languages at once (a few KB each), so rendering stays
// synchronous and works outside Next.js (the worker, the browser tests' event queueing).
// No "server-only": imported by lib/notifications/templates.ts, which the browser tests use outside Next.js.
import arCore from "@/lib/i18n/messages/ar/core.json";
import arNotifications from "@/lib/i18n/messages/ar/notifications.json";
import arResponses from "@/lib/i18n/messages/ar/responses.json";
import enCore from "@/lib/i18n/messages/en/core.json";
import enNotifications from "@/lib/i18n/messages/en/notifications.json";
import enResponses from "@/lib/i18n/messages/en/responses.json";
import esCore from "@/lib/i18n/messages/es/core.json";
import esNotifications from "@/lib/i18n/messages/es/notifications.json";
import esResponses from "@/lib/i18n/messages/es/responses.json";
import frCore from "@/lib/i18n/messages/fr/core.json";
import frNotifications from "@/lib/i18n/messages/fr/notifications.json";
import frResponses from "@/lib/i18n/messages/fr/responses.json";
import ruCore from "@/lib/i18n/messages/ru/core.json";
import ruNotifications from "@/lib/i18n/messages/ru/notifications.json";
import ruResponses from "@/lib/i18n/messages/ru/responses.json";
import zhCore from "@/lib/i18n/messages/zh/core.json";
import zhNotifications from "@/lib/i18n/messages/zh/notifications.json";
import zhResponses from "@/lib/i18n/messages/zh/responses.json";
import { directionOf, localizedPath, toLocale, type Locale } from "@/lib/i18n/config";

/** The catalog areas emails are written from, each typed as the English one (the catalogs have the same keys). */
export type MailCatalogs = { core: typeof enCore; notifications: typeof enNotifications; responses: typeof enResponses };

const CATALOGS: Record<Locale, MailCatalogs> = {
  en: { core: enCore, notifications: enNotifications, responses: enResponses },
  ar: { core: arCore, notifications: arNotifications, responses: arResponses },
  es: { core: esCore, notifications: esNotifications, responses: esResponses },
  fr: { core: frCore, notifications: frNotifications, responses: frResponses },
  ru: { core: ruCore, notifications: ruNotifications, responses: ruResponses },
  zh: { core: zhCore, notifications: zhNotifications, responses: zhResponses },
};

/** A stored locale (User.locale, possibly null or, from old data, anything) as the language of an email. */
export const mailLocale = toLocale;

export function mailCatalogs(locale: Locale): MailCatalogs {
  return CATALOGS[locale];
}

/** The locale dates are written in: English emails use "en-GB" (a 24-hour clock, day before month). */
export function mailDateLocale(locale: Locale) {
  return locale === "en" ? "en-GB" : locale;
}

/** A number as the recipient's language writes it. */
export function formatMailNumber(value: number, locale: Locale) {
  return new Intl.NumberFormat(locale).format(value);
}

/** The site's origin for links in emails, without a trailing slash. */
export function siteUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** The absolute address of a page (an unprefixed path) in the recipient's language: /fr/… in French. */
export function mailLink(path: string, locale: Locale) {
  return `${siteUrl()}${localizedPath(path, locale)}`;
}

/** An email's HTML part marked with its language and direction (Arabic is read right to left). */
export function inLanguage(html: string, locale: Locale) {
  return `<div lang="${locale}" dir="${directionOf(locale)}">\n${html}\n</div>`;
}
