// Contributions received outside the form (an email, a mailing list post, a letter, a session's summary),
// recorded by a moderator: one schema for the form (its resolver in the browser), the server action and each
// row of a CSV import, built from the call's questions like the response form's (lib/responses/schemas.ts).
// Error messages are codes of the "Errors" catalog. Pure: imported by client forms and tests.
//
// Limits: the name as received 200 characters, organisation and "on behalf of" 200, an email address 254;
// the date received from the call's year before its opening to today (no later); answers as in the form
// (every limit of the call's questions; none is required, but at least one must be given, since an email may
// answer only some of them); a session: 0 to 500 speakers per group and at least one speaker in all.
import { z } from "zod";
import { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { isCountryCode } from "@/lib/profile/countries";
import { regionFitsCountry } from "@/lib/profile/regions";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { answerKey, buildAnswersSchema, consentSchema, type QuestionDefinition } from "@/lib/responses/schemas";
import { displayText } from "@/lib/validation/display";
import { writtenLanguageSchema } from "@/lib/validation/language";
import { text } from "@/lib/validation/text";

export const INTAKE_CHANNELS = ["EMAIL", "MAILING_LIST", "SESSION", "LETTER"] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export const INTAKE_LIMITS = {
  contributorName: 200,
  organisation: 200,
  onBehalfOf: 200,
  email: 254,
  speakersPerGroup: 500,
} as const;

/** The form's field holding a session's number of speakers of one group. */
export const speakersKey = (group: StakeholderGroup) => `speakers_${group}`;

const optionalText = (max: number) =>
  displayText()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((value) => (value ? value : null));

/** Empty (a select left at its first option, a blank CSV cell) is "not given". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const email = z.preprocess(
  blankToUndefined,
  text({ error: "invalidEmail" })
    .trim()
    .toLowerCase()
    .max(INTAKE_LIMITS.email, { error: "invalidEmail" })
    .pipe(z.email({ error: "invalidEmail" }))
    .optional(),
);

const speakerCount = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "speakerCount" })
    .int({ error: "speakerCount" })
    .min(0, { error: "speakerCount" })
    .max(INTAKE_LIMITS.speakersPerGroup, { error: "speakerCount" })
    .optional(),
);

/** A calendar day, YYYY-MM-DD. */
const day = text({ error: "receivedOn" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "receivedOn" })
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      error: "receivedOn",
    },
  );

/** The fields of a contribution besides its answers. */
export const contributionFields = {
  channel: z.enum(INTAKE_CHANNELS, { error: "chooseChannel" }),
  receivedOn: day,
  contributorName: displayText("required")
    .trim()
    .min(1, { error: "required" })
    .max(INTAKE_LIMITS.contributorName, { error: "tooLong" }),
  email,
  organisation: optionalText(INTAKE_LIMITS.organisation),
  onBehalfOf: optionalText(INTAKE_LIMITS.onBehalfOf),
  stakeholderGroup: z.preprocess(blankToUndefined, z.enum(StakeholderGroup, { error: "contributorGroup" }).optional()),
  region: z.preprocess(blankToUndefined, z.enum(UnRegion, { error: "contributorRegion" }).optional()),
  country: z.preprocess(
    blankToUndefined,
    text({ error: "chooseCountry" }).trim().toUpperCase().refine(isCountryCode, { error: "chooseCountry" }).optional(),
  ),
  consent: consentSchema,
  language: writtenLanguageSchema,
  ...Object.fromEntries(STAKEHOLDER_GROUPS.map((group) => [speakersKey(group), speakerCount])),
} as Record<string, z.ZodType>;

type Contribution = {
  channel: IntakeChannel;
  receivedOn: string;
  contributorName: string;
  email?: string;
  organisation: string | null;
  onBehalfOf: string | null;
  stakeholderGroup?: StakeholderGroup;
  region?: UnRegion;
  country?: string;
  consent: z.output<typeof consentSchema>;
  language: z.output<typeof writtenLanguageSchema>;
  [key: string]: unknown;
};

/** How many of the questions a contribution's values answer (a text not blank, at least one choice). */
export function answeredCount(questions: readonly Pick<QuestionDefinition, "id">[], values: Record<string, unknown>) {
  return questions.filter((question) => {
    const answer = values[answerKey(question.id)];
    return Array.isArray(answer) ? answer.length > 0 : typeof answer === "string" && answer.trim() !== "";
  }).length;
}

/**
 * The rules between fields: a person (any channel but a session) has a group and a region, the region of
 * their country unless they speak for a body elsewhere; a session has speakers and no email address; and
 * something is answered.
 */
function crossCheck(questions: readonly QuestionDefinition[], value: Contribution, context: z.RefinementCtx) {
  if (value.channel === "SESSION") {
    // Also run when other fields failed (ALWAYS), so a count may still be the typed text here.
    const count = (field: unknown) => (typeof field === "number" ? field : Number(field) || 0);
    const total = STAKEHOLDER_GROUPS.reduce((sum, group) => sum + count(value[speakersKey(group)]), 0);
    if (total === 0) context.addIssue({ code: "custom", path: [speakersKey(STAKEHOLDER_GROUPS[0]!)], message: "countSpeakers" });
    if (value.email) context.addIssue({ code: "custom", path: ["email"], message: "sessionNoEmail" });
  } else {
    if (!value.stakeholderGroup) context.addIssue({ code: "custom", path: ["stakeholderGroup"], message: "contributorGroup" });
    if (!value.region) context.addIssue({ code: "custom", path: ["region"], message: "contributorRegion" });
    else if (typeof value.country === "string" && !value.onBehalfOf && !regionFitsCountry(value.country, value.region))
      context.addIssue({ code: "custom", path: ["region"], message: "regionMismatch" });
  }
  if (answeredCount(questions, value) === 0 && questions[0])
    context.addIssue({ code: "custom", path: [answerKey(questions[0].id)], message: "answerSomething" });
}

/** The checks between fields run even when a field failed, so a form shows every missing part at once. */
const ALWAYS = { when: () => true };

/** One contribution to a call with these questions (the form's fields, or a CSV row's). */
export function buildContributionSchema(questions: readonly QuestionDefinition[]) {
  return buildAnswersSchema(questions, { draft: true })
    .extend(contributionFields)
    .superRefine((value, context) => crossCheck(questions, value as Contribution, context), ALWAYS);
}

/** The form: a contribution, the call it is for, and the key that makes a second click harmless. */
export function buildIntakeFormSchema(questions: readonly QuestionDefinition[]) {
  return buildAnswersSchema(questions, { draft: true })
    .extend({
      ...contributionFields,
      callId: text({ error: "formOutdated" }).trim().min(1, { error: "formOutdated" }).max(64, { error: "formOutdated" }),
      submitKey: z.uuid({ error: "formOutdated" }),
    })
    .superRefine((value, context) => crossCheck(questions, value as Contribution, context), ALWAYS);
}

export type ContributionInput = Contribution;

const id = text({ error: "formOutdated" }).trim().min(1, { error: "formOutdated" }).max(64, { error: "formOutdated" });

/** The record form's own fields as the action reads them; the rest is checked with the call's questions. */
export const intakeRecordSchema = z.object({ callId: id, submitKey: z.uuid({ error: "formOutdated" }) });

/** A CSV file to check (the file itself is read by the action). */
export const intakeCheckSchema = z.object({ callId: id });

/** A checked file to import: its text again, and the key that makes a second click harmless. */
export const intakeImportSchema = z.object({
  callId: id,
  csv: text({ error: "csvUnreadable" }),
  importKey: z.uuid({ error: "formOutdated" }),
});
