// One set of schemas for the message editor's forms and its server actions. Messages are codes of the
// "Errors" catalog; limits come from the issue itself (lib/validation/issues.ts). Pure: imported by client
// forms and tests.
import { z } from "zod";
import { revisionSchema } from "@/lib/edits/schema";
import { text } from "@/lib/validation/text";
import { isLocalDateTime } from "@/lib/calls/time";
import { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";

export const MESSAGE_LIMITS = {
  titleMin: 3,
  title: 200,
  introduction: 10_000,
  /** The summary shown first on the final messages and their downloads. */
  abstract: 1_500,
  heading: 200,
  body: 5000,
  summary: 500,
  sections: 50,
  paragraphs: 300,
  citationsPerParagraph: 50,
  search: 200,
  /** Sources listed in the side panel at once. */
  searchResults: 20,
  /** Why a comment period ends before its announced end (shown publicly and emailed). */
  periodEndReason: 500,
} as const;

const id = text({ error: "invalid" }).trim().min(1, { error: "invalid" }).max(40, { error: "invalid" });

const boundedText = (min: number, max: number) =>
  text({ error: "text" })
    .trim()
    .min(min, { error: min <= 1 ? "required" : "tooShort" })
    .max(max, { error: "tooLong" });

export const messageSetCreateSchema = z.object({
  callId: id,
  title: boundedText(MESSAGE_LIMITS.titleMin, MESSAGE_LIMITS.title),
});

/** Where the final downloads list the sources (MessageSet.sourceNotes). */
export const SOURCE_NOTES = ["SECTION", "ANNEX"] as const;

export const messageSetUpdateSchema = z.object({
  setId: id,
  title: boundedText(MESSAGE_LIMITS.titleMin, MESSAGE_LIMITS.title),
  introduction: text({ error: "text" }).trim().max(MESSAGE_LIMITS.introduction, { error: "tooLong" }),
  // Absent (a form from before these fields): kept as they are.
  abstract: text({ error: "text" }).trim().max(MESSAGE_LIMITS.abstract, { error: "tooLong" }).optional(),
  sourceNotes: z.enum(SOURCE_NOTES, { error: "invalidValue" }).optional(),
  ...revisionSchema.shape,
});

export const sectionAddSchema = z.object({ setId: id, heading: boundedText(1, MESSAGE_LIMITS.heading) });
export const sectionRenameSchema = z.object({
  sectionId: id,
  heading: boundedText(1, MESSAGE_LIMITS.heading),
  ...revisionSchema.shape,
});
export const sectionIdSchema = z.object({ sectionId: id });

export const paragraphAddSchema = z.object({ sectionId: id, body: boundedText(1, MESSAGE_LIMITS.body) });
export const paragraphEditSchema = z.object({
  paragraphId: id,
  body: boundedText(1, MESSAGE_LIMITS.body),
  ...revisionSchema.shape,
});
export const paragraphIdSchema = z.object({ paragraphId: id });
export const paragraphToSectionSchema = z.object({ paragraphId: id, sectionId: id });

export const directionSchema = z.enum(["up", "down"], { error: "invalid" });
export const sectionMoveSchema = sectionIdSchema.extend({ direction: directionSchema });
export const paragraphMoveSchema = paragraphIdSchema.extend({ direction: directionSchema });

/** Exactly one of an excerpt, a whole response or a campaign (cited as one source with its signatories). */
export const citeSchema = z
  .object({ paragraphId: id, excerptId: id.optional(), responseId: id.optional(), clusterId: id.optional() })
  .refine((value) => [value.excerptId, value.responseId, value.clusterId].filter(Boolean).length === 1, {
    error: "invalid",
  });
export const citationIdSchema = z.object({ citationId: id });

/** The change summary may be empty for version 1 only (lib/messages/versions.ts refuses it for later ones). */
export const versionSaveSchema = z.object({
  setId: id,
  summary: boundedText(0, MESSAGE_LIMITS.summary),
});
export const versionIdSchema = z.object({ versionId: id });

/**
 * Marking a version final is confirmed by ticking a box (a posted checkbox is "on"), after ticking that the
 * introduction was read again; a third box accepts the gaps of its checklist (lib/messages/final-checklist.ts).
 */
export const versionFinaliseSchema = versionIdSchema.extend({
  introductionReviewed: z.literal(["on", "true"], { error: "reviewIntroduction" }),
  acceptGaps: z
    .literal(["on", "true"])
    .optional()
    .transform((value) => value !== undefined),
  confirm: z.literal(["on", "true"], { error: "confirmFinal" }),
});

/** Where to split a paragraph: a character offset into its body (both parts must keep some text). */
const offset = z.coerce
  .number({ error: "invalid" })
  .int({ error: "invalid" })
  .min(0, { error: "invalid" })
  .max(MESSAGE_LIMITS.body, { error: "invalid" });
/** Which part of a split paragraph a citation stands behind: the first, the new second one, or both. */
export const CITATION_PARTS = ["first", "second", "both"] as const;
export type CitationPart = (typeof CITATION_PARTS)[number];
/** The form posts each citation's part as `cite.<citation id>`; the action gathers them into `citations`. */
export const CITATION_PART_FIELD = "cite.";
export const paragraphSplitSchema = paragraphIdSchema.extend({
  at: offset,
  length: offset.optional(),
  citations: z.record(id, z.enum(CITATION_PARTS, { error: "invalid" })).optional(),
});
/** Merging with the next paragraph; `nextId` is the paragraph the form showed as next. */
export const paragraphMergeSchema = paragraphIdSchema.extend({ nextId: id.optional() });

/** A comment period as typed into two datetime-local inputs (read in the call's time zone); both or neither. */
const localTime = text({ error: "text" })
  .trim()
  .max(16, { error: "dateTime" })
  .refine((value) => value === "" || isLocalDateTime(value), { error: "dateTime" })
  .optional()
  .transform((value) => value ?? "");
/**
 * When comments open: at the typed opening time ("at", also when the field is not posted), or "now": at the
 * server's clock when the version is published, whatever the opening field holds; then the closing time is
 * required.
 */
export const PERIOD_OPENS = ["at", "now"] as const;
export const versionPublishSchema = z
  .object({
    versionId: id,
    commentOpens: z.enum(PERIOD_OPENS, { error: "invalid" }).default("at"),
    commentOpensAt: localTime,
    commentClosesAt: localTime,
  })
  .superRefine((value, ctx) => {
    if (value.commentOpens === "now") {
      if (!value.commentClosesAt) ctx.addIssue({ code: "custom", path: ["commentClosesAt"], message: "periodClosesRequired" });
      return;
    }
    if (value.commentOpensAt && !value.commentClosesAt)
      ctx.addIssue({ code: "custom", path: ["commentClosesAt"], message: "periodBothEnds" });
    if (!value.commentOpensAt && value.commentClosesAt)
      ctx.addIssue({ code: "custom", path: ["commentOpensAt"], message: "periodBothEnds" });
  });

// A control character (a tab, a bell, a line break pasted from another program) has no place in a one-line
// reason that is published and emailed.
const CONTROL = /\p{Cc}/u;

/** Why a comment period is closed early (or cancelled before it opens): required, published and emailed. */
export const periodEndReasonSchema = text({ error: "text" })
  .trim()
  .refine((value) => !CONTROL.test(value), { error: "controlCharacters", abort: true })
  .min(1, { error: "periodEndReasonRequired" })
  .max(MESSAGE_LIMITS.periodEndReason, { error: "tooLong" });
export const periodCloseSchema = versionIdSchema.extend({ reason: periodEndReasonSchema });

const optionalEnum = <T extends Record<string, string>>(values: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.enum(values).optional()).catch(undefined);

/** The side panel's search (GET parameters): anything malformed is dropped, not refused. */
export const sourceSearchSchema = z.object({
  q: text().trim().max(MESSAGE_LIMITS.search).optional().catch(undefined),
  tag: text().trim().max(40).optional().catch(undefined),
  group: optionalEnum(StakeholderGroup),
  region: optionalEnum(UnRegion),
  /** The paragraph the moderator is finding sources for: the panel cites into it unless told otherwise. */
  for: text().trim().max(64).optional().catch(undefined),
});

export type SourceSearch = z.infer<typeof sourceSearchSchema>;
export type CiteInput = z.infer<typeof citeSchema>;

/** Text to preview as it will be published (a paragraph or the introduction). */
export const previewSchema = z.object({
  source: text({ error: "text" }).max(MESSAGE_LIMITS.introduction, { error: "tooLong" }),
});
