// One set of schemas for the comment forms and their server actions (the form hook's resolver in the browser,
// safeParse on the server and in the domain functions). Messages are codes of the "Errors" catalog; limits
// come from the issue itself (lib/validation/issues.ts). Pure: imported by client forms and tests.
import { z } from "zod";
import { revisionSchema } from "@/lib/edits/schema";
import { defaultLocale } from "@/lib/i18n/config";
import { writtenLanguageSchema } from "@/lib/validation/language";
import { text } from "@/lib/validation/text";
import { CommentDisposition, ReportReason, StakeholderGroup } from "@/lib/generated/prisma/enums";
import { hideReasonField, reportFields, requireDetailsForOther } from "@/lib/moderation/schemas";

/** Every limit of public comment, stated once (listed in the README). */
export const COMMENT_LIMITS = {
  /** A comment or a reply, in characters after trimming. */
  body: 4000,
  /** A moderator's answer, and the reason for "not incorporated". */
  answer: 4000,
  reason: 2000,
  /** Flood limit: comments (replies included) one person may post on one set in one hour. */
  perSetPerHour: 20,
  /** Comments listed per tab of the moderator page. */
  moderationPageSize: 50,
} as const;

export const DISPOSITIONS = Object.values(CommentDisposition);
export const COMMENT_TABS = ["new", "reported", "hidden", "answered", "all"] as const;
export type CommentTab = (typeof COMMENT_TABS)[number];

/** An id the page put in a hidden field: wrong only when the form is out of date (or forged). */
const id = text({ error: "formOutdated" }).trim().min(1, { error: "formOutdated" }).max(64, { error: "formOutdated" });
const optionalId = z.preprocess((value) => (value === "" || value === null ? undefined : value), id.optional());
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

export const commentInputSchema = z.object({
  versionId: id,
  /** Empty: the set as a whole. */
  paragraphId: z.preprocess((value) => (value === "" || value === undefined ? null : value), id.nullable()),
  parentId: optionalId,
  body: text({ error: "text" }).trim().min(1, { error: "commentEmpty" }).max(COMMENT_LIMITS.body, { error: "tooLong" }),
  anonymous: checkbox,
  /** The language the comment is written in (the form offers the page's first); `lang` where it is shown. */
  language: writtenLanguageSchema.default(defaultLocale),
  /** Made when the form is shown: the same form sent twice makes one comment. */
  submitKey: text({ error: "formOutdated" }).trim().min(8, { error: "formOutdated" }).max(100, { error: "formOutdated" }),
});
export type CommentFormValues = z.input<typeof commentInputSchema>;
export type CommentInput = z.output<typeof commentInputSchema>;

export const commentIdSchema = z.object({ commentId: id });

// Hiding and reporting follow the same rules as for responses (lib/moderation/schemas.ts).
export const commentHideSchema = z.object({ commentId: id, reason: hideReasonField });
export type CommentHideInput = z.output<typeof commentHideSchema>;

export const commentReportSchema = z
  .object({ commentId: id, ...reportFields, reason: z.enum(ReportReason, { error: "chooseCommentReason" }) })
  .superRefine(requireDetailsForOther);
export type CommentReportInput = z.output<typeof commentReportSchema>;

export const answerInputSchema = z
  .object({
    commentId: id,
    disposition: z.enum(CommentDisposition, { error: "chooseDisposition" }),
    answer: text({ error: "text" }).trim().max(COMMENT_LIMITS.answer, { error: "tooLong" }).default(""),
    reason: text({ error: "text" }).trim().max(COMMENT_LIMITS.reason, { error: "tooLong" }).default(""),
    // The answer as the form was opened: its time in milliseconds, 0 for none (lib/edits/revision.ts).
    ...revisionSchema.shape,
  })
  .superRefine((input, ctx) => {
    if (input.disposition === "NOT_INCORPORATED" && !input.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
  });
export type AnswerFormValues = z.input<typeof answerInputSchema>;
export type AnswerInput = z.output<typeof answerInputSchema>;

/** The stakeholder-group filter of the public pages (a query parameter; anything else means "all"). */
export const groupFilterSchema = z.enum(StakeholderGroup).optional().catch(undefined);

export const commentTabSchema = z.enum(COMMENT_TABS).catch("new");

/** A fresh key for a comment form. */
export const newSubmitKey = () => crypto.randomUUID();
