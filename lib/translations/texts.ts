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
import { isLocale, locales, toLocale, type Locale } from "@/lib/i18n/config";
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

const optionLines = (count: number, max: number) =>
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
        .refine((lines) => lines.every((line) => line.length <= max), { error: "optionTooLong", params: { max } }),
    );

/**
 * One text of an original that a translation gives: its form field, what it is (`kind`, with `n` the number
 * of its question, term, section or paragraph), the original text and its limit (of each line, for choices).
 * The form's schema and the editor's rows are both made from this list.
 */
export type TranslationField = {
  name: string;
  kind:
    "title" | "introduction" | "thematicTrack" | "prompt" | "helpText" | "options" | "term" | "definition" | "heading" | "body";
  n?: number;
  original: string;
  max: number;
  /** Choices: one per line, as many as the original's. */
  lines?: number;
};

export function callTranslationFields(original: CallOriginal): TranslationField[] {
  return [
    { name: "title", kind: "title", original: original.title, max: CALL_LIMITS.title },
    { name: "introduction", kind: "introduction", original: original.introduction, max: CALL_LIMITS.introduction },
    { name: "thematicTrack", kind: "thematicTrack", original: original.thematicTrack, max: CALL_LIMITS.thematicTrack },
    ...original.questions.flatMap((q, index): TranslationField[] => [
      { name: callField.prompt(q.id), kind: "prompt", n: index + 1, original: q.prompt, max: CALL_LIMITS.prompt },
      { name: callField.helpText(q.id), kind: "helpText", n: index + 1, original: q.helpText, max: CALL_LIMITS.helpText },
      ...(q.options.length
        ? [
            {
              name: callField.options(q.id),
              kind: "options" as const,
              n: index + 1,
              original: q.options.join("\n"),
              max: CALL_LIMITS.option,
              lines: q.options.length,
            },
          ]
        : []),
    ]),
    ...original.glossary.flatMap((g, index): TranslationField[] => [
      { name: callField.term(g.id), kind: "term", n: index + 1, original: g.term, max: CALL_LIMITS.term },
      { name: callField.definition(g.id), kind: "definition", n: index + 1, original: g.definition, max: CALL_LIMITS.definition },
    ]),
  ];
}

/** The schema of a translation's form values, made from the texts of the original it translates. */
function translationSchema(fields: TranslationField[]) {
  return z.object(
    Object.fromEntries(
      fields.map((field) => [
        field.name,
        field.lines === undefined ? translated(field.original, field.max) : optionLines(field.lines, field.max),
      ]),
    ),
  );
}

export const callTranslationSchema = (original: CallOriginal) => translationSchema(callTranslationFields(original));

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
  const original = toLocale(call.language);
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

export function versionTranslationFields(original: VersionOriginal): TranslationField[] {
  let paragraph = 0;
  return [
    { name: "title", kind: "title", original: original.title, max: MESSAGE_LIMITS.title },
    { name: "introduction", kind: "introduction", original: original.introduction, max: MESSAGE_LIMITS.introduction },
    ...original.sections.flatMap((section, index): TranslationField[] => [
      {
        name: versionField.heading(section.sectionId),
        kind: "heading",
        n: index + 1,
        original: section.heading,
        max: MESSAGE_LIMITS.heading,
      },
      ...section.paragraphs.map((p): TranslationField => ({
        name: versionField.body(p.paragraphId),
        kind: "body",
        n: ++paragraph,
        original: p.body,
        max: MESSAGE_LIMITS.body,
      })),
    ]),
  ];
}

export const versionTranslationSchema = (original: VersionOriginal) => translationSchema(versionTranslationFields(original));

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
  const original = toLocale(originalLanguage);
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
