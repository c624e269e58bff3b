// One schema for the call editor and the server. Error messages are codes of the "Errors" catalog
// (lib/i18n/messages/en/errors.json); limits come from the issues themselves (lib/validation/issues.ts).
// The form holds strings (what inputs hold); the schema trims, converts and checks them.
import { z } from "zod";
import { revisionSchema } from "@/lib/edits/schema";
import { text } from "@/lib/validation/text";
import { ModerationMode, QuestionType } from "@/lib/generated/prisma/enums";
import { MODERATION_LIMITS } from "@/lib/moderation/schemas";
import { fromLocalDateTime, isLocalDateTime, isTimeZone } from "./time";

/** Every limit of a call, stated once; the README lists them. */
export const CALL_LIMITS = {
  title: 200,
  slug: 80,
  thematicTrack: 200,
  introduction: 20_000,
  questions: 30,
  prompt: 1_000,
  helpText: 2_000,
  options: 20,
  option: 200,
  maxLength: 20_000,
  defaultMaxLength: { LONG_TEXT: 5_000, SHORT_TEXT: 300 },
  glossary: 50,
  term: 120,
  definition: 2_000,
} as const;

export const QUESTION_TYPES = Object.values(QuestionType);
export const isChoiceType = (type: string) => type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE";

const requiredText = (max: number) => text({ error: "text" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const optionalText = (max: number) => text({ error: "text" }).trim().max(max, { error: "tooLong" }).default("");

/** A whole number typed into a text input; empty means "none". */
const count = (max: number) =>
  z
    .union([text(), z.number(), z.null()], { error: "wholeNumber" })
    .optional()
    .transform((value) => (value === undefined || value === null || String(value).trim() === "" ? null : Number(value)))
    .pipe(
      z
        .number({ error: "wholeNumber" })
        .int({ error: "wholeNumber" })
        .min(0, { error: "wholeNumber" })
        .max(max, { error: "tooLarge" })
        .nullable(),
    );

/** A checkbox: true from the form library, "true" or "on" from a posted form, absent when unticked. */
const checkbox = z
  .union([z.boolean(), text()])
  .optional()
  .transform((value) => value === true || value === "true" || value === "on");

/** Choices are typed one per line. */
const optionLines = z
  .union([text(), z.array(text())], { error: "text" })
  .optional()
  .transform((value) => (Array.isArray(value) ? value : (value ?? "").split(/\r?\n/)).map((line) => line.trim()).filter(Boolean));

export const questionInputSchema = z
  .object({
    /** Set for a question that exists already; empty for a new one. */
    questionId: text()
      .trim()
      .max(64)
      .optional()
      .transform((value) => value || null),
    prompt: requiredText(CALL_LIMITS.prompt),
    helpText: optionalText(CALL_LIMITS.helpText),
    type: z.enum(QuestionType, { error: "chooseType" }),
    required: checkbox,
    minLength: count(CALL_LIMITS.maxLength),
    maxLength: count(CALL_LIMITS.maxLength),
    options: optionLines,
    maxChoices: count(CALL_LIMITS.options),
  })
  .superRefine((q, ctx) => {
    if (isChoiceType(q.type)) {
      if (q.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "twoOptions" });
      if (q.options.length > CALL_LIMITS.options)
        ctx.addIssue({ code: "custom", path: ["options"], message: "tooManyOptions", params: { max: CALL_LIMITS.options } });
      if (q.options.some((option) => option.length > CALL_LIMITS.option))
        ctx.addIssue({ code: "custom", path: ["options"], message: "optionTooLong", params: { max: CALL_LIMITS.option } });
      if (new Set(q.options).size !== q.options.length)
        ctx.addIssue({ code: "custom", path: ["options"], message: "duplicateOption" });
      if (q.type === "MULTIPLE_CHOICE" && q.maxChoices !== null && (q.maxChoices < 1 || q.maxChoices > q.options.length))
        ctx.addIssue({ code: "custom", path: ["maxChoices"], message: "maxChoicesRange" });
    } else if (q.minLength !== null && q.maxLength !== null && q.minLength > q.maxLength) {
      ctx.addIssue({ code: "custom", path: ["minLength"], message: "minAboveMax" });
    }
  })
  .transform((q) => {
    const choice = isChoiceType(q.type);
    const textDefault =
      q.type === "SHORT_TEXT" ? CALL_LIMITS.defaultMaxLength.SHORT_TEXT : CALL_LIMITS.defaultMaxLength.LONG_TEXT;
    return {
      ...q,
      // Only the settings of the question's own type are kept.
      minLength: choice ? null : q.minLength,
      maxLength: choice ? null : (q.maxLength ?? textDefault),
      options: choice ? q.options : [],
      maxChoices: q.type === "MULTIPLE_CHOICE" ? q.maxChoices : null,
    };
  });

export const glossaryTermInputSchema = z.object({
  term: requiredText(CALL_LIMITS.term),
  definition: requiredText(CALL_LIMITS.definition),
});

const localDateTime = text({ error: "dateTime" }).trim().refine(isLocalDateTime, { error: "dateTime" });

export const callInputSchema = z
  .object({
    forumId: text({ error: "chooseForum" }).trim().min(1, { error: "chooseForum" }).max(64, { error: "chooseForum" }),
    title: requiredText(CALL_LIMITS.title),
    slug: text({ error: "text" })
      .trim()
      .toLowerCase()
      .min(1, { error: "required" })
      .max(CALL_LIMITS.slug, { error: "tooLong" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slugFormat" }),
    referencePrefix: text({ error: "text" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{2,10}$/, { error: "prefixFormat" }),
    thematicTrack: optionalText(CALL_LIMITS.thematicTrack),
    introduction: optionalText(CALL_LIMITS.introduction),
    timeZone: text({ error: "chooseTimeZone" }).trim().refine(isTimeZone, { error: "chooseTimeZone" }),
    opensAt: localDateTime,
    closesAt: localDateTime,
    // Moderation settings (see lib/moderation/): absent in an older form post means the defaults.
    moderationMode: z
      .enum(ModerationMode, { error: "chooseModerationMode" })
      .optional()
      .transform((value) => value ?? "POST"),
    reportThreshold: z
      .union([text(), z.number()], { error: "wholeNumber" })
      .optional()
      .transform((value) =>
        value === undefined || String(value).trim() === "" ? MODERATION_LIMITS.reportThresholdDefault : Number(value),
      )
      .pipe(
        z
          .number({ error: "thresholdRange" })
          .int({ error: "thresholdRange" })
          .min(MODERATION_LIMITS.reportThresholdMin, { error: "thresholdRange" })
          .max(MODERATION_LIMITS.reportThresholdMax, { error: "thresholdRange" }),
      ),
    questions: z
      .array(questionInputSchema, { error: "listUnreadable" })
      .max(CALL_LIMITS.questions, { error: "tooManyQuestions" })
      .optional()
      .transform((value) => value ?? []),
    glossary: z
      .array(glossaryTermInputSchema, { error: "listUnreadable" })
      .max(CALL_LIMITS.glossary, { error: "tooManyTerms" })
      .optional()
      .transform((value) => value ?? []),
  })
  .transform((call, ctx) => {
    // The times are read in the call's own zone; a time the clocks skip is refused, not guessed.
    const opensAt = fromLocalDateTime(call.opensAt, call.timeZone);
    const closesAt = fromLocalDateTime(call.closesAt, call.timeZone);
    if (!opensAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: "noSuchTime" });
    if (!closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "noSuchTime" });
    if (opensAt && closesAt && closesAt <= opensAt)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "closesBeforeOpens" });
    if (!opensAt || !closesAt || closesAt <= opensAt) return z.NEVER;
    const ids = call.questions.map((q) => q.questionId).filter(Boolean);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: "custom", path: ["questions"], message: "listUnreadable" });
      return z.NEVER;
    }
    return { ...call, opensAt, closesAt };
  });

/** What the editor's fields hold. */
export type CallFormValues = z.input<typeof callInputSchema>;
export type CallInput = z.output<typeof callInputSchema>;
export type QuestionInput = z.output<typeof questionInputSchema>;

/** The call a button or the editor is about (a hidden field: a missing one reads as an unknown call). */
export const callIdSchema = z.object({
  callId: text({ error: "callNotFound" }).trim().min(1, { error: "callNotFound" }).max(64, { error: "callNotFound" }),
});

/** The editor of an existing call posts its id and the revision it was opened at with the call. */
export const callUpdateSchema = callIdSchema.and(callInputSchema).and(revisionSchema);
