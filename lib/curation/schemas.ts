// One schema per curation form, shared by the browser (useActionForm's resolver) and the server (defineAction).
// Messages are codes of the "Errors" catalog; limits come from the issues themselves.
// Excerpt offsets are UTF-16 code units, as the browser's Selection/Range API and JavaScript strings count
// them (an emoji outside the Basic Multilingual Plane counts two), [start, end) within one answer's text.
import { z } from "zod";
import { revisionSchema } from "@/lib/edits/schema";
import { text } from "@/lib/validation/text";
import { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";

/** Every limit of tags and excerpts, stated once; the README lists them. */
export const CURATION_LIMITS = {
  tagNameMin: 2,
  tagName: 60,
  tagDescription: 300,
  note: 1_000,
  excerpt: 5_000,
  tagsPerCall: 100,
  /** Tags on one excerpt: every tag of the call at most. */
  excerptTags: 100,
  query: 200,
  /** Excerpts shown in one listing; filters narrow it down. */
  listLimit: 500,
} as const;

const L = CURATION_LIMITS;
const id = text({ error: "invalidValue" }).trim().min(1, { error: "invalidValue" }).max(64, { error: "invalidValue" });

const tagName = text({ error: "text" })
  .trim()
  .min(L.tagNameMin, { error: "tagNameTooShort" })
  .max(L.tagName, { error: "tooLong" });
const tagDescription = text({ error: "text" }).trim().max(L.tagDescription, { error: "tooLong" }).default("");
const note = text({ error: "text" }).trim().max(L.note, { error: "tooLong" }).default("");
/** Kept exactly as selected (no trimming): it must equal the answer's text at its offsets. */
const quote = text({ error: "text" })
  .min(1, { error: "quoteRequired" })
  .max(L.excerpt, { error: "tooLong" })
  .refine((value) => value.trim().length > 0, { error: "quoteRequired" });
const offset = z.coerce.number({ error: "invalidValue" }).int({ error: "invalidValue" }).min(0, { error: "invalidValue" });
const tagIds = z.array(id).max(L.excerptTags, { error: "invalidValue" }).default([]);

export const tagInputSchema = z.object({ callId: id, name: tagName, description: tagDescription });
export const tagUpdateSchema = z.object({ tagId: id, name: tagName, description: tagDescription, ...revisionSchema.shape });
export const tagIdSchema = z.object({ tagId: id });
export const responseTagSchema = z.object({ responseId: id, tagId: id });
/** A tag put on every response of a campaign (ResponseCluster) at once. */
export const campaignTagSchema = z.object({ clusterId: id, tagId: id });

export const excerptInputSchema = z
  .object({ responseId: id, questionId: id, start: offset, end: offset, quote, note, tagIds })
  .refine((value) => value.end - value.start === value.quote.length, { error: "offsetsMismatch", path: ["quote"] });

/** Without JavaScript: the quote is pasted, and the server finds where it is in the answer. */
export const excerptPasteSchema = z.object({ responseId: id, questionId: id, quote, note, tagIds });

export const excerptUpdateSchema = z.object({ excerptId: id, note, tagIds, ...revisionSchema.shape });
export const excerptIdSchema = z.object({ excerptId: id });

const optionalEnum = <T extends Record<string, string>>(values: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.enum(values).optional());

/** The workbench's filters, as they arrive in the query string (unknown values are dropped). */
export const excerptFiltersSchema = z.object({
  tag: z.preprocess((value) => (value === "" ? undefined : value), id.optional()).catch(undefined),
  group: optionalEnum(StakeholderGroup).catch(undefined),
  region: optionalEnum(UnRegion).catch(undefined),
  q: text().trim().max(L.query).optional().catch(undefined),
});

export type TagFormValues = z.input<typeof tagInputSchema>;
export type TagInput = z.output<typeof tagInputSchema>;
export type TagUpdate = z.output<typeof tagUpdateSchema>;
export type ExcerptFormValues = z.input<typeof excerptInputSchema>;
export type ExcerptInput = z.output<typeof excerptInputSchema>;
export type ExcerptPaste = z.output<typeof excerptPasteSchema>;
export type ExcerptUpdate = z.output<typeof excerptUpdateSchema>;
export type ExcerptFilters = z.output<typeof excerptFiltersSchema>;
