// The translation editor's rows, from the texts of the original (lib/translations/texts.ts): each with its
// label in the moderator's language. Texts the original leaves empty get no row (they stay empty).
import { getTranslations } from "next-intl/server";
import type { TranslationField } from "@/lib/translations/texts";
import type { TranslationRow } from "./translation-form";

const LABELS = {
  title: "fieldTitle",
  introduction: "fieldIntroduction",
  thematicTrack: "fieldTrack",
  prompt: "fieldPrompt",
  helpText: "fieldHelp",
  options: "fieldOptions",
  term: "fieldTerm",
  definition: "fieldDefinition",
  heading: "fieldHeading",
  body: "fieldBody",
} as const satisfies Record<TranslationField["kind"], string>;

/** Texts written on one line; the others get a text area. */
const ONE_LINE: ReadonlySet<TranslationField["kind"]> = new Set(["title", "thematicTrack", "term", "heading"]);

export async function translationRows(fields: TranslationField[]): Promise<TranslationRow[]> {
  const t = await getTranslations("Translations");
  return fields
    .filter((field) => field.original)
    .map((field) => ({
      name: field.name,
      label: t(LABELS[field.kind], { n: field.n ?? 0 }),
      original: field.original,
      multiline: !ONE_LINE.has(field.kind),
      lines: field.lines !== undefined,
      maxLength: field.max,
    }));
}
