// One schema per moderation form, shared by the browser (zodResolver) and the server (safeParse). Messages
// are keys of "ModerationValidation" (lib/i18n/messages/en/moderation.json), then "Validation".
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { ModerationMode, ReportReason } from "@/lib/generated/prisma/enums";

/** Every limit of moderation, stated once. */
export const MODERATION_LIMITS = {
  hideReasonMin: 5,
  hideReasonMax: 500,
  reportDetails: 1_000,
  reportThresholdMin: 1,
  reportThresholdMax: 100,
  reportThresholdDefault: 3,
  queuePageSize: 20,
  auditPageSize: 50,
  /** Answers are shown in the queue up to this length, with a link to the whole response. */
  queueAnswerChars: 1_500,
} as const;

export const REPORT_REASONS = Object.values(ReportReason);
export const MODERATION_MODES = Object.values(ModerationMode);
export const QUEUE_TABS = ["new", "reported", "hidden"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

const id = text({ error: "required" }).trim().min(1, { error: "required" }).max(64, { error: "required" });

export const responseIdSchema = z.object({ responseId: id });

/** Why an item is hidden (shown to its author): the same rule for responses and comments. */
export const hideReasonField = text({ error: "text" })
  .trim()
  .min(MODERATION_LIMITS.hideReasonMin, { error: "reasonTooShort" })
  .max(MODERATION_LIMITS.hideReasonMax, { error: "tooLong" });

export const hideInputSchema = z.object({ responseId: id, reason: hideReasonField });
export type HideInput = z.output<typeof hideInputSchema>;

/** At most this many responses in one bulk action (the engine's BULK_LIMIT). */
export const BULK_MAX = 100;
const responseIds = z.array(id).min(1, { error: "bulkNothingChosen" }).max(BULK_MAX, { error: "bulkTooMany" });
/**
 * The queue's bulk form: the ticked responses (`responseIds`, one field per box) and what to do with them;
 * hiding takes one reason for all, shown to each author.
 */
export const bulkModerationSchema = z.discriminatedUnion("op", [
  z.object({ op: z.enum(["approve", "review", "restore"], { error: "invalid" }), callId: id, responseIds }),
  z.object({ op: z.literal("hide"), callId: id, responseIds, reason: hideReasonField }),
  // Tagging is curation (lib/curation/tags.ts) offered in the same form: one tag of the call on all of them.
  z.object({
    op: z.literal("tag"),
    callId: id,
    responseIds,
    tagId: text({ error: "chooseTag" }).trim().min(1, { error: "chooseTag" }).max(64, { error: "chooseTag" }),
  }),
  // Adding to a campaign by hand is curation too (lib/curation/campaign-links.ts).
  z.object({
    op: z.literal("campaign"),
    callId: id,
    responseIds,
    clusterId: text({ error: "chooseCampaign" }).trim().min(1, { error: "chooseCampaign" }).max(64, { error: "chooseCampaign" }),
  }),
]);
/**
 * The comments page's bulk form: the ticked comments of one message set (`commentIds`, one field per box),
 * approved, marked reviewed, hidden with one reason (each author sees it) or restored.
 */
export const bulkCommentModerationSchema = z.discriminatedUnion("op", [
  z.object({
    op: z.enum(["approve", "review", "restore"], { error: "invalid" }),
    setId: id,
    commentIds: z.array(id).min(1, { error: "bulkNothingChosen" }).max(BULK_MAX, { error: "bulkTooMany" }),
  }),
  z.object({
    op: z.literal("hide"),
    setId: id,
    commentIds: z.array(id).min(1, { error: "bulkNothingChosen" }).max(BULK_MAX, { error: "bulkTooMany" }),
    reason: hideReasonField,
  }),
]);
export type BulkCommentModerationInput = z.output<typeof bulkCommentModerationSchema>;

/** A moderation transition on several responses (the bulk form's other verbs, "tag" and "campaign", are curation's). */
export type BulkModerationInput = Exclude<z.output<typeof bulkModerationSchema>, { op: "tag" | "campaign" }>;

/** A report's reason and details: the same rule for reports of responses and of comments. */
export const reportFields = {
  reason: z.enum(ReportReason, { error: "chooseReason" }),
  details: text({ error: "text" })
    .trim()
    .max(MODERATION_LIMITS.reportDetails, { error: "tooLong" })
    .optional()
    .transform((value) => value ?? ""),
};

/** "Other" needs details. */
export function requireDetailsForOther(report: { reason: ReportReason; details: string }, ctx: z.RefinementCtx) {
  if (report.reason === "OTHER" && !report.details)
    ctx.addIssue({ code: "custom", path: ["details"], message: "detailsRequired" });
}

export const reportInputSchema = z.object({ responseId: id, ...reportFields }).superRefine(requireDetailsForOther);
export type ReportFormValues = z.input<typeof reportInputSchema>;
export type ReportInput = z.output<typeof reportInputSchema>;

export const queueQuerySchema = z.object({
  tab: z.enum(QUEUE_TABS).catch("new"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

/** An empty filter field means "any". */
const optional = (max: number) =>
  text()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined);
const day = text()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined)
  .transform((value) => (value && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined));

export const auditQuerySchema = z.object({
  action: optional(80),
  itemType: optional(40),
  actor: optional(254),
  call: optional(64),
  from: day,
  to: day,
  /** Keyset: entries with an id below this one (the next page). */
  before: text()
    .regex(/^\d{1,18}$/)
    .optional()
    .catch(undefined),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
