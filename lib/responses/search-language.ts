// Text search in the language a response is written in. Its answers are indexed (lib/responses/record.ts) in
// the PostgreSQL configuration of its language, so French is stemmed as French ("gouvernements" and
// "gouvernement" both give gouvern), Russian as Russian, and so on. Chinese, written without spaces, is cut
// into words by ICU first (lib/text/words.ts) and indexed word by word in 'simple' (no stemming, no stop
// words). A query matches a response when it matches in the response's own configuration, whatever the
// language of the page it was typed on (prepareSearch, then searchMatches).
// No "server-only": record.ts runs in the demo seed too.
import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { locales, toLocale, type Locale } from "@/lib/i18n/config";
import { segmentWords } from "@/lib/text/words";
import { MARK_END, MARK_START } from "./public-marks";

/** The text-search configuration of each language (all shipped with PostgreSQL 15). */
export const SEARCH_CONFIGURATIONS = {
  en: "english",
  ar: "arabic",
  es: "spanish",
  fr: "french",
  ru: "russian",
  zh: "simple",
} as const satisfies Record<Locale, string>;

/** Languages written without spaces between words: segmented here before PostgreSQL's parser sees them. */
export const SEGMENTED_LANGUAGES: readonly Locale[] = ["zh"];
const SEGMENTED: ReadonlySet<string> = new Set(SEGMENTED_LANGUAGES);
/** Quotation marks that make a phrase in a web-search query; the others are treated as punctuation. */
const QUOTES = new Set(['"', "“", "”", "„", "«", "»", "「", "」", "『", "』"]);

/** A stored language's configuration; a value that is not a locale reads as English (the column's default). */
export const searchConfiguration = (language: string) => SEARCH_CONFIGURATIONS[toLocale(language)];

/** The text as the index of `language` reads it: unchanged, or (Chinese) its words separated by spaces. */
export function indexableText(text: string, language: string): string {
  if (!SEGMENTED.has(language)) return text;
  const out: string[] = [];
  for (const segment of segmentWords(text, language)) if (segment.word) out.push(segment.text);
  return out.join(" ");
}

/**
 * A web-search query as the index of `language` reads it: unchanged, or (Chinese) cut into the same words as
 * indexableText, keeping what websearch_to_tsquery understands: quotes around a phrase and a minus before a
 * word. Other punctuation becomes a space, as it does in the index.
 */
export function indexableQuery(query: string, language: string): string {
  if (!SEGMENTED.has(language)) return query;
  const segments = segmentWords(query, language);
  let out = "";
  let afterWord = false;
  segments.forEach((segment, index) => {
    if (segment.word) {
      out += afterWord ? ` ${segment.text}` : segment.text;
      afterWord = true;
      return;
    }
    afterWord = false;
    const startsTerm = out === "" || /\s$/u.test(out);
    if (QUOTES.has(segment.text)) out += '"';
    else if (segment.text === "-" && startsTerm && segments[index + 1]?.word) out += "-";
    else out += " ";
  });
  return out;
}

const configuration = (language: Locale) => Prisma.raw(`'${SEARCH_CONFIGURATIONS[language]}'::regconfig`);
const languageOf = (alias: string) => Prisma.raw(`${alias}.language`);
const byLanguage = (alias: string, value: (language: Locale) => Prisma.Sql) =>
  Prisma.sql`(CASE ${languageOf(alias)} ${Prisma.join(
    locales.map((language) => Prisma.sql`WHEN ${Prisma.raw(`'${language}'`)} THEN ${value(language)}`),
    " ",
  )} ELSE ${value("en")} END)`;

/**
 * A web-search query as each language's configuration reads it (tsquery texts, "" when it keeps no word:
 * stop words only); `any`, their distinct texts joined by OR (null when all are empty); `uniform`, true
 * when all six read it the same (a name, a number, Chinese words): `any` is then exact for every row.
 */
export type PreparedSearch = { query: string; byLanguage: Record<Locale, string>; any: string | null; uniform: boolean };

