// Moderators' translations of a call and of a message set version: what a translation holds, how its form
// names its fields, how it is checked against the original, and how a reader's copy is made from the
// original and a translation. Pure: imported by the editors, the server and tests.
//
// A translation is complete or absent. Every text the original has must be translated, within the
// original's limits, with the same field messages ("required", "tooLong"); a text the original leaves empty
// (an introduction, a help text) may stay empty. So a reader never meets an empty string, and never a page
// half in one language: without a translation in their language they read the original, with a note.
import { z } from "zod";
import { CALL_LIMITS } from "@/lib/calls/schemas";
import { isLocale, locales, type Locale } from "@/lib/i18n/config";
import { MESSAGE_LIMITS } from "@/lib/messages/schemas";
import { text } from "@/lib/validation/text";
import { callGlossaryJson, callQuestionsJson, versionContentJson } from "./stored";

// ---------------------------------------------------------------------------------------------------
// Calls

export type CallOriginal = {
  language: string;
  title: string;
  introduction: string;
  thematicTrack: string;
  questions: { id: string; prompt: string; helpText: string; options: string[] }[];
  glossary: { id: string; term: string; definition: string }[];
};

export type CallTranslationRow = {
  locale: string;
  title: string;
  introduction: string;
  thematicTrack: string;
  questions: unknown;
  glossary: unknown;
};

/** The form's field names: one per text of the original. */
export const callField = {
  prompt: (questionId: string) => `prompt.${questionId}`,
  helpText: (questionId: string) => `help.${questionId}`,
  options: (questionId: string) => `options.${questionId}`,
  term: (termId: string) => `term.${termId}`,
  definition: (termId: string) => `definition.${termId}`,
};

