// What the platform holds about a person, for them to download, and the deletion of their account.
// The export is scoped to the acting user by id everywhere and never includes a token (session tokens,
// sign-in tokens) or a storage key. Deleting removes the account, its profile, sessions, reports and outbox
// mail; their submitted responses are either removed (files too) or kept anonymised; drafts are always removed.
// Citations in draft messages keep their copied reference, group, region and quote, and lose the link
// (responseId/excerptId become null by the foreign keys), so a message can say "source removed".
import "server-only";
import { makePublicCopies, neutralFileName } from "@/lib/attachments/attachments";
import { noteRemoved } from "@/lib/attachments/orphans";
import { storage } from "@/lib/attachments/storage";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { removeOutboxMail } from "@/lib/mail/outbox";
import { Conflict, Invalid, NotFound, onField } from "@/lib/errors";
import { notificationPersonalData, releaseEmailJobsOf } from "@/lib/notifications/personal-data";
import { exportComments, removeOrAnonymiseComments } from "@/lib/comments/personal-data";
import type { DeleteAccountInput } from "./personal-data-schemas";

type Actor = Pick<SessionUser, "id">;

export const EXPORT_FORMAT = "igf-consultations/personal-data@1";

export async function exportPersonalData(actor: Actor, now = new Date()) {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: {
      id: true,
      email: true,
      emailVerified: true,
      role: true,
      createdAt: true,
      updatedAt: true,
      profile: {
        select: {
          displayName: true,
          stakeholderGroup: true,
          region: true,
          country: true,
          organisation: true,
          onBehalfOf: true,
          createdAt: true,
          updatedAt: true,
        },
      },
    },
  });
  if (!user) throw NotFound("userNotFound");
  const [sessions, responses, reports, audit, comments] = await Promise.all([
    db.session.findMany({
      where: { userId: actor.id },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, lastSeenAt: true, expires: true, userAgent: true },
    }),
    db.response.findMany({
      where: { authorId: actor.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        reference: true,
        status: true,
        consent: true,
        stakeholderGroup: true,
        region: true,
        country: true,
        organisation: true,
        onBehalfOf: true,
        submittedAt: true,
        withdrawnAt: true,
        version: true,
        moderationState: true,
        hiddenReason: true,
        createdAt: true,
        updatedAt: true,
        call: { select: { slug: true, title: true } },
        answers: {
          orderBy: { question: { position: "asc" } },
          select: { text: true, choices: true, updatedAt: true, question: { select: { position: true, prompt: true } } },
        },
        versions: { orderBy: { version: "asc" }, select: { version: true, consent: true, submittedAt: true, answers: true } },
        attachments: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, fileName: true, mediaType: true, size: true, sha256: true, createdAt: true },
        },
      },
    }),
    db.report.findMany({
      where: { reporterId: actor.id },
      orderBy: { createdAt: "asc" },
      select: {
        reason: true,
        details: true,
        status: true,
        createdAt: true,
        resolvedAt: true,
        response: { select: { reference: true } },
        commentId: true,
      },
    }),
    db.auditEntry.findMany({
      where: { actorId: actor.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, action: true, itemType: true, itemId: true, callId: true, before: true, after: true, createdAt: true },
    }),
    exportComments(actor.id),
  ]);
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    user: { ...user, profile: undefined },
    profile: user.profile,
    sessions,
    responses,
    reports: reports.map(({ response, ...report }) => ({ ...report, responseReference: response?.reference ?? null })),
    comments,
    // The id is a bigint, which JSON cannot carry as a number.
    auditEntries: audit.map((entry) => ({ ...entry, id: entry.id.toString() })),
    notifications: await notificationPersonalData(db, actor.id),
  };
}

export type PersonalData = Awaited<ReturnType<typeof exportPersonalData>>;

export const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Deletes the actor's account after they typed their email. The last administrator is refused. Returns
 * how many responses were removed or kept anonymised (numbers only, as in the audit entry).
 */
