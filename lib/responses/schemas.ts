// The response form's schemas, built from a call's question definitions. The client form (its resolver)
// and the server (lib/responses/responses.ts) build them from the same definitions with the same functions,
// so both apply the same rules. Error messages are codes of the "Errors" catalog; their numbers come from
// the issue (lib/validation/issues.ts).
import { z } from "zod";
import { writtenLanguageSchema } from "@/lib/validation/language";
import { text } from "@/lib/validation/text";
import { Consent, type QuestionType } from "@/lib/generated/prisma/enums";

/**
 * Hard limits, whatever a moderator sets on a question: a question's own maxLength can only be lower.
 * - LONG_TEXT answers: 20,000 characters (the default when the question sets none: 5,000);
 * - SHORT_TEXT answers: 300 characters (also the default);
 * - MULTIPLE_CHOICE: at most the question's maxChoices, never more than the options offered;
 * - every answer key must be a question of the call (`q_<questionId>`); anything else is refused.
 * Line breaks count as one character ("\r\n" from a plain form post is normalised to "\n").
 */
export const RESPONSE_LIMITS = {
  longTextMax: 20_000,
  longTextDefault: 5_000,
  shortTextMax: 300,
} as const;

/** What the schema needs of a question: plain data, passed from the server page to the client form. */
export type QuestionDefinition = {
  id: string;
  type: QuestionType;
  required: boolean;
  minLength: number | null;
  maxLength: number | null;
  options: string[];
  maxChoices: number | null;
};

export const answerKey = (questionId: string) => `q_${questionId}`;
export const questionIdOf = (key: string) => (key.startsWith("q_") ? key.slice(2) : null);

/** The longest accepted answer to a text question. */
export function textLimit(question: Pick<QuestionDefinition, "type" | "maxLength">) {
  const cap = question.type === "SHORT_TEXT" ? RESPONSE_LIMITS.shortTextMax : RESPONSE_LIMITS.longTextMax;
  const fallback = question.type === "SHORT_TEXT" ? RESPONSE_LIMITS.shortTextMax : RESPONSE_LIMITS.longTextDefault;
  return Math.min(question.maxLength ?? fallback, cap);
}

/** How many choices a multiple-choice question accepts. */
export function choiceLimit(question: Pick<QuestionDefinition, "options" | "maxChoices">) {
  return Math.min(question.maxChoices ?? question.options.length, question.options.length);
}

const normalise = (value: string | undefined) => (value ?? "").replace(/\r\n?/g, "\n");

function textSchema(question: QuestionDefinition, draft: boolean) {
  const max = textLimit(question);
  const min = question.minLength ?? 0;
  return text({ error: "text" })
    .optional()
    .transform((value) => (draft ? normalise(value) : normalise(value).trim()))
    .pipe(
      text()
        .max(max, { error: "tooLong" })
        .superRefine((value, ctx) => {
          if (draft) return;
          if (question.required && value.length === 0) ctx.addIssue({ code: "custom", message: "answerRequired" });
          else if (value.length > 0 && value.length < min) ctx.addIssue({ code: "custom", message: "tooShort", params: { min } });
        }),
    );
}

function singleChoiceSchema(question: QuestionDefinition, draft: boolean) {
  return text({ error: "chooseOffered" })
    .nullish()
    .transform((value) => value ?? "")
    .pipe(
      text().superRefine((value, ctx) => {
        if (value === "") {
          if (!draft && question.required) ctx.addIssue({ code: "custom", message: "chooseOne" });
        } else if (!question.options.includes(value)) ctx.addIssue({ code: "custom", message: "chooseOffered" });
      }),
    );
}

function multipleChoiceSchema(question: QuestionDefinition, draft: boolean) {
  const max = choiceLimit(question);
  return z
    .array(text({ error: "chooseOffered" }), { error: "chooseOffered" })
    .optional()
    .transform((value) => value ?? [])
    .pipe(
      z.array(text()).superRefine((value, ctx) => {
        if (value.some((choice) => !question.options.includes(choice)))
          ctx.addIssue({ code: "custom", message: "chooseOffered" });
        else if (new Set(value).size !== value.length) ctx.addIssue({ code: "custom", message: "chooseOffered" });
        else if (value.length > max) ctx.addIssue({ code: "custom", message: "tooManyChoices", params: { max } });
        else if (!draft && question.required && value.length === 0) ctx.addIssue({ code: "custom", message: "chooseAtLeastOne" });
      }),
    );
}

function answerSchema(question: QuestionDefinition, draft: boolean) {
  switch (question.type) {
    case "SINGLE_CHOICE":
      return singleChoiceSchema(question, draft);
    case "MULTIPLE_CHOICE":
      return multipleChoiceSchema(question, draft);
    default:
      return textSchema(question, draft);
  }
}

const strict = { error: (issue: { code?: string }) => (issue.code === "unrecognized_keys" ? "unknownQuestion" : undefined) };

/**
 * The answers to a call's questions, keyed `q_<questionId>`. Text answers are strings, single choice a
 * string ("" for none), multiple choice an array. Unknown keys (another call's questions, made-up ids)
 * are refused. `draft: true` drops the required and minimum-length rules but keeps every limit.
 */
