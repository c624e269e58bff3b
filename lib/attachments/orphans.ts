// Files in storage that may have lost their row. The bytes of an upload are written before its row (so no
// row ever names missing bytes), and a deleted row's bytes are removed after its transaction: a crash in
// between leaves a file that nothing names. Each such key is noted in storage_orphans first: an upload with
// a grace period (its row normally follows within seconds and the note goes with it), a deleted row's files
// at once (noted in the deleting transaction). The files-cleanup job (hourly) removes every due key that no
// attachment names, then the note. Storage is never listed, so this works the same on disk and on S3.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { storage } from "./storage";

/** An upload whose row is not written after this long is abandoned. */
export const UPLOAD_GRACE_MS = 6 * 60 * 60_000;
const CLEANUP_BATCH = 500;

type Client = Pick<Prisma.TransactionClient, "storageOrphan">;

/** Before writing an upload's bytes: the key, due for removal unless its row follows (forgetUpload). */
export async function noteUpload(key: string, client: Client = db, now = new Date()) {
  await client.storageOrphan.create({ data: { key, dueAt: new Date(now.getTime() + UPLOAD_GRACE_MS) }, select: { key: true } });
}

/** In the transaction that writes the row naming `key`. */
export async function forgetUpload(tx: Client, key: string) {
  await tx.storageOrphan.deleteMany({ where: { key } });
}

/** In the transaction that deletes the rows naming these keys: their files are due for removal now. */
export async function noteRemoved(tx: Client, keys: string[], now = new Date()) {
  if (!keys.length) return;
  await tx.storageOrphan.createMany({ data: keys.map((key) => ({ key, dueAt: now })), skipDuplicates: true });
  await tx.storageOrphan.updateMany({ where: { key: { in: keys } }, data: { dueAt: now } });
}

/** The files-cleanup job: removes due orphan files (a key an attachment names is kept). Idempotent. */
export async function removeOrphanFiles(now = new Date()) {
  let removed = 0;
  let kept = 0;
  for (;;) {
    const due = await db.storageOrphan.findMany({
      where: { dueAt: { lte: now } },
      orderBy: { dueAt: "asc" },
      take: CLEANUP_BATCH,
      select: { key: true },
    });
    if (!due.length) break;
    const keys = due.map((row) => row.key);
    const named = await db.attachment.findMany({
      where: { OR: [{ storageKey: { in: keys } }, { publicStorageKey: { in: keys } }] },
      select: { storageKey: true, publicStorageKey: true },
    });
    const inUse = new Set(named.flatMap((row) => [row.storageKey, row.publicStorageKey ?? ""]));
    for (const key of keys) {
      if (inUse.has(key)) kept += 1;
      else {
        await storage().remove(key); // a missing key is not an error: a retry finds nothing to do
        removed += 1;
      }
    }
    await db.storageOrphan.deleteMany({ where: { key: { in: keys } } });
    if (due.length < CLEANUP_BATCH) break;
  }
  return { removed, kept };
}
