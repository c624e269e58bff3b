// Files attached to a response: added and removed by its author while the call is open (and, for a
// contribution a moderator recorded from another channel, by those who may record contributions in the
// call's forum, whenever: the email's files often arrive with it after the deadline), read by the
// author and whoever may read every response of the call's forum (its facilitators and observers,
// administrators), and by everyone once the response is submitted and its consent allows it. For a
// response published without its author's name, the public gets a copy without document properties
// (publicStorageKey, made by makePublicCopies), and nothing at all when the author keeps the files private.
import "server-only";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { can, type Actor as PermissionActor } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { callStatus } from "@/lib/calls/status";
import { db } from "@/lib/db";
import { Closed, Conflict, Invalid, NotFound, TooLarge } from "@/lib/errors";
import { limitAccount, UPLOADS_PER_ACCOUNT } from "@/lib/limits/account";
import type { Consent, ResponseStatus } from "@/lib/generated/prisma/enums";
import { publicCopy, publicFileAccess, publicResponseIds } from "@/lib/responses/public";
import { cleanFileName, detectType, MAX_BYTES, MAX_FILES } from "./detect";
import { ALLOWED_TYPES, kindOfMediaType, type AttachmentSummary } from "./limits";
import { forgetUpload, noteRemoved, noteUpload } from "./orphans";
import { newStorageKey, readAll, storage } from "./storage";
import { stripMetadata } from "./strip";

/** Who changes the files: the author (by id), or a moderator (their role and forums) for a recorded contribution. */
type Actor = Pick<SessionUser, "id"> & Partial<PermissionActor>;
/** Who is looking: anyone, signed in or not; the session's forums decide what a facilitator or observer sees. */
type Viewer = (PermissionActor & Pick<SessionUser, "id">) | null;
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const summarySelect = { id: true, fileName: true, size: true, mediaType: true } as const;
const byPosition = [{ createdAt: "asc" as const }, { id: "asc" as const }];

type LockedResponse = {
  status: ResponseStatus;
  authorId: string | null;
  recorded: boolean;
  forumId: string;
  publishedAt: Date | null;
  opensAt: Date;
  closesAt: Date;
};

/**
 * Locks the response (SELECT … FOR UPDATE) until the transaction ends, so that parallel uploads are counted
 * one after another, and checks that the actor may change its files now: its author while the call is open,
 * or, for a contribution recorded from another channel, whoever may record contributions in its forum. Any
 * other actor is told it does not exist.
 */
async function lockEditableResponse(tx: Tx, actor: Actor, responseId: string) {
  const [row] = await tx.$queryRaw<LockedResponse[]>`
    SELECT r.status, r."authorId", r.channel <> 'FORM' AS recorded, c."forumId", c."publishedAt", c."opensAt", c."closesAt"
    FROM responses r JOIN calls c ON c.id = r."callId"
    WHERE r.id = ${responseId}
    FOR UPDATE OF r`;
  if (!row) throw NotFound();
  const recorder =
    row.recorded && actor.role !== undefined && can({ role: actor.role, forums: actor.forums }, "responses.intake", row.forumId);
  if (row.authorId !== actor.id && !recorder) throw NotFound();
  if (row.status === "WITHDRAWN") throw Conflict("filesWithdrawn");
  if (!recorder && callStatus(row) !== "OPEN") throw Closed("filesClosed");
}

