// Translations of message set versions. A translation belongs to one saved version, as its text does: the
// next version has translations of its own (the editor starts them from this one's, paragraph by paragraph,
// where the original did not change). Comments stay attached to the paragraph ids whatever language the
// commenter read. A final version's translations can still be added (documents are translated after their
// adoption) but no longer changed.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { checkRevision } from "@/lib/edits/revision";
import { forumOf } from "@/lib/auth/forum-of";
import { authorize, authorizeIn } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Conflict, Invalid, InvalidField, NotFound } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { versionContentSchema } from "@/lib/messages/content";
import { fieldErrorsOf } from "@/lib/validation/issues";
import {
  translationLocales,
  translateVersion,
  versionTranslationColumns,
  versionTranslationSchema,
  versionTranslationValues,
  type VersionOriginal,
} from "./texts";
import { versionContentJson } from "./stored";

async function loadVersion(setId: string, number: number) {
  const version = await db.messageSetVersion.findFirst({
    where: { setId, number },
    select: {
      id: true,
      number: true,
      title: true,
      introduction: true,
      content: true,
      publishedAt: true,
      finalisedAt: true,
      set: { select: { id: true, slug: true, title: true, introduction: true, language: true, callId: true } },
    },
  });
  if (!version) throw NotFound("versionNotFound");
  const sections = versionContentSchema.parse(version.content);
  const original: VersionOriginal & { number: number } = {
    number: version.number,
    language: version.set.language,
    title: version.title ?? version.set.title,
    introduction: version.introduction ?? version.set.introduction,
    sections: sections.map((s, index) => ({
      sectionId: s.sectionId ?? `section-${index}`,
      heading: s.heading,
      paragraphs: s.paragraphs.map((p) => ({ paragraphId: p.paragraphId, body: p.body })),
    })),
  };
  return { version, original };
}

/** The reader's copy of a published set (getPublishedMessageSet's) in `locale`. */
export async function versionInLocale<S extends Parameters<typeof translateVersion>[0] & { version: { id: string } }>(
  set: S,
  originalLanguage: string,
  locale: string,
) {
  const row =
    isLocale(locale) && locale !== originalLanguage
      ? await db.messageSetVersionTranslation.findUnique({
          where: { versionId_locale: { versionId: set.version.id, locale } },
        })
      : null;
  return translateVersion(set, originalLanguage, row);
}

/**
 * The editor: version `number` of the set (the latest saved one by default) in its original beside its
 * translation into `requested` (by default the first language that version lacks). A new translation starts
 * from the latest earlier version's translation into that language, for the texts that did not change since
 * (so a moderator translates only what is new).
 */
export async function getVersionTranslationForEditing(actor: SessionUser, setId: string, number?: number, requested?: string) {
  const forumId = await forumOf(db, "messageSet", setId);
  authorizeIn(actor, "messages.edit", forumId, "messageSetNotFound");
  const versions = await db.messageSetVersion.findMany({
    where: { setId },
    orderBy: { number: "desc" },
    select: { number: true, publishedAt: true, translations: { select: { locale: true } } },
  });
  if (!versions.length) {
    const set = await db.messageSet.findUnique({ where: { id: setId }, select: { id: true } });
    if (!set) throw NotFound("messageSetNotFound");
    return null;
  }
  const chosen = versions.find((v) => v.number === number) ?? versions[0]!;
  const { version, original } = await loadVersion(setId, chosen.number);
  const targets = translationLocales(original.language);
  const translated = chosen.translations.map((r) => r.locale);
  const locale: Locale =
    isLocale(requested) && targets.includes(requested)
      ? requested
      : (targets.find((l) => !translated.includes(l)) ?? targets[0]!);
  const row = await db.messageSetVersionTranslation.findUnique({
    where: { versionId_locale: { versionId: version.id, locale } },
  });
  let values = versionTranslationValues(original, row);
  let carried = false;
  if (!row) {
    const earlier = await carriedOver(setId, chosen.number, locale, original);
    if (earlier) {
      values = earlier;
      carried = true;
    }
  }
  return {
    forumId: forumId!,
    set: version.set,
    versions: versions.map((v) => ({
      number: v.number,
      published: Boolean(v.publishedAt),
      locales: v.translations.map((r) => r.locale),
    })),
    version: { id: version.id, number: version.number, publishedAt: version.publishedAt, finalisedAt: version.finalisedAt },
    original,
    locale,
    targets,
    translated,
    values,
    carried,
    frozen: Boolean(version.finalisedAt && row),
    updatedAt: row?.updatedAt ?? null,
  };
}

