// Contributions received outside the form, recorded by a moderator of the call's forum: one by one
// (recordContribution) or several from a CSV file (importContributions, ./csv.ts). Each is a submitted
// response like the form's: a receipt number from the call's counter, a kept version, the search index, the
// campaigns recomputed; besides, its channel, the name as received, who recorded it (audited), and for a
// session its speakers per group. It counts in participation like any other (lib/responses/counted.ts) and is
// labelled with its channel wherever it is shown.
//
// The person: with an email address, their account (made for them when they have none, so they can sign in
// later and find it under "My contributions"); a person who already has a response to the call is refused,
// since one person has one response per call. Without an address (a letter, a session), no account.
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { queueCampaignRecompute } from "@/lib/curation/recompute";
import { db, type DbClient } from "@/lib/db";
import { Conflict, Invalid, InvalidField, isUniqueViolation, NotFound } from "@/lib/errors";
import type { Consent, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { fromLocalDateTime } from "@/lib/calls/time";
import { localDate } from "@/lib/insights/tally";
import { assignReference, recordVersion } from "@/lib/responses/record";
import { questionSelect, writeAnswers } from "@/lib/responses/responses";
import { answerKey, type QuestionDefinition } from "@/lib/responses/schemas";
import { fieldErrorsOf } from "@/lib/validation/issues";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { buildContributionSchema, speakersKey, type ContributionInput } from "./schemas";

type Actor = Pick<SessionUser, "id" | "role"> & Partial<Pick<SessionUser, "forums">>;

export type IntakeCall = {
  id: string;
  title: string;
  timeZone: string;
  language: string;
  forumId: string;
  questions: (QuestionDefinition & { position: number; prompt: string; helpText: string })[];
};

/**
 * The call to record contributions to, for a moderator of its forum: published (a draft call has no
 * public to label them for, nor receipt numbers yet), whether open or closed (an email sent before the
 * deadline is often recorded after it).
 */
export async function getIntakeCall(actor: Actor, callId: string, client: DbClient = db): Promise<IntakeCall> {
  authorizeIn(actor, "responses.intake", await forumOf(client, "call", callId), "callNotFound");
  const call = await client.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      title: true,
      timeZone: true,
      language: true,
      forumId: true,
      publishedAt: true,
      questions: { orderBy: { position: "asc" }, select: questionSelect },
    },
  });
  if (!call) throw NotFound("callNotFound");
  if (!call.publishedAt) throw Conflict("intakeUnpublished");
  return {
    id: call.id,
    title: call.title,
    timeZone: call.timeZone,
    language: call.language,
    forumId: call.forumId,
    questions: call.questions,
  };
}

/** Today's date in the call's time zone, YYYY-MM-DD. */
export const todayIn = (timeZone: string, now: Date) => localDate(now, timeZone);

/**
 * A form's values as the schema reads them: the ticks of a multiple-choice question always a list (a plain
 * post sends one tick as one value), any other field one value (the last, when a hand-made post repeats it).
 */
function shaped(call: IntakeCall, values: Record<string, unknown>) {
  const multiple = new Set(call.questions.filter((q) => q.type === "MULTIPLE_CHOICE").map((q) => answerKey(q.id)));
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      if (multiple.has(key)) return [key, (Array.isArray(value) ? value : [value]).filter((v) => v !== "" && v !== undefined)];
      return [key, Array.isArray(value) ? value.at(-1) : value];
    }),
  );
}

/** Parses one contribution against the call's questions; refused with its field errors. */
export function parseContribution(call: IntakeCall, values: Record<string, unknown>, now: Date) {
  const parsed = buildContributionSchema(call.questions).safeParse(shaped(call, values));
  if (!parsed.success) {
    const { form, ...fields } = fieldErrorsOf(parsed.error);
    if (form?.some((issue) => issue.code === "unknownQuestion")) throw Invalid("unknownQuestion", fields);
    throw Invalid("invalid", fields);
  }
  const contribution = parsed.data as ContributionInput;
  if (contribution.receivedOn > todayIn(call.timeZone, now)) throw InvalidField("receivedOn", "receivedOn");
  return contribution;
}

/** When it was received: now for today, else midday of that day on the call's clocks (its day in the figures). */
function receivedAt(call: IntakeCall, day: string, now: Date) {
  if (day === todayIn(call.timeZone, now)) return now;
  return fromLocalDateTime(`${day}T12:00`, call.timeZone) ?? new Date(`${day}T12:00:00Z`);
}

/**
 * The account a contribution with an email address is filed under: the person's, or one made for them.
 * Refused (on `field`) when that person already has a response to the call.
 */