/** Attaches a file to the actor's own response, if its content is of an accepted type and there is room. */
export async function addAttachment(
  actor: Actor,
  input: { responseId: string; fileName: string; bytes: Uint8Array },
): Promise<AttachmentSummary> {
  const fileName = cleanFileName(input.fileName);
  if (!fileName) throw Invalid("fileNameMissing");
  if (input.bytes.length > MAX_BYTES) throw TooLarge("fileTooLarge", { maxMegabytes: MAX_BYTES / (1024 * 1024) });
  const { mediaType } = await detectType(fileName, input.bytes);

  // Refuse early, before writing anything; the same checks are repeated under the lock below.
  await db.$transaction(async (tx) => {
    await lockEditableResponse(tx, actor, input.responseId);
    if ((await tx.attachment.count({ where: { responseId: input.responseId } })) >= MAX_FILES)
      throw Conflict("tooManyFiles", { maxFiles: MAX_FILES });
  });

  // Counted across app instances; only uploads that would be stored count.
  await limitAccount(UPLOADS_PER_ACCOUNT, actor.id);
  const storageKey = newStorageKey();
  const files = storage();
  await noteUpload(storageKey);
  await files.put(storageKey, input.bytes, { contentType: mediaType });
  let created: AttachmentSummary;
  try {
    created = await db.$transaction(async (tx) => {
      await lockEditableResponse(tx, actor, input.responseId);
      if ((await tx.attachment.count({ where: { responseId: input.responseId } })) >= MAX_FILES) {
        throw Conflict("tooManyFiles", { maxFiles: MAX_FILES });
      }
      await forgetUpload(tx, storageKey);
      return tx.attachment.create({
        data: {
          responseId: input.responseId,
          storageKey,
          fileName,
          mediaType,
          size: input.bytes.length,
          sha256: createHash("sha256").update(input.bytes).digest("hex"),
        },
        select: summarySelect,
      });
    });
  } catch (error) {
    await files.remove(storageKey).catch((cleanup) => console.error("[attachments] orphan file", storageKey, cleanup));
    throw error;
  }
  // A file added to a response already meant to be anonymous gets its public copy now; submitting makes any
  // that are missing.
  const response = await db.response.findUnique({ where: { id: input.responseId }, select: { consent: true } });
  if (response?.consent === "PUBLISH_ANONYMOUS") await makePublicCopies(input.responseId);
  return created;
}

/**
 * Makes the public copy (without document properties) of each file of the response that has none. A file
 * whose copy cannot be made (a damaged or encrypted PDF) keeps none, and is then not published for an
 * anonymous response; the failure is logged. Never throws.
 */
export async function makePublicCopies(responseId: string) {
  const files = storage();
  const missing = await db.attachment.findMany({
    where: { responseId, publicStorageKey: null },
    select: { id: true, storageKey: true, mediaType: true },
  });
  for (const attachment of missing) {
    const key = newStorageKey();
    try {
      const stripped = await stripMetadata(attachment.mediaType, await readAll(await files.get(attachment.storageKey)));
      await noteUpload(key);
      await files.put(key, stripped, { contentType: attachment.mediaType });
      const { count } = await db.$transaction(async (tx) => {
        await forgetUpload(tx, key);
        return tx.attachment.updateMany({
          where: { id: attachment.id, publicStorageKey: null },
          data: { publicStorageKey: key, publicSize: stripped.length },
        });
      });
      if (count === 0) await files.remove(key); // removed meanwhile, or made by a parallel call
    } catch (error) {
      console.error("[attachments] no public copy for", attachment.id, error);
      await files.remove(key).catch(() => undefined);
    }
  }
}

/** Removes a file from a response, under the same rules as adding one. */
export async function removeAttachment(actor: Actor, id: string) {
  const owned = await db.attachment.findUnique({ where: { id }, select: { responseId: true } });
  if (!owned) throw NotFound();
  const keys = await db.$transaction(async (tx) => {
    await lockEditableResponse(tx, actor, owned.responseId);
    const attachment = await tx.attachment.findFirst({
      where: { id, responseId: owned.responseId },
      select: { storageKey: true, publicStorageKey: true },
    });
    if (!attachment) throw NotFound();
    await tx.attachment.delete({ where: { id }, select: { id: true } });
    // Removed just below; noted in case this process stops first (files-cleanup removes them then).
    await noteRemoved(
      tx,
      [attachment.storageKey, attachment.publicStorageKey].filter((key) => key !== null),
    );
    return [attachment.storageKey, attachment.publicStorageKey];
  });
  // The row is gone, so nobody can reach the bytes any more; a failure here only leaves an orphan file.
  for (const key of keys) {
    if (!key) continue;
    await storage()
      .remove(key)
      .catch((error) => console.error("[attachments] could not remove file", key, error));
  }
}

