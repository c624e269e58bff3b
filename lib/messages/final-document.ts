// What the two downloads of the final messages share: their fixed text in the reader's language (the locale of
// the address, its catalog through createTranslator, numbers and dates by Intl in that locale), the site's
// address for absolute links (to its pages in that language), suppressed counts written out, the languages
// of the texts shown, and the file names.
import "server-only";
import { createTranslator } from "next-intl";
import { formatDate } from "@/lib/dates/format";
import { defaultLocale, directionOf, localizedPath, type Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import core from "@/lib/i18n/messages/en/core.json";
import final from "@/lib/i18n/messages/en/final.json";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { SMALL_CELL, type PublicCount } from "@/lib/insights/suppression";
import type { FinalMessages } from "./final";

/** The files a final set can be downloaded as (the last part of /messages/<slug>/download/<file>). */
export const FINAL_FILES = { "final.pdf": "application/pdf", "final.md": "text/markdown; charset=utf-8" } as const;
export type FinalFile = keyof typeof FINAL_FILES;
export const isFinalFile = (name: string): name is FinalFile => Object.hasOwn(FINAL_FILES, name);

/**
 * A generated PDF larger than this is not sent. A set of 300 paragraphs with 5 sources each is under 2 MB; one
 * at every message-set limit (15,000 sources, each a tagged list item with a tagged link) about 12 MB in
 * English and 18 MB in Arabic.
 */
export const MAX_FINAL_PDF_BYTES = 32 * 1024 * 1024;

export const siteUrl = () => (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");

/** The site's address for a reader of `locale`: its pages in that language ("…/fr"; English unprefixed). */
export const siteUrlIn = (locale: Locale = defaultLocale) => `${siteUrl()}${localizedPath("/", locale).replace(/\/$/, "")}`;
export const responseUrl = (reference: string, locale?: Locale) =>
  `${siteUrlIn(locale)}/responses/${encodeURIComponent(reference)}`;
export const messagesUrl = (slug: string, locale?: Locale) => `${siteUrlIn(locale)}/messages/${encodeURIComponent(slug)}`;

type Catalog = typeof core & typeof final;

function textIn(locale: Locale, messages: Catalog) {
  const t = createTranslator({ locale, messages, namespace: "FinalMessages" });
  const tGroup = createTranslator({ locale, messages, namespace: "StakeholderGroup" });
  const tRegion = createTranslator({ locale, messages, namespace: "UnRegion" });
  const numbers = new Intl.NumberFormat(locale);
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  return {
    locale,
    dir: directionOf(locale),
    t,
    group: (group: StakeholderGroup) => tGroup(group),
    region: (region: UnRegion) => tRegion(region),
    number: (value: number) => numbers.format(value),
    count: (value: PublicCount) => (value === null ? t("fewer", { n: SMALL_CELL }) : numbers.format(value)),
    // English keeps the day-before-month of the emails ("en-GB").
    date: (date: Date) => formatDate(date, { locale: locale === "en" ? "en-GB" : locale, timeZone: "UTC" }),
    /** A language named in the reader's language: "Arabic", « arabe », «العربية». */
    language: (code: string) => languages.of(code) ?? code,
  };
}

/** The fixed text of the downloads in `locale`. */
export async function documentText(locale: Locale = defaultLocale) {
  return textIn(locale, (await loadMessages(locale)) as Catalog);
}

/** The English fixed text at once, without loading a catalog (the Markdown file's default). */
export const englishText = () => textIn("en", { ...core, ...final });

export type DocumentText = ReturnType<typeof textIn>;

/** The lines about the call: where the messages come from and its thematic track (`value` wraps its names). */
export function callLines(set: FinalMessages, text: DocumentText, value = (name: string) => name) {
  const call = set.callDetails;
  if (!call) return [];
  return [
    text.t("documentCall", { title: value(call.title), forum: value(call.forumName) }),
    ...(call.thematicTrack ? [text.t("documentTrack", { track: value(call.thematicTrack) })] : []),
  ];
}

type FinalSource = FinalMessages["sections"][number]["paragraphs"][number]["sources"][number];
export type SourceNote = { number: number; paragraph: number; source: FinalSource };

/**
 * The sources as numbered notes, in reading order (numbers run on through the whole document): each
 * section's notes, and each paragraph's note numbers. A paragraph's text is followed by its numbers only
 * ("Sources: notes 4–6"); the notes themselves (who, the receipt, the quote) are listed after the section or
 * in an annex at the end, as the set chose (`sourceNotes`), so the quotes no longer double the text.
 */
export function numberedNotes(set: Pick<FinalMessages, "sections">) {
  let next = 0;
  return set.sections.map((section) => {
    const notes: SourceNote[] = [];
    const numbers = new Map<number, number[]>();
    for (const paragraph of section.paragraphs)
      numbers.set(
        paragraph.number,
        paragraph.sources.map((source) => {
          notes.push({ number: ++next, paragraph: paragraph.number, source });
          return next;
        }),
      );
    return { notes, numbers };
  });
}

/** A paragraph's note numbers, always consecutive: "4" or "4–6", in the reader's digits. */
export const noteRange = (numbers: readonly number[], text: DocumentText) =>
  numbers.length === 1 ? text.number(numbers[0]!) : `${text.number(numbers[0]!)}–${text.number(numbers[numbers.length - 1]!)}`;

/**
 * "Civil Society · Africa" for a source (either may be missing), and for a campaign cited as one source
 * "and 12 other signatories of the same text".
 */
export const sourceLabel = (
  source: { stakeholderGroup: StakeholderGroup | null; region: UnRegion | null; signatories?: number | null },
  text: DocumentText,
) =>
  [
    source.stakeholderGroup && text.group(source.stakeholderGroup),
    source.region && text.region(source.region),
    source.signatories && source.signatories > 1 && text.t("signatories", { others: source.signatories - 1 }),
  ]
    .filter(Boolean)
    .join(" · ");

/**
 * Who a source is cited by: its author's name and organisation where they agreed to be named ("Zoë
 * Ångström, Nordic Net Foundation"), else null (an anonymous source is cited by group and region).
 */
export const sourceAuthor = (source: {
  author: { name: string | null; organisation: string | null; onBehalfOf: string | null } | null;
}) => {
  if (!source.author) return null;
  return [source.author.name, organisationText(source.author)].filter(Boolean).join(", ") || null;
};

/** "Organisation (on behalf of X)" as the contributors page joins them. */
export const organisationText = (person: { organisation: string | null; onBehalfOf: string | null }) =>
  [person.organisation, person.onBehalfOf].filter(Boolean).join(" / ");

/**
 * The languages of what the set shows (lib/messages/public.ts): the original's, the translation shown (null
 * when the reader reads the original) and the language of the title and introduction. Each section and
 * paragraph says its own with `lang` (a text the translation lacks stays in the original).
 */
export function languagesOf(set: FinalMessages) {
  const { original, shown, translated } = set.language;
  return { original, translation: translated ? { locale: shown, from: original } : null, lang: set.lang };
}
