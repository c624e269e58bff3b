// The language a person says their text is written in (a response's answers, a comment): one of the six
// locales. It sets `lang` and `dir` where the text is shown and, for responses, the search configuration
// (lib/responses/search-language.ts). Pure: imported by client forms and tests.
import { z } from "zod";
import { locales } from "@/lib/i18n/config";

export const writtenLanguageSchema = z.enum(locales, { error: "chooseLanguage" });
