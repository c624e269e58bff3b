// A forum's logo, part of its publication template (shown at the top of its final messages: page, PDF and
// Markdown). Set and removed by administrators (forums.manage); read by everyone. A PNG or JPEG of at most
// FORUM_LIMITS.logoBytes, checked by its content and by opening it as the PDF will (a file that only looks
// like an image is refused, so no final PDF can fail on it). Kept in the file storage beside the attachments,
// under a key of its own; the previous logo's file is removed once the new one is saved.
import "server-only";
import { fileTypeFromBuffer } from "file-type";
import PDFDocument from "pdfkit";
import { noteRemoved, noteUpload, forgetUpload } from "@/lib/attachments/orphans";
import { newStorageKey, readAll, storage } from "@/lib/attachments/storage";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Invalid, NotFound, TooLarge } from "@/lib/errors";
import { FORUM_LIMITS } from "./schemas";

const LOGO_TYPES = new Set(["image/png", "image/jpeg"]);

type Actor = Pick<SessionUser, "id" | "role">;

/**
 * The image as pdfkit reads it (its size in pixels), through the same code that draws it in the final PDF
 * (`openImage` is not in pdfkit's type definitions). Throws when it does not open.
 */
export function openImage(bytes: Uint8Array, doc = new PDFDocument({ autoFirstPage: false })) {
  return (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(Buffer.from(bytes));
}

/** The image's type when it is a PNG or JPEG that opens, else null. */
export async function logoTypeOf(bytes: Uint8Array): Promise<string | null> {
  const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (!type || !LOGO_TYPES.has(type.mime)) return null;
  try {
    openImage(bytes);
  } catch {
    return null;
  }
  return type.mime;
}

/** Saves `bytes` as the forum's logo, replacing any earlier one. */
export async function setForumLogo(actor: Actor, input: { forumId: string; bytes: Uint8Array }, now = new Date()) {
  authorize(actor, "forums.manage");
  const maxKb = FORUM_LIMITS.logoBytes / 1024;
  if (input.bytes.length > FORUM_LIMITS.logoBytes) throw TooLarge("logoTooLarge", { max: maxKb });
  const type = input.bytes.length ? await logoTypeOf(input.bytes) : null;
  if (!type) throw Invalid("logoType", { logo: ["logoType"] });
  if (!(await db.forum.findUnique({ where: { id: input.forumId }, select: { id: true } }))) throw NotFound("forumNotFound");

  const key = newStorageKey("logos");
  const files = storage();
  await noteUpload(key);
  await files.put(key, input.bytes, { contentType: type });
  const old = await db
    .$transaction(async (tx) => {
      const [forum] = await tx.$queryRaw<{ logoKey: string | null }[]>`
      SELECT "logoKey" FROM forums WHERE id = ${input.forumId} FOR NO KEY UPDATE`;
      if (!forum) throw NotFound("forumNotFound");
      await forgetUpload(tx, key);
      await tx.forum.update({
        where: { id: input.forumId },
        data: { logoKey: key, logoType: type, logoUpdatedAt: now },
        select: { id: true },
      });
      if (forum.logoKey) await noteRemoved(tx, [forum.logoKey]);
      await recordAudit(tx, {
        actor: { id: actor.id, role: actor.role },
        action: "forum.logo",
        itemType: "forum",
        itemId: input.forumId,
        forumId: input.forumId,
        after: { type, size: input.bytes.length },
      });
      return forum.logoKey;
    })
    .catch(async (error) => {
      await files.remove(key).catch(() => undefined);
      throw error;
    });
  if (old) await files.remove(old).catch((error) => console.error("[logo] could not remove", old, error));
  return { type, updatedAt: now };
}

/** Removes the forum's logo. */
export async function removeForumLogo(actor: Actor, forumId: string) {
  authorize(actor, "forums.manage");
  const old = await db.$transaction(async (tx) => {
    const [forum] = await tx.$queryRaw<{ logoKey: string | null }[]>`
      SELECT "logoKey" FROM forums WHERE id = ${forumId} FOR NO KEY UPDATE`;
    if (!forum) throw NotFound("forumNotFound");
    if (!forum.logoKey) throw Invalid("logoMissing");
    await tx.forum.update({
      where: { id: forumId },
      data: { logoKey: null, logoType: null, logoUpdatedAt: null },
      select: { id: true },
    });
    await noteRemoved(tx, [forum.logoKey]);
    await recordAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: "forum.logo.remove",
      itemType: "forum",
      itemId: forumId,
      forumId,
    });
    return forum.logoKey;
  });
  await storage()
    .remove(old)
    .catch((error) => console.error("[logo] could not remove", old, error));
}

/** The forum's logo for anyone (it is public wherever the forum's final messages are), or null. */
export async function readForumLogo(forumId: string) {
  const forum = await db.forum.findUnique({
    where: { id: forumId },
    select: { logoKey: true, logoType: true, logoUpdatedAt: true },
  });
  if (!forum?.logoKey || !forum.logoType) return null;
  return { bytes: await readAll(await storage().get(forum.logoKey)), type: forum.logoType, updatedAt: forum.logoUpdatedAt! };
}