/**
 * Reads `query` in every configuration, in one round trip before the search itself. The search then gets
 * constant tsqueries: the planner sees exactly which words the GIN index on "searchVector" must look up
 * (the same word in six configurations is looked up once) and costs the index scan by them.
 */
export async function prepareSearch(client: Pick<DbClient, "$queryRaw">, query: string): Promise<PreparedSearch> {
  const columns = locales.map(
    (language) =>
      Prisma.sql`websearch_to_tsquery(${configuration(language)}, ${indexableQuery(query, language)})::text AS ${Prisma.raw(`"${language}"`)}`,
  );
  const [row] = await client.$queryRaw<Record<Locale, string>[]>`SELECT ${Prisma.join(columns)}`;
  const texts = locales.map((language) => row![language]);
  const distinct = [...new Set(texts.filter(Boolean))];
  return {
    query,
    byLanguage: row!,
    any: distinct.length ? distinct.map((text) => `(${text})`).join(" | ") : null,
    uniform: distinct.length === 1 && texts.every(Boolean),
  };
}

/** The configuration of the row `alias` (responses), for ts_headline. */
export function rowConfiguration(alias: string): Prisma.Sql {
  return byLanguage(alias, configuration);
}

/** The search as the row `alias` (responses) reads it: a tsquery in the row's own configuration. */
export function rowQuery(alias: string, search: PreparedSearch): Prisma.Sql {
  return byLanguage(alias, (language) => Prisma.sql`CAST(${search.byLanguage[language]} AS tsquery)`);
}

/**
 * The row `alias` (responses) matches the search in its own language's configuration. The CASE alone
 * depends on the row, which the GIN index cannot use; so the search in every configuration at once (one
 * constant tsquery) picks the candidates through the index, and the CASE keeps those that match in their
 * own language. A query of stop words only (in English "the of") is empty in English and matches no English
 * response, as before; empty in every configuration, it matches nothing.
 */
export function searchMatches(alias: string, search: PreparedSearch): Prisma.Sql {
  if (search.any === null) return Prisma.sql`FALSE`;
  const vector = Prisma.raw(`${alias}."searchVector"`);
  const candidates = Prisma.sql`${vector} @@ CAST(${search.any} AS tsquery)`;
  // Read the same in every language: the index's answer is exact (no row's index is read again).
  if (search.uniform) return Prisma.sql`(${candidates})`;
  return Prisma.sql`(${candidates} AND ${vector} @@ ${rowQuery(alias, search)})`;
}

/** The positive words of a query as the index of `language` reads them (lower case): what to highlight. */
function queryWords(query: string, language: string) {
  const wanted = new Set<string>();
  const text = indexableQuery(query, language);
  for (const term of text.split(/[\s"]+/u)) {
    if (!term || term.startsWith("-") || term.toLowerCase() === "or") continue;
    wanted.add(term.toLowerCase());
  }
  return wanted;
}

/**
 * For a segmented language (Chinese), where ts_headline cannot find words in the unsegmented text: the
 * passage around the first word of `query`, its words wrapped in MARK_START…MARK_END as ts_headline does,
 * about `length` characters. Null for other languages and when no word of the query occurs.
 */
export function segmentedHeadline(text: string, query: string, language: string, length = 120): string | null {
  if (!SEGMENTED.has(language)) return null;
  const wanted = queryWords(query, language);
  const segments = segmentWords(text.replace(/\s+/gu, " ").trim(), language);
  const first = segments.findIndex((segment) => segment.word && wanted.has(segment.text.toLowerCase()));
  if (first < 0) return null;
  // Start a little before the first match, on a segment boundary.
  let start = first;
  for (let before = 0; start > 0 && before + segments[start - 1]!.text.length <= length / 4; start--)
    before += segments[start - 1]!.text.length;
  let out = start > 0 ? "… " : "";
  let used = 0;
  let end = start;
  for (; end < segments.length && used < length; end++) {
    const segment = segments[end]!;
    used += segment.text.length;
    out += segment.word && wanted.has(segment.text.toLowerCase()) ? `${MARK_START}${segment.text}${MARK_END}` : segment.text;
  }
  return end < segments.length ? `${out.trimEnd()} …` : out;
}
