// The final PDF as a stored file: made once per content and language (by the final-pdf job when a version is
// marked final, or by the first request that finds none) and kept in the attachment storage, so every app
// instance serves the same bytes without making them again. The storage key is a hash of everything the
// document shows (the site address, the language and the public content at the time), so a withdrawn
// consent or a hidden source changes the key and the next request makes a new file at once: nothing stale
// is ever served. Keys are 32 hex digits, like upload keys (lib/attachments/storage.ts).
import "server-only";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { storage } from "@/lib/attachments/storage";
import { db } from "@/lib/db";
import { getFinalMessages, type FinalMessages } from "./final";
import { siteUrl } from "./final-document";
import { finalPdf } from "./final-pdf";

export type FinalLanguage = "en";

export function finalPdfKey(set: FinalMessages, language: FinalLanguage): string {
  return createHash("sha256")
    .update(`final-pdf\0${language}\0${siteUrl()}\0`)
    .update(JSON.stringify(set))
    .digest("hex")
    .slice(0, 32);
}

/** Renders in flight in this process, by key: simultaneous requests for a new document make it once. */
const making = new Map<string, Promise<Buffer>>();

async function make(set: FinalMessages, key: string): Promise<Buffer> {
  let pending = making.get(key);
  if (!pending) {
    pending = (async () => {
      const bytes = await finalPdf(set);
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

/** The stored PDF of the set (made and stored first when there is none). The key doubles as an ETag. */
export async function finalPdfFile(
  set: FinalMessages,
  language: FinalLanguage = "en",
): Promise<{ key: string; body: Readable | Buffer }> {
  const key = finalPdfKey(set, language);
  try {
    return { key, body: await storage().get(key) };
  } catch {
    return { key, body: await make(set, key) };
  }
}

/** The final-pdf job: stores the PDF of a final version (nothing when it is not final or not public). */
export async function storeFinalPdf(versionId: string, language: FinalLanguage) {
  const version = await db.messageSetVersion.findUnique({
    where: { id: versionId },
    select: { set: { select: { slug: true } } },
  });
  const set = version ? await getFinalMessages(version.set.slug) : null;
  if (!set) return { stored: false };
  const { key, body } = await finalPdfFile(set, language);
  if (!Buffer.isBuffer(body)) body.destroy();
  return { stored: true, key };
}
