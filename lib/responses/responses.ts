// A stakeholder's own response to a call: the draft, its submission (idempotent, versioned, with a
// receipt), and its withdrawal. Every query is scoped by the acting user; the deadline is the server's.
import "server-only";
import { callTitleTranslations } from "@/lib/translations/title-maps";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { callStatus } from "@/lib/calls/status";
import { db } from "@/lib/db";
import { Closed, Conflict, Forbidden, Invalid, isUniqueViolation, NotFound } from "@/lib/errors";
import type { Consent, ModerationState, ResponseStatus } from "@/lib/generated/prisma/enums";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { moderationOnSubmit } from "@/lib/moderation/submission";
import { fieldErrorsOf } from "@/lib/validation/issues";
import type { DbClient } from "@/lib/db";
import { makePublicCopies } from "@/lib/attachments/attachments";
import { attachmentsPrivacy, identitySelect, identityToFile } from "./filing";
import { queueCampaignRecompute } from "@/lib/curation/recompute";
import { queueReceiptMail } from "./receipt-mail";
import { assignReference, recordVersion } from "./record";
import { editOneAtATime } from "./serial";
import {
  answerKey,
  buildDraftSchema,
  buildSubmissionSchema,
  type AnonymousFilesChoice,
  type IdentityChoice,
  type QuestionDefinition,
} from "./schemas";

type Actor = Pick<SessionUser, "id" | "email">;

/** A question as the response form (and a moderator's intake form) needs it. */
export const questionSelect = {
  id: true,
  position: true,
  prompt: true,
  helpText: true,
  type: true,
  required: true,
  minLength: true,
  maxLength: true,
  options: true,
  maxChoices: true,
} as const;

const callSelect = {
  id: true,
  slug: true,
  title: true,
  introduction: true,
  language: true,
  opensAt: true,
  closesAt: true,
  timeZone: true,
  publishedAt: true,
} as const;

export const responseSelect = {
  id: true,
  callId: true,
  status: true,
  consent: true,
  reference: true,
  version: true,
  submittedAt: true,
  withdrawnAt: true,
  updatedAt: true,
  attachmentsPrivate: true,
  language: true,
  ...identitySelect,
  answers: { select: { questionId: true, text: true, choices: true } },
  attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, mediaType: true } },
} as const;

/** The answers of a response as form values, `q_<questionId>` → text or choices. */
export function answerValues(
  questions: readonly Pick<QuestionDefinition, "id" | "type">[],
  answers: readonly { questionId: string; text: string; choices: string[] }[],
) {
  const values: Record<string, string | string[]> = {};
  for (const question of questions) {
    const answer = answers.find((a) => a.questionId === question.id);
    if (question.type === "MULTIPLE_CHOICE") values[answerKey(question.id)] = answer?.choices ?? [];
    else if (question.type === "SINGLE_CHOICE") values[answerKey(question.id)] = answer?.choices[0] ?? "";
    else values[answerKey(question.id)] = answer?.text ?? "";
  }
  return values;
}

/**
 * The call to respond to (published only), with the actor's response. A draft is created when the call
 * is OPEN and the actor has none, in `language` (the page's: the author may change it); otherwise
 * `response` is null and the page says why.
 */
