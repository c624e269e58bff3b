// The JSON columns of translations as stored (CallTranslation.questions and .glossary,
// MessageSetVersionTranslation.content), read back leniently: written by lib/translations only, after the
// form's schema (texts.ts) checked every text. Pure.
import { z } from "zod";

export const callQuestionsJson = z.record(
  z.string(),
  z.object({ prompt: z.string().default(""), helpText: z.string().default(""), options: z.array(z.string()).default([]) }),
);

export const callGlossaryJson = z.record(
  z.string(),
  z.object({ term: z.string().default(""), definition: z.string().default("") }),
);

export const versionContentJson = z.object({
  headings: z.record(z.string(), z.string()).default({}),
  paragraphs: z.record(z.string(), z.string()).default({}),
});
