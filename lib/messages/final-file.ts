// The final PDF as a stored file: made once per content and reader's language (by the final-pdf job when a
// version is marked final, or by the first request that finds none) and kept in the attachment storage, so
// every app instance serves the same bytes without making them again. The storage key is a hash of everything
// the document shows (the site address, the reader's language and the public content at the time, in its
// translation into that language when there is one), so a withdrawn consent, a hidden source or a new
// translation changes the key and the next request makes a new file at once: nothing stale is ever served.
// Keys are 32 hex digits, like upload keys (lib/attachments/storage.ts).
//
// The job makes only the PDF in the set's own language: the one most of its readers download. Making all six
// at once would be six times the work (tens of seconds each for a set at every limit) on a 2-core machine
// that also serves the site, and a translation added after the set is final would make those files stale
// anyway; the other languages are made by their first request and kept.
import "server-only";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { storage } from "@/lib/attachments/storage";
import { db } from "@/lib/db";
import { defaultLocale, toLocale, type Locale } from "@/lib/i18n/config";
import { getFinalMessages, type FinalMessages } from "./final";
import { siteUrl } from "./final-document";
import { finalPdf } from "./final-pdf";

export function finalPdfKey(set: FinalMessages, language: Locale): string {
  return createHash("sha256")
    .update(`final-pdf\0${language}\0${siteUrl()}\0`)
    .update(JSON.stringify(set))
    .digest("hex")
    .slice(0, 32);
}

/** Renders in flight in this process, by key: simultaneous requests for a new document make it once. */
const making = new Map<string, Promise<Buffer>>();

async function make(set: FinalMessages, language: Locale, key: string): Promise<Buffer> {
  let pending = making.get(key);
  if (!pending) {
    pending = (async () => {
      const bytes = await finalPdf(set, language);
      // Another instance may have stored the same document meanwhile: the same bytes, so that is fine.
      await storage()
        .put(key, bytes)
        .catch(async (error) => {
          if (!(await exists(key))) throw error;
        });
      return bytes;
    })().finally(() => making.delete(key));
    making.set(key, pending);
  }
  return pending;
}

async function exists(key: string) {
  try {
    const body = await storage().get(key);
    if (!Buffer.isBuffer(body)) body.destroy();
    return true;
  } catch {
    return false;
  }
}

/**
 * The stored PDF of the set for a reader of `language` (made and stored first when there is none); `set` is
 * what getFinalMessages gives for that language. The key doubles as an ETag.
 */
export async function finalPdfFile(
  set: FinalMessages,
  language: Locale = defaultLocale,
): Promise<{ key: string; body: Readable | Buffer }> {
  const key = finalPdfKey(set, language);
  try {
    return { key, body: await storage().get(key) };
  } catch {
    return { key, body: await make(set, language, key) };
  }
}

/**
 * The final-pdf job: stores the PDF of a final version for readers of `language`, by default the set's own
 * (nothing when it is not final or not public).
 */
export async function storeFinalPdf(versionId: string, language?: Locale) {
  const version = await db.messageSetVersion.findUnique({
    where: { id: versionId },
    select: { set: { select: { slug: true, language: true } } },
  });
  if (!version) return { stored: false };
  const locale = language ?? toLocale(version.set.language);
  const set = await getFinalMessages(version.set.slug, new Date(), locale);
  if (!set) return { stored: false };
  const { key, body } = await finalPdfFile(set, locale);
  if (!Buffer.isBuffer(body)) body.destroy();
  return { stored: true, key };
}