export async function deleteAccount(actor: Actor, input: DeleteAccountInput) {
  const { result, email, storageKeys, kept } = await db.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ id: string; email: string; role: SessionUser["role"] }[]>`
      SELECT id, email, role FROM users WHERE id = ${actor.id} FOR UPDATE`;
    if (!user) throw NotFound("userNotFound");
    if (!sameEmail(user.email, input.confirmEmail)) throw onField(Invalid("emailMismatch"), "confirmEmail");
    if (user.role === "ADMIN") {
      // Locked, so two administrators deleting themselves at once cannot leave none.
      const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE role = 'ADMIN' FOR UPDATE`;
      if (admins.length <= 1) throw Conflict("lastAdminDelete");
    }
    const responses = await tx.response.findMany({
      where: { authorId: user.id },
      select: {
        id: true,
        status: true,
        reference: true,
        callId: true,
        clusterId: true,
        attachments: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, storageKey: true, publicStorageKey: true, mediaType: true },
        },
      },
    });
    const removed = input.responses === "remove" ? responses : responses.filter((r) => r.status === "DRAFT");
    const kept = responses.filter((r) => !removed.includes(r));
    if (removed.length) await tx.response.deleteMany({ where: { id: { in: removed.map((r) => r.id) }, authorId: user.id } });
    // A campaign that lost a member is out of date: its call's campaigns page asks for a recompute.
    const reclustered = [...new Set(removed.filter((r) => r.clusterId).map((r) => r.callId))];
    if (reclustered.length) await tx.call.updateMany({ where: { id: { in: reclustered } }, data: { clusteredAt: null } });
    if (kept.length) {
      const ids = kept.map((r) => r.id);
      await tx.response.updateMany({
        where: { id: { in: ids }, consent: "PUBLISH_NAMED" },
        data: { consent: "PUBLISH_ANONYMOUS" },
      });
      await tx.responseVersion.updateMany({
        where: { responseId: { in: ids }, consent: "PUBLISH_NAMED" },
        data: { consent: "PUBLISH_ANONYMOUS" },
      });
      await tx.response.updateMany({
        where: { id: { in: ids } },
        data: { organisation: null, onBehalfOf: null, country: null, lastSubmitKey: null, contributorName: null },
      });
      for (const response of kept) {
        for (const [index, file] of response.attachments.entries()) {
          await tx.attachment.update({
            where: { id: file.id },
            data: { fileName: neutralFileName(response.reference, index + 1, file.mediaType) },
            select: { id: true },
          });
        }
      }
    }
    // Comments follow the same choice as responses (lib/comments/personal-data.ts).
    await removeOrAnonymiseComments(tx, user.id, input.responses);
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    await releaseEmailJobsOf(tx, user.id);
    // Sessions, profile and reports go with the user (cascade); kept responses lose their author (set null).
    await tx.user.delete({ where: { id: user.id }, select: { id: true } });
    const result = {
      responses: input.responses,
      removed: removed.filter((r) => r.status !== "DRAFT").length,
      draftsRemoved: removed.filter((r) => r.status === "DRAFT").length,
      anonymised: kept.length,
    };
    await recordAudit(tx, {
      actor: { id: user.id, role: user.role },
      action: "user.delete",
      itemType: "user",
      itemId: user.id,
      after: result,
    });
    const storageKeys = removed.flatMap((r) =>
      r.attachments.flatMap((file) => [file.storageKey, file.publicStorageKey ?? []].flat()),
    );
    await noteRemoved(tx, storageKeys);
    return { result, email: user.email, kept: kept.map((r) => r.id), storageKeys };
  });
  // The rows are gone; the bytes follow. A file left behind by a crash here is unreachable (no row names it).
  const files = storage();
  await Promise.all(storageKeys.map((key) => files.remove(key).catch((error) => console.error("[deleteAccount] file", error))));
  // Kept responses are now anonymous: their files are published only as copies without document properties.
  for (const id of kept) await makePublicCopies(id);
  // Without SMTP, the person's mail (sign-in links included) sits in the outbox: it goes too.
  await removeOutboxMail(email).catch((error) => console.error("[deleteAccount] outbox", error));
  return result;
}