/** The files of the actor's own response, in the order they were added. */
export async function listOwnAttachments(actor: Actor, responseId: string): Promise<AttachmentSummary[]> {
  const response = await db.response.findFirst({
    where: { id: responseId, authorId: actor.id },
    select: { attachments: { orderBy: byPosition, select: summarySelect } },
  });
  if (!response) throw NotFound();
  return response.attachments;
}

type ResponseAccess = {
  id: string;
  authorId: string | null;
  call: { forumId: string };
  consent: Consent | null;
  attachmentsPrivate: boolean | null;
};

/**
 * How `viewer` may see a response's files: "full" (its author, and those who may read every response of the
 * call's forum: the real file names), or as the
 * public may (lib/responses/public.ts decides: only for a response the public can see, "named" with the
 * file names, "anonymous" the copies without document properties under neutral names), or null.
 */
async function accessOf(viewer: Viewer, response: ResponseAccess, now = new Date()) {
  if (viewer && (viewer.id === response.authorId || can(viewer, "responses.readAll", response.call.forumId))) return "full";
  if (!(await publicResponseIds([response.id], now)).has(response.id)) return null;
  return publicFileAccess(response);
}

/** "CYB26-0042-attachment-2.pdf": says nothing about who wrote the response. */
export function neutralFileName(reference: string | null, position: number, mediaType: string) {
  const kind = kindOfMediaType(mediaType);
  return `${reference ?? "response"}-attachment-${position}${kind ? ALLOWED_TYPES[kind].extension : ""}`;
}

/**
 * The files of a response as `viewer` may see them (an empty list when they may not), with the name to
 * show. For the public response pages and the moderators' views.
 */
export async function listVisibleAttachments(viewer: Viewer, responseId: string): Promise<AttachmentSummary[]> {
  const response = await db.response.findUnique({
    where: { id: responseId },
    select: {
      id: true,
      authorId: true,
      call: { select: { forumId: true } },
      consent: true,
      reference: true,
      attachmentsPrivate: true,
      attachments: { orderBy: byPosition, select: { ...summarySelect, publicStorageKey: true, publicSize: true } },
    },
  });
  const access = response && (await accessOf(viewer, response));
  if (!access) return [];
  return response.attachments.flatMap(({ publicStorageKey, publicSize, ...file }, index) => {
    if (access === "full") return [file];
    const copy = publicCopy(access, { ...file, publicStorageKey, publicSize });
    if (!copy) return [];
    if (access === "named") return [file];
    return [{ ...file, size: copy.size, fileName: neutralFileName(response.reference, index + 1, file.mediaType) }];
  });
}

export type Download = { fileName: string; mediaType: string; size: number; body: Readable | Buffer };

/** A file to download. NotFound, never Forbidden, for what the viewer may not see: ids cannot be probed. */
export async function getAttachmentForDownload(viewer: Viewer, id: string): Promise<Download> {
  const attachment = await db.attachment.findUnique({
    where: { id },
    select: {
      storageKey: true,
      fileName: true,
      mediaType: true,
      size: true,
      publicStorageKey: true,
      publicSize: true,
      response: {
        select: {
          id: true,
          authorId: true,
          call: { select: { forumId: true } },
          consent: true,
          reference: true,
          attachmentsPrivate: true,
          attachments: { orderBy: byPosition, select: { id: true } },
        },
      },
    },
  });
  const access = attachment && (await accessOf(viewer, attachment.response));
  if (!access) throw NotFound();
  const { response } = attachment;
  const fileName =
    access === "anonymous"
      ? neutralFileName(response.reference, response.attachments.findIndex((a) => a.id === id) + 1, attachment.mediaType)
      : attachment.fileName;
  // The public gets the copy publicCopy names (for an anonymous response, the one without document properties), or nothing.
  const copy = access === "full" ? { storageKey: attachment.storageKey, size: attachment.size } : publicCopy(access, attachment);
  const key = copy?.storageKey;
  if (!copy || !key) throw NotFound();
  const { size } = copy;
  try {
    const body = await storage().get(key);
    return { fileName, mediaType: attachment.mediaType, size, body };
  } catch (error) {
    console.error("[attachments] stored file missing", attachment.storageKey, error);
    throw NotFound();
  }
}
