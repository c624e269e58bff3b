// Titles in lists (the home page, a call's timeline): a call's or a message set's title as a reader of
// `locale` reads it, from the moderators' translation where there is one, with the language it is in (for
// `lang`). The pages of a call or a set themselves read the whole translation (calls.ts, versions.ts).
import "server-only";
import { db } from "@/lib/db";
import { isLocale, toLocale, type Locale } from "@/lib/i18n/config";

type Titled = { title: string; language: string };

function read<T extends Titled>(item: T, translated: string | undefined, locale: string | undefined) {
  return translated && locale && isLocale(locale)
    ? { ...item, title: translated, lang: locale as Locale }
    : { ...item, lang: toLocale(item.language) };
}

/** `calls` with their titles in `locale` (where translated) and `lang`. */
export async function callTitlesIn<T extends Titled & { id: string }>(calls: T[], locale?: string) {
  const wanted = locale ? calls.filter((call) => call.language !== locale) : [];
  const rows = wanted.length
    ? await db.callTranslation.findMany({
        where: { locale, callId: { in: wanted.map((call) => call.id) } },
        select: { callId: true, title: true },
      })
    : [];
  const titles = new Map(rows.map((row) => [row.callId, row.title]));
  return calls.map((call) => read(call, titles.get(call.id), locale));
}

/** `sets` (each with the id of the version the public reads) with their titles in `locale` and `lang`. */
export async function setTitlesIn<T extends Titled & { versionId: string }>(sets: T[], locale?: string) {
  const wanted = locale ? sets.filter((set) => set.language !== locale) : [];
  const rows = wanted.length
    ? await db.messageSetVersionTranslation.findMany({
        where: { locale, versionId: { in: wanted.map((set) => set.versionId) } },
        select: { versionId: true, title: true },
      })
    : [];
  const titles = new Map(rows.map((row) => [row.versionId, row.title]));
  return sets.map((set) => read(set, titles.get(set.versionId), locale));
}
