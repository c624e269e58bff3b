// Translations of calls: the facilitators of the call's forum write them (every text of the call, side by side with the original),
// readers get them through readCallTranslation. A call's texts may change after it is translated; a
// question added later simply reads in the original until the translation is saved again.
import "server-only";
import { checkRevision } from "@/lib/edits/revision";
import { recordAudit } from "@/lib/audit/record";
import { forumOf } from "@/lib/auth/forum-of";
import { authorize, authorizeIn } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db, type DbClient } from "@/lib/db";
import { Invalid, InvalidField, NotFound } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { fieldErrorsOf } from "@/lib/validation/issues";
import {
  callTranslationColumns,
  callTranslationSchema,
  callTranslationValues,
  translateCall,
  translationLocales,
  type CallOriginal,
} from "./texts";

const originalSelect = {
  id: true,
  slug: true,
  forumId: true,
  title: true,
  introduction: true,
  thematicTrack: true,
  language: true,
  questions: { orderBy: { position: "asc" }, select: { id: true, prompt: true, helpText: true, options: true } },
  glossary: { orderBy: { position: "asc" }, select: { id: true, term: true, definition: true } },
} as const;

/** The check before working on a call's translations: its forum's facilitators (unknown call otherwise). */
async function authorizeCall(actor: SessionUser, callId: string, client: DbClient = db) {
  authorizeIn(actor, "calls.manage", await forumOf(client, "call", callId), "callNotFound");
}

async function loadOriginal(callId: string) {
  const call = await db.call.findUnique({ where: { id: callId }, select: originalSelect });
  if (!call) throw NotFound("callNotFound");
  return call;
}

/** The reader's copy of a call: `call` (with `language` and the ids of its questions and terms) in `locale`. */
export async function inLocale<C extends Parameters<typeof translateCall>[0] & { id: string }>(call: C, locale: string) {
  const row =
    isLocale(locale) && locale !== call.language
      ? await db.callTranslation.findUnique({ where: { callId_locale: { callId: call.id, locale } } })
      : null;
  return translateCall(call, row);
}

/** The languages a call has a translation in (for the moderator's call page). */
export async function callTranslationLocales(callId: string) {
  const rows = await db.callTranslation.findMany({ where: { callId }, select: { locale: true, updatedAt: true } });
  return rows;
}

/**
 * The translation editor: the original beside the translation into `requested` (empty when there is none);
 * without a valid `requested`, the first language the call is not translated into yet.
 */
export async function getCallTranslationForEditing(actor: SessionUser, callId: string, requested?: string) {
  await authorizeCall(actor, callId);
  const call = await loadOriginal(callId);
  const targets = translationLocales(call.language);
  const existing = await db.callTranslation.findMany({ where: { callId }, select: { locale: true } });
  const translated = existing.map((r) => r.locale);
  const locale: Locale =
    isLocale(requested) && targets.includes(requested)
      ? requested
      : (targets.find((l) => !translated.includes(l)) ?? targets[0]!);
  const row = await db.callTranslation.findUnique({ where: { callId_locale: { callId, locale } } });
  return { call, locale, targets, translated, values: callTranslationValues(call, row), updatedAt: row?.updatedAt ?? null };
}

/** Saves the translation of a call into `locale`, checked against the original's texts and limits. */
export async function saveCallTranslation(
  actor: SessionUser,
  input: { callId: string; locale: string; values: Record<string, string>; revision?: number },
) {
  await authorizeCall(actor, input.callId);
  const call = await loadOriginal(input.callId);
  if (!isLocale(input.locale) || !translationLocales(call.language).includes(input.locale)) throw NotFound();
  const original: CallOriginal = call;
  const parsed = callTranslationSchema(original).safeParse(input.values);
  if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
  const columns = callTranslationColumns(original, parsed.data);
  const key = { callId_locale: { callId: call.id, locale: input.locale } };
  const revision = await db.$transaction(async (tx) => {
    // One save of the call's translations at a time; the one opened before another's save is refused.
    await tx.$queryRaw`SELECT id FROM calls WHERE id = ${call.id} FOR NO KEY UPDATE`;
    const row = await tx.callTranslation.findUnique({ where: key });
    const before = row && { title: row.title };
    await checkRevision(
      tx,
      {
        type: "call",
        id: call.id,
        // The translation's last save (0: none yet), in milliseconds.
        revision: row?.updatedAt.getTime() ?? 0,
        actions: ["callTranslation.create", "callTranslation.update"],
      },
      input.revision,
      () => callTranslationValues(call, row),
    );
    const saved = await tx.callTranslation.upsert({
      where: key,
      create: { callId: call.id, locale: input.locale, ...columns, updatedById: actor.id },
      update: { ...columns, updatedById: actor.id },
      select: { updatedAt: true },
    });
    await recordAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: before ? "callTranslation.update" : "callTranslation.create",
      itemType: "call",
      itemId: call.id,
      callId: call.id,
      before: before ? { locale: input.locale, title: before.title } : null,
      after: { locale: input.locale, title: columns.title },
    });
    return saved.updatedAt.getTime();
  });
  return { slug: call.slug, callId: call.id, locale: input.locale as Locale, revision };
}

/** Removes a call's translation into `locale`: readers of that language read the original again. */
export async function removeCallTranslation(actor: SessionUser, input: { callId: string; locale: string }) {
  await authorizeCall(actor, input.callId);
  const call = await loadOriginal(input.callId);
  if (!isLocale(input.locale)) throw NotFound();
  await db.$transaction(async (tx) => {
    const removed = await tx.callTranslation.deleteMany({ where: { callId: call.id, locale: input.locale } });
    if (!removed.count) throw NotFound();
    await recordAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: "callTranslation.delete",
      itemType: "call",
      itemId: call.id,
      callId: call.id,
      before: { locale: input.locale },
    });
  });
  return { slug: call.slug, callId: call.id };
}

/**
 * Says which language a call is written in. Refused while a translation into that language exists (remove
 * it first: the call would otherwise be its own translation).
 */
export async function setCallLanguage(actor: SessionUser, input: { callId: string; language: string }) {
  authorize(actor, "calls.manage");
  if (!isLocale(input.language)) throw Invalid("invalid");
  return db.$transaction(async (tx) => {
    await authorizeCall(actor, input.callId, tx);
    const [call] = await tx.$queryRaw<{ id: string; language: string }[]>`
      SELECT id, language FROM calls WHERE id = ${input.callId} FOR UPDATE`;
    if (!call) throw NotFound("callNotFound");
    if (call.language === input.language) return { id: call.id };
    const clash = await tx.callTranslation.count({ where: { callId: call.id, locale: input.language } });
    if (clash) throw InvalidField("language", "translationExists");
    await tx.call.update({ where: { id: call.id }, data: { language: input.language } });
    await recordAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: "call.language",
      itemType: "call",
      itemId: call.id,
      callId: call.id,
      before: { language: call.language },
      after: { language: input.language },
    });
    return { id: call.id };
  });
}