/** The form's values from the newest earlier version translated into `locale`, where the original is unchanged. */
async function carriedOver(setId: string, number: number, locale: string, original: VersionOriginal) {
  const earlier = await db.messageSetVersionTranslation.findFirst({
    where: { locale, version: { setId, number: { lt: number } } },
    orderBy: { version: { number: "desc" } },
    select: { title: true, introduction: true, content: true, version: { select: { number: true } } },
  });
  if (!earlier) return null;
  const { original: before } = await loadVersion(setId, earlier.version.number);
  const content = versionContentJson.catch({ headings: {}, paragraphs: {} }).parse(earlier.content);
  const headingsBefore = new Map(before.sections.map((s) => [s.sectionId, s.heading]));
  const bodiesBefore = new Map(before.sections.flatMap((s) => s.paragraphs.map((p) => [p.paragraphId, p.body])));
  return versionTranslationValues(original, {
    locale,
    title: before.title === original.title ? earlier.title : "",
    introduction: before.introduction === original.introduction ? earlier.introduction : "",
    content: {
      headings: Object.fromEntries(
        original.sections
          .filter((s) => headingsBefore.get(s.sectionId) === s.heading)
          .map((s) => [s.sectionId, content.headings[s.sectionId] ?? ""]),
      ),
      paragraphs: Object.fromEntries(
        original.sections.flatMap((s) =>
          s.paragraphs
            .filter((p) => bodiesBefore.get(p.paragraphId) === p.body)
            .map((p) => [p.paragraphId, content.paragraphs[p.paragraphId] ?? ""]),
        ),
      ),
    },
  });
}

export async function saveVersionTranslation(
  actor: SessionUser,
  input: { setId: string; number: number; locale: string; values: Record<string, string>; revision?: number },
) {
  authorizeIn(actor, "messages.edit", await forumOf(db, "messageSet", input.setId), "versionNotFound");
  const { version, original } = await loadVersion(input.setId, input.number);
  if (!isLocale(input.locale) || !translationLocales(original.language).includes(input.locale)) throw NotFound();
  const parsed = versionTranslationSchema(original).safeParse(input.values);
  if (!parsed.success) throw Invalid("invalid", fieldErrorsOf(parsed.error));
  const columns = versionTranslationColumns(original, parsed.data);
  const key = { versionId_locale: { versionId: version.id, locale: input.locale } };
  const revision = await db.$transaction(async (tx) => {
    // The version row locked: marking it final and saving its translation happen one after the other.
    const [locked] = await tx.$queryRaw<{ finalisedAt: Date | null }[]>`
      SELECT "finalisedAt" FROM message_set_versions WHERE id = ${version.id} FOR UPDATE`;
    const row = await tx.messageSetVersionTranslation.findUnique({ where: key });
    const before = row && { title: row.title };
    if (before && locked?.finalisedAt) throw Conflict("translationFrozen");
    await checkRevision(
      tx,
      {
        type: "messageSet",
        id: version.set.id,
        // The translation's last save (0: none yet), in milliseconds.
        revision: row?.updatedAt.getTime() ?? 0,
        actions: ["messageTranslation.create", "messageTranslation.update"],
      },
      input.revision,
      () => versionTranslationValues(original, row),
    );
    const saved = await tx.messageSetVersionTranslation.upsert({
      where: key,
      create: { versionId: version.id, locale: input.locale, ...columns, updatedById: actor.id },
      update: { ...columns, updatedById: actor.id },
      select: { updatedAt: true },
    });
    await recordAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: before ? "messageTranslation.update" : "messageTranslation.create",
      itemType: "messageSet",
      itemId: version.set.id,
      callId: version.set.callId,
      before: before ? { version: version.number, locale: input.locale, title: before.title } : null,
      after: { version: version.number, locale: input.locale, title: columns.title },
    });
    return saved.updatedAt.getTime();
  });
  return {
    slug: version.set.slug,
    setId: version.set.id,
    number: version.number,
    locale: input.locale as Locale,
    revision,
  };
}

/** The languages each version of a set is translated into, by version number. */
export async function versionTranslationLocales(setId: string) {
  const rows = await db.messageSetVersionTranslation.findMany({
    where: { version: { setId } },
    select: { locale: true, version: { select: { number: true } } },
  });
  const byVersion = new Map<number, string[]>();
  for (const row of rows) byVersion.set(row.version.number, [...(byVersion.get(row.version.number) ?? []), row.locale]);
  return byVersion;
}

/** Says which language a set is written in; refused while one of its versions has a translation into it. */
export async function setMessageSetLanguage(actor: SessionUser, input: { setId: string; language: string }) {
  authorize(actor, "messages.edit");
  if (!isLocale(input.language)) throw Invalid("invalid");
  return db.$transaction(async (tx) => {
    authorizeIn(actor, "messages.edit", await forumOf(tx, "messageSet", input.setId), "messageSetNotFound");
    const [set] = await tx.$queryRaw<{ id: string; language: string; callId: string }[]>`
      SELECT id, language, "callId" FROM message_sets WHERE id = ${input.setId} FOR UPDATE`;
    if (!set) throw NotFound("messageSetNotFound");
    if (set.language === input.language) return { id: set.id };
    const clash = await tx.messageSetVersionTranslation.count({
      where: { locale: input.language, version: { setId: set.id } },
    });
    if (clash) throw InvalidField("language", "translationExists");
    await tx.messageSet.update({ where: { id: set.id }, data: { language: input.language } });
    await recordAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: "messageSet.language",
      itemType: "messageSet",
      itemId: set.id,
      callId: set.callId,
      before: { language: set.language },
      after: { language: input.language },
    });
    return { id: set.id };
  });
}