export async function getOrCreateDraft(
  actor: Actor,
  callSlug: string,
  { now = new Date(), language }: { now?: Date; language?: string } = {},
) {
  const call = await db.call.findFirst({
    where: { slug: callSlug, publishedAt: { not: null } },
    select: {
      ...callSelect,
      questions: { orderBy: { position: "asc" }, select: questionSelect },
      glossary: { orderBy: { position: "asc" }, select: { id: true, term: true, definition: true } },
    },
  });
  if (!call) throw NotFound();
  const status = callStatus(call, now);
  const find = () => db.response.findFirst({ where: { callId: call.id, authorId: actor.id }, select: responseSelect });
  let response = await find();
  if (!response && status === "OPEN") {
    try {
      response = await db.response.create({
        data: { callId: call.id, authorId: actor.id, language: toLocale(language) },
        select: responseSelect,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      response = await find(); // another tab created it at the same moment
    }
  }
  return { call: { ...call, status }, response };
}

/** One of the actor's own responses with its call; another user's id is not found. */
export async function getOwnResponse(actor: Actor, responseId: string, now = new Date()) {
  const response = await db.response.findFirst({
    where: { id: responseId, authorId: actor.id },
    select: {
      ...responseSelect,
      call: { select: { ...callSelect, questions: { orderBy: { position: "asc" }, select: questionSelect } } },
      versions: { orderBy: { version: "desc" }, select: { version: true, submittedAt: true, consent: true } },
      moderationState: true,
      hiddenReason: true,
    },
  });
  if (!response) throw NotFound();
  return { ...response, call: { ...response.call, status: callStatus(response.call, now) } };
}

type LockedResponse = {
  id: string;
  callId: string;
  status: ResponseStatus;
  reference: string | null;
  version: number;
  lastSubmitKey: string | null;
  submittedAt: Date | null;
  moderationState: ModerationState;
};

/** Locks the actor's response row for the rest of the transaction; another user's id is not found. */
async function lockOwnResponse(tx: DbClient, actor: Actor, responseId: string): Promise<LockedResponse> {
  const [row] = await tx.$queryRaw<LockedResponse[]>`
    SELECT id, "callId", status::text AS status, reference, version, "lastSubmitKey", "submittedAt",
      "moderationState"::text AS "moderationState"
    FROM responses WHERE id = ${responseId} AND "authorId" = ${actor.id} FOR UPDATE`;
  if (!row) throw NotFound();
  return row;
}

/** The call of a locked response, refused unless OPEN by the server's clock. */
async function openCallOf(tx: DbClient, callId: string, now: Date) {
  const call = await tx.call.findUniqueOrThrow({
    where: { id: callId },
    select: { ...callSelect, moderationMode: true, questions: { orderBy: { position: "asc" }, select: questionSelect } },
  });
  const status = callStatus(call, now);
  if (status === "CLOSED") throw Closed("callClosed");
  if (status !== "OPEN") throw Closed("callNotOpen");
  return call;
}

function invalid(error: z.ZodError): never {
  const { form, ...fields } = fieldErrorsOf(error);
  if (form?.some((issue) => issue.code === "unknownQuestion")) throw Invalid("unknownQuestion", fields);
  throw Invalid("invalid", fields);
}

export async function writeAnswers(
  tx: DbClient,
  responseId: string,
  questions: readonly QuestionDefinition[],
  values: Record<string, unknown>,
) {
  for (const question of questions) {
    const value = values[answerKey(question.id)];
    if (value === undefined) continue;
    const text = typeof value === "string" && question.type !== "SINGLE_CHOICE" ? value : "";
    const choices = Array.isArray(value)
      ? (value as string[])
      : question.type === "SINGLE_CHOICE" && value
        ? [value as string]
        : [];
    if (!text && choices.length === 0) {
      await tx.answer.deleteMany({ where: { responseId, questionId: question.id } });
      continue;
    }
    await tx.answer.upsert({
      where: { responseId_questionId: { responseId, questionId: question.id } },
      create: { responseId, questionId: question.id, text, choices },
      update: { text, choices },
      select: { id: true },
    });
  }
}

/** `answers`: the form's values, `q_<questionId>` and the language of the answers (`language`) when sent. */
export type DraftInput = { responseId: string; answers: Record<string, unknown>; consent?: unknown };

/**
 * Saves a draft's answers (lenient: nothing is required yet, but every limit applies). Only a DRAFT of an
 * OPEN call is saved here; a submitted response is changed by submitting it again.
 */
export async function saveDraft(actor: Actor, input: DraftInput, now = new Date()): Promise<{ savedAt: Date }> {
  return editOneAtATime(input.responseId, async (tx) => {
    const response = await lockOwnResponse(tx, actor, input.responseId);
    if (response.status === "WITHDRAWN") throw Conflict("withdrawn");
    if (response.status === "SUBMITTED") throw Conflict("alreadySubmitted");
    const call = await openCallOf(tx, response.callId, now);
    const parsed = buildDraftSchema(call.questions).safeParse({
      ...input.answers,
      ...(input.consent ? { consent: input.consent } : {}),
    });
    if (!parsed.success) invalid(parsed.error);
    const { consent, language, ...answers } = parsed.data;
    await writeAnswers(tx, response.id, call.questions, answers);
    const saved = await tx.response.update({
      where: { id: response.id },
      data: {
        ...(consent ? { consent: consent as Consent } : {}),
        ...(language && { language: language as Locale }),
        updatedAt: now,
      },
      select: { updatedAt: true },
    });
    return { savedAt: saved.updatedAt };
  });
}

export type SubmitInput = { responseId: string; answers: Record<string, unknown>; consent: unknown; submitKey: unknown };
export type SubmitResult = { id: string; reference: string; version: number; submittedAt: Date; replayed: boolean };

/**
 * Submits (or, when already submitted, edits) the actor's response, in one transaction holding its row
 * (concurrent edits wait their turn, or end in Conflict("newerEdit"): see ./serial.ts).
 * The same submitKey again — a double click, a retried request, a concurrent duplicate — answers with
 * the earlier result and changes nothing. The first submission takes a receipt number; each submission
 * keeps a version and a fresh copy of the author's profile. Its receipt email is queued in the same
 * transaction (./receipt-mail.ts) and sent by a worker: a mail server that is down delays it, never loses it.
 */
export async function submitResponse(actor: Actor, input: SubmitInput, now = new Date()): Promise<SubmitResult> {
  type Filed = { consent?: Consent };
  const result = await editOneAtATime(input.responseId, async (tx): Promise<SubmitResult & Filed> => {
    const response = await lockOwnResponse(tx, actor, input.responseId);
    if (typeof input.submitKey === "string" && response.lastSubmitKey === input.submitKey && response.reference) {
      return {
        id: response.id,
        reference: response.reference,
        version: response.version,
        submittedAt: response.submittedAt!,
        replayed: true,
      };
    }
    if (response.status === "WITHDRAWN") throw Conflict("withdrawn");
    const call = await openCallOf(tx, response.callId, now);
    const parsed = buildSubmissionSchema(call.questions).safeParse({
      ...input.answers,
      consent: input.consent,
      submitKey: input.submitKey,
    });
    if (!parsed.success) invalid(parsed.error);
    const { consent, submitKey, anonymousFiles, identity: identityChoice, language, ...answers } = parsed.data;
    const profile = await tx.profile.findUnique({ where: { userId: actor.id }, select: identitySelect });
    if (!profile) throw Forbidden("profileRequired");
    const filed =
      response.status === "SUBMITTED"
        ? await tx.response.findUniqueOrThrow({ where: { id: response.id }, select: identitySelect })
        : null;
    const identity = identityToFile(filed, profile, identityChoice as IdentityChoice | undefined);
    const attachmentsPrivate = await attachmentsPrivacy(
      tx,
      response.id,
      consent as Consent,
      anonymousFiles as AnonymousFilesChoice | undefined,
    );
    await writeAnswers(tx, response.id, call.questions, answers);
    const reference = response.reference ?? (await assignReference(tx, response.callId));
    await tx.response.update({
      where: { id: response.id },
      data: {
        ...identity,
        consent: consent as Consent,
        ...(language && { language: language as Locale }),
        attachmentsPrivate,
        status: "SUBMITTED",
        submittedAt: now,
        reference,
        lastSubmitKey: submitKey as string,
        ...moderationOnSubmit(call.moderationMode, response.moderationState),
      },
      select: { id: true },
    });
    const version = await recordVersion(tx, response.id, now);
    await queueCampaignRecompute(tx, response.callId);
    await queueReceiptMail(tx, actor.id, {
      to: actor.email,
      responseId: response.id,
      reference,
      callTitle: call.title,
      callTitles: await callTitleTranslations(tx, call.id),
      version,
      submittedAt: now,
      timeZone: call.timeZone,
      consent: consent as Consent,
      identity,
      privateFiles: attachmentsPrivate === true,
    });
    return {
      id: response.id,
      reference,
      version,
      submittedAt: now,
      replayed: false,
      consent: consent as Consent,
    };
  });
  const { consent, ...receipt } = result;
  // Anonymous: the public only ever gets copies of the files without document properties.
  if (!receipt.replayed && consent === "PUBLISH_ANONYMOUS") await makePublicCopies(receipt.id);
  return receipt;
}

/** Withdraws the actor's submitted response while the call is open; it can then no longer be edited. */
export async function withdrawResponse(actor: Actor, responseId: string, now = new Date()) {
  return editOneAtATime(responseId, async (tx) => {
    const response = await lockOwnResponse(tx, actor, responseId);
    if (response.status === "WITHDRAWN") throw Conflict("withdrawn");
    if (response.status !== "SUBMITTED") throw Conflict("notSubmitted");
    await openCallOf(tx, response.callId, now);
    await queueCampaignRecompute(tx, response.callId);
    return tx.response.update({
      where: { id: response.id },
      data: { status: "WITHDRAWN", withdrawnAt: now },
      select: { id: true, status: true, withdrawnAt: true },
    });
  });
}

/** Everything the actor has started or sent, newest first, with the call's title, status and deadline. */
export async function listOwnContributions(actor: Actor, now = new Date()) {
  const rows = await db.response.findMany({
    where: { authorId: actor.id },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      status: true,
      reference: true,
      version: true,
      submittedAt: true,
      withdrawnAt: true,
      updatedAt: true,
      consent: true,
      moderationState: true,
      hiddenReason: true,
      ...identitySelect,
      call: { select: { slug: true, title: true, opensAt: true, closesAt: true, timeZone: true, publishedAt: true } },
      _count: { select: { versions: true } },
    },
  });
  return rows.map(({ call, _count, ...response }) => ({
    ...response,
    versionCount: _count.versions,
    call: { slug: call.slug, title: call.title, closesAt: call.closesAt, timeZone: call.timeZone, status: callStatus(call, now) },
  }));
}

/** The kept versions of the actor's own response, newest first; another user's id is not found. */
export async function listOwnVersions(actor: Actor, responseId: string) {
  const response = await db.response.findFirst({
    where: { id: responseId, authorId: actor.id },
    select: {
      versions: { orderBy: { version: "desc" }, select: { version: true, submittedAt: true, consent: true, answers: true } },
    },
  });
  if (!response) throw NotFound();
  return response.versions.map((version) => ({
    ...version,
    answers: version.answers as { questionId: string; text: string; choices: string[] }[],
  }));
}