async function accountFor(tx: DbClient, callId: string, email: string, language: string, field = "email") {
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    const response = await tx.response.findUnique({
      where: { callId_authorId: { callId, authorId: existing.id } },
      select: { id: true },
    });
    if (response) throw InvalidField(field, "alreadyResponded");
    return existing.id;
  }
  const created = await tx.user.create({ data: { email, locale: language }, select: { id: true } });
  return created.id;
}

/** Inserts one parsed contribution with its bookkeeping. Inside the caller's transaction. */
export async function insertContribution(
  tx: DbClient,
  actor: Actor,
  call: IntakeCall,
  contribution: ContributionInput,
  { submitKey, now }: { submitKey: string; now: Date },
) {
  const authorId = contribution.email ? await accountFor(tx, call.id, contribution.email, contribution.language) : null;
  const submittedAt = receivedAt(call, contribution.receivedOn, now);
  const isSession = contribution.channel === "SESSION";
  const reference = await assignReference(tx, call.id);
  const response = await tx.response.create({
    data: {
      callId: call.id,
      authorId,
      status: "SUBMITTED",
      channel: contribution.channel,
      enteredById: actor.id,
      contributorName: contribution.contributorName,
      stakeholderGroup: (contribution.stakeholderGroup ?? null) as StakeholderGroup | null,
      region: (contribution.region ?? null) as UnRegion | null,
      country: contribution.country ?? null,
      organisation: contribution.organisation,
      onBehalfOf: contribution.onBehalfOf,
      consent: contribution.consent as Consent,
      language: contribution.language,
      submittedAt,
      reference,
      lastSubmitKey: submitKey,
      // Recorded by a moderator: reviewed as it was entered, whatever the call's moderation mode.
      moderationState: "PUBLISHED",
      reviewedAt: now,
    },
    select: { id: true },
  });
  const answers = Object.fromEntries(Object.entries(contribution).filter(([key]) => key.startsWith("q_")));
  await writeAnswers(tx, response.id, call.questions, answers);
  const speakers = isSession
    ? STAKEHOLDER_GROUPS.map((group) => ({
        group,
        count: (contribution[speakersKey(group)] as number | undefined) ?? 0,
      })).filter((speaker) => speaker.count > 0)
    : [];
  if (speakers.length)
    await tx.sessionSpeakers.createMany({
      data: speakers.map(({ group, count }) => ({ responseId: response.id, stakeholderGroup: group, count })),
    });
  await recordVersion(tx, response.id, submittedAt);
  await recordAudit(tx, {
    actor: { id: actor.id, role: actor.role },
    action: "response.intake",
    itemType: "response",
    itemId: response.id,
    callId: call.id,
    after: {
      reference,
      channel: contribution.channel,
      receivedOn: contribution.receivedOn,
      account: authorId !== null,
      ...(speakers.length && { speakers: Object.fromEntries(speakers.map(({ group, count }) => [group, count])) }),
    },
  });
  return { id: response.id, reference };
}

export type RecordResult = { id: string; reference: string; replayed: boolean };

/** The contribution already recorded with this form's key (a double click, a retried post), if any. */
async function recordedWith(callId: string, submitKey: string) {
  return db.response.findFirst({
    where: { callId, lastSubmitKey: submitKey, channel: { not: "FORM" } },
    select: { id: true, reference: true },
  });
}

/** Records one contribution received outside the form; the same form sent twice records it once. */
export async function recordContribution(
  actor: Actor,
  input: { callId: string; submitKey: string; values: Record<string, unknown> },
  now = new Date(),
): Promise<RecordResult> {
  const call = await getIntakeCall(actor, input.callId);
  const earlier = await recordedWith(call.id, input.submitKey);
  if (earlier) return { id: earlier.id, reference: earlier.reference!, replayed: true };
  const contribution = parseContribution(call, input.values, now);
  try {
    const recorded = await db.$transaction(async (tx) => {
      const result = await insertContribution(tx, actor, call, contribution, { submitKey: input.submitKey, now });
      await queueCampaignRecompute(tx, call.id);
      return result;
    });
    return { ...recorded, replayed: false };
  } catch (error) {
    // The same form sent twice at once: the second waited for the first and then broke the unique key.
    if (!isUniqueViolation(error)) throw error;
    const first = await recordedWith(call.id, input.submitKey);
    if (first) return { id: first.id, reference: first.reference!, replayed: true };
    // An account made at the same moment for the same address: that person has a response now.
    throw InvalidField("email", "alreadyResponded");
  }
}