export function buildAnswersSchema(questions: readonly QuestionDefinition[], { draft = false } = {}) {
  const shape: Record<string, ReturnType<typeof answerSchema>> = {};
  for (const question of questions) shape[answerKey(question.id)] = answerSchema(question, draft);
  return z.strictObject(shape, strict);
}

export const CONSENT_CHOICES = Object.values(Consent);
export const consentSchema = z.enum(Consent, { error: "chooseConsent" });

/**
 * For a response published without the author's name that has files: publish them (the author confirms
 * their text does not name them) or keep them private. Required then; the server knows whether files exist
 * (lib/responses/responses.ts), so the schema only checks the value.
 */
export const ANONYMOUS_FILES_CHOICES = ["confirmNoName", "keepPrivate"] as const;
/** When the profile changed since the response was filed: keep the identity as filed, or file under the profile now. */
export const IDENTITY_CHOICES = ["asFiled", "profile"] as const;
export type AnonymousFilesChoice = (typeof ANONYMOUS_FILES_CHOICES)[number];
export type IdentityChoice = (typeof IDENTITY_CHOICES)[number];
const optionalChoice = <T extends readonly [string, ...string[]]>(choices: T, error: string) =>
  z
    .union([z.literal(""), z.null(), z.enum(choices, { error })])
    .optional()
    .transform((value) => value || undefined);

const choices = {
  anonymousFiles: optionalChoice(ANONYMOUS_FILES_CHOICES, "chooseAnonymousFiles"),
  identity: optionalChoice(IDENTITY_CHOICES, "chooseIdentity"),
};

/** The language of the answers, chosen by the author; absent: the stored one is kept. */
const language = writtenLanguageSchema.optional();

/** A draft save: lenient answers, consent optional. */
export function buildDraftSchema(questions: readonly QuestionDefinition[]) {
  return buildAnswersSchema(questions, { draft: true }).extend({ consent: consentSchema.optional(), language, ...choices });
}

/** A submission: every rule, a consent choice, and the client's key that makes a retried submit harmless. */
export function buildSubmissionSchema(questions: readonly QuestionDefinition[]) {
  return buildAnswersSchema(questions).extend({
    consent: consentSchema,
    submitKey: z.uuid({ error: "invalidValue" }),
    language,
    ...choices,
  });
}

export type AnswerValue = string | string[];
export type AnswerValues = Record<string, AnswerValue>;
export type SubmissionValues = AnswerValues & { consent: Consent | ""; submitKey: string };

/** A plain form post (without JavaScript) as the schema's input: checkboxes repeat their name. */
export function valuesFromFormData(questions: readonly QuestionDefinition[], formData: FormData) {
  const values: Record<string, unknown> = {};
  const known = new Map(questions.map((question) => [answerKey(question.id), question]));
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION") || key === "responseId") continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === "string");
    if (known.get(key)?.type === "MULTIPLE_CHOICE") values[key] = all.filter((value) => value !== "");
    else if (key.startsWith("q_") || key === "consent" || key === "submitKey" || key === "language" || key in choices)
      values[key] = all[all.length - 1] ?? "";
  }
  return values;
}

/**
 * What a refused post shows again (ActionState values are strings): the answers and choices as sent, the
 * ticks of a multiple-choice question one per line (an option never holds a line break: the call editor
 * takes one option per line). restoredValues turns them back into the form's values.
 */
export function keptValues(formData: FormData): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const key of new Set(formData.keys())) {
    if (!key.startsWith("q_") && key !== "consent" && key !== "language" && !(key in choices)) continue;
    kept[key] = formData
      .getAll(key)
      .filter((value): value is string => typeof value === "string")
      .join("\n");
  }
  return kept;
}

/** The values kept by keptValues as the form's values: a multiple-choice question's ticks as a list. */
export function restoredValues(questions: readonly QuestionDefinition[], kept: Record<string, string>) {
  const values: Record<string, string | string[]> = { ...kept };
  for (const question of questions) {
    const key = answerKey(question.id);
    if (question.type === "MULTIPLE_CHOICE" && key in kept) values[key] = kept[key]!.split("\n").filter(Boolean);
  }
  return values;
}

/** The hidden field naming the response a form is about: only a changed page sends a bad one. */
const responseIdField = text({ error: "formOutdated" })
  .trim()
  .min(1, { error: "formOutdated" })
  .max(64, { error: "formOutdated" });

/** The response form's own post: "Save draft" or "Submit" (the answers are read with the call's questions). */
export const responseFormSchema = z.object({
  responseId: responseIdField,
  intent: z.enum(["draft", "submit"]).catch("submit"),
});

/** The autosave's post: the response and the form's values as JSON, checked by saveDraft with the call's questions. */
export const draftSaveSchema = z.object({
  responseId: responseIdField,
  values: z.record(text(), z.unknown(), { error: "formOutdated" }),
});

/** Withdrawing a submitted response. */
export const withdrawResponseSchema = z.object({ responseId: responseIdField });