/** Where a translated text may stay empty because the original is. */
const translated = (original: string, max: number) =>
  original.trim()
    ? text({ error: "text" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" })
    : text({ error: "text" }).trim().max(max, { error: "tooLong" }).default("");

const optionLines = (count: number) =>
  text({ error: "text" })
    .default("")
    .transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(text())
        .refine((lines) => lines.length === count, { error: "translationOptionCount", params: { count } })
        .refine((lines) => lines.every((line) => line.length <= CALL_LIMITS.option), {
          error: "optionTooLong",
          params: { max: CALL_LIMITS.option },
        }),
    );

/** The schema of a call translation's form values, made from the original it translates. */
export function callTranslationSchema(original: CallOriginal) {
  const shape: Record<string, z.ZodType> = {
    title: translated(original.title, CALL_LIMITS.title),
    introduction: translated(original.introduction, CALL_LIMITS.introduction),
    thematicTrack: translated(original.thematicTrack, CALL_LIMITS.thematicTrack),
  };
  for (const q of original.questions) {
    shape[callField.prompt(q.id)] = translated(q.prompt, CALL_LIMITS.prompt);
    shape[callField.helpText(q.id)] = translated(q.helpText, CALL_LIMITS.helpText);
    if (q.options.length) shape[callField.options(q.id)] = optionLines(q.options.length);
  }
  for (const g of original.glossary) {
    shape[callField.term(g.id)] = translated(g.term, CALL_LIMITS.term);
    shape[callField.definition(g.id)] = translated(g.definition, CALL_LIMITS.definition);
  }
  return z.object(shape);
}

/** A checked form, as CallTranslation's columns. */
export function callTranslationColumns(original: CallOriginal, values: Record<string, unknown>) {
  const str = (key: string) => String(values[key] ?? "");
  return {
    title: str("title"),
    introduction: str("introduction"),
    thematicTrack: str("thematicTrack"),
    questions: Object.fromEntries(
      original.questions.map((q) => [
        q.id,
        {
          prompt: str(callField.prompt(q.id)),
          helpText: str(callField.helpText(q.id)),
          options: q.options.length ? (values[callField.options(q.id)] as string[]) : [],
        },
      ]),
    ),
    glossary: Object.fromEntries(
      original.glossary.map((g) => [g.id, { term: str(callField.term(g.id)), definition: str(callField.definition(g.id)) }]),
    ),
  };
}

/** A stored translation as the form's values (to edit it), or the empty form. */
export function callTranslationValues(original: CallOriginal, row: CallTranslationRow | null): Record<string, string> {
  const questions = row ? callQuestionsJson.catch({}).parse(row.questions) : {};
  const glossary = row ? callGlossaryJson.catch({}).parse(row.glossary) : {};
  const values: Record<string, string> = {
    title: row?.title ?? "",
    introduction: row?.introduction ?? "",
    thematicTrack: row?.thematicTrack ?? "",
  };
  for (const q of original.questions) {
    values[callField.prompt(q.id)] = questions[q.id]?.prompt ?? "";
    values[callField.helpText(q.id)] = questions[q.id]?.helpText ?? "";
    if (q.options.length) values[callField.options(q.id)] = (questions[q.id]?.options ?? []).join("\n");
  }
  for (const g of original.glossary) {
    values[callField.term(g.id)] = glossary[g.id]?.term ?? "";
    values[callField.definition(g.id)] = glossary[g.id]?.definition ?? "";
  }
  return values;
}

type CallShape = {
  language: string;
  title: string;
  introduction: string;
  thematicTrack?: string;
  questions: { id: string; prompt: string; helpText: string; options: string[] }[];
  glossary: { id: string; term: string; definition: string }[];
};

/** A call as translateCall returns it: each question and term says its language; options have labels. */
export type TranslatedCall<C extends CallShape> = Omit<C, "questions" | "glossary"> & {
  language: ContentLanguage;
  lang: Locale;
  questions: (C["questions"][number] & { lang: Locale; optionLabels: string[] })[];
  glossary: (C["glossary"][number] & { lang: Locale })[];
};

type VersionShape = {
  title: string;
  introduction: string;
  sections: { sectionId?: string; heading: string; paragraphs: { paragraphId: string; body: string }[] }[];
};

/** A set as translateVersion returns it: each heading and paragraph says its language. */
export type TranslatedVersion<S extends VersionShape> = Omit<S, "sections"> & {
  language: ContentLanguage;
  lang: Locale;
  sections: (Omit<S["sections"][number], "paragraphs"> & {
    lang: Locale;
    paragraphs: (S["sections"][number]["paragraphs"][number] & { lang: Locale })[];
  })[];
};

/** What a reader is told about the language of what they read. */
export type ContentLanguage = {
  /** The language the original is written in. */
  original: Locale;
  /** The language of the text shown: the reader's when a translation exists, else the original's. */
  shown: Locale;
  /** True when the text shown is a moderator's translation. */
  translated: boolean;
};

const asLocale = (value: string): Locale => (isLocale(value) ? value : "en");

/** `lang` of a text read through a translation: the translation's when it gave this text, else the original's. */
const pick = (translation: string | undefined, original: string, language: ContentLanguage) =>
  language.translated && translation?.trim()
    ? { text: translation, lang: language.shown }
    : { text: original, lang: language.original };

/**
 * The call as a reader of `locale` reads it: its texts from the translation into `locale` when there is one
 * (a text the translation lacks, e.g. a question added after it was made, stays in the original, with its
 * own `lang`), choice options with a translated label but the original as the value an answer stores.
 */
export function translateCall<
  C extends {
    language: string;
    title: string;
    introduction: string;
    thematicTrack?: string;
    questions: { id: string; prompt: string; helpText: string; options: string[] }[];
    glossary: { id: string; term: string; definition: string }[];
  },
>(call: C, row: CallTranslationRow | null): TranslatedCall<C> {
  const original = asLocale(call.language);
  const language: ContentLanguage = {
    original,
    shown: row && isLocale(row.locale) ? row.locale : original,
    translated: Boolean(row && row.locale !== original),
  };
  const questions = row ? callQuestionsJson.catch({}).parse(row.questions) : {};
  const glossary = row ? callGlossaryJson.catch({}).parse(row.glossary) : {};
  const title = pick(row?.title, call.title, language);
  const introduction = pick(row?.introduction, call.introduction, language);
  return {
    ...call,
    title: title.text,
    introduction: introduction.text,
    ...(call.thematicTrack === undefined ? {} : { thematicTrack: pick(row?.thematicTrack, call.thematicTrack, language).text }),
    language,
    lang: title.lang,
    questions: call.questions.map((q: C["questions"][number]) => {
      const t = questions[q.id];
      const prompt = pick(t?.prompt, q.prompt, language);
      const labels = t && t.options.length === q.options.length ? t.options : null;
      return {
        ...q,
        prompt: prompt.text,
        helpText: pick(t?.helpText, q.helpText, language).text,
        lang: prompt.lang,
        optionLabels: language.translated && labels ? labels : q.options,
      };
    }),
    glossary: call.glossary.map((g: C["glossary"][number]) => {
      const t = glossary[g.id];
      const term = pick(t?.term, g.term, language);
      return { ...g, term: term.text, definition: pick(t?.definition, g.definition, language).text, lang: term.lang };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------
// Message set versions

export type VersionOriginal = {
  language: string;
  title: string;
  introduction: string;
  sections: { sectionId: string; heading: string; paragraphs: { paragraphId: string; body: string }[] }[];
};

export type VersionTranslationRow = { locale: string; title: string; introduction: string; content: unknown };

export const versionField = {
  heading: (sectionId: string) => `heading.${sectionId}`,
  body: (paragraphId: string) => `body.${paragraphId}`,
};

export function versionTranslationSchema(original: VersionOriginal) {
  const shape: Record<string, z.ZodType> = {
    title: translated(original.title, MESSAGE_LIMITS.title),
    introduction: translated(original.introduction, MESSAGE_LIMITS.introduction),
  };
  for (const section of original.sections) {
    shape[versionField.heading(section.sectionId)] = translated(section.heading, MESSAGE_LIMITS.heading);
    for (const p of section.paragraphs) shape[versionField.body(p.paragraphId)] = translated(p.body, MESSAGE_LIMITS.body);
  }
  return z.object(shape);
}

export function versionTranslationColumns(original: VersionOriginal, values: Record<string, unknown>) {
  const str = (key: string) => String(values[key] ?? "");
  return {
    title: str("title"),
    introduction: str("introduction"),
    content: {
      headings: Object.fromEntries(original.sections.map((s) => [s.sectionId, str(versionField.heading(s.sectionId))])),
      paragraphs: Object.fromEntries(
        original.sections.flatMap((s) => s.paragraphs.map((p) => [p.paragraphId, str(versionField.body(p.paragraphId))])),
      ),
    },
  };
}

export function versionTranslationValues(original: VersionOriginal, row: VersionTranslationRow | null): Record<string, string> {
  const content = row ? versionContentJson.catch({ headings: {}, paragraphs: {} }).parse(row.content) : null;
  const values: Record<string, string> = { title: row?.title ?? "", introduction: row?.introduction ?? "" };
  for (const s of original.sections) {
    values[versionField.heading(s.sectionId)] = content?.headings[s.sectionId] ?? "";
    for (const p of s.paragraphs) values[versionField.body(p.paragraphId)] = content?.paragraphs[p.paragraphId] ?? "";
  }
  return values;
}

/**
 * A published set as a reader of the translation's language reads it: title, introduction, headings and
 * paragraph bodies from the translation, each with the `lang` of the text it shows.
 */
export function translateVersion<
  S extends {
    title: string;
    introduction: string;
    sections: { sectionId?: string; heading: string; paragraphs: { paragraphId: string; body: string }[] }[];
  },
>(set: S, originalLanguage: string, row: VersionTranslationRow | null): TranslatedVersion<S> {
  const original = asLocale(originalLanguage);
  const language: ContentLanguage = {
    original,
    shown: row && isLocale(row.locale) ? row.locale : original,
    translated: Boolean(row && row.locale !== original),
  };
  const content = row ? versionContentJson.catch({ headings: {}, paragraphs: {} }).parse(row.content) : null;
  const title = pick(row?.title, set.title, language);
  return {
    ...set,
    title: title.text,
    introduction: pick(row?.introduction, set.introduction, language).text,
    language,
    lang: title.lang,
    sections: set.sections.map((section: S["sections"][number]) => {
      const heading = pick(section.sectionId ? content?.headings[section.sectionId] : undefined, section.heading, language);
      return {
        ...section,
        heading: heading.text,
        lang: heading.lang,
        paragraphs: section.paragraphs.map((paragraph: S["sections"][number]["paragraphs"][number]) => {
          const body = pick(content?.paragraphs[paragraph.paragraphId], paragraph.body, language);
          return { ...paragraph, body: body.text, lang: body.lang };
        }),
      };
    }),
  };
}

/** The locales a call or a set may be translated into: all but its own. */
export const translationLocales = (language: string) => locales.filter((locale) => locale !== language);
