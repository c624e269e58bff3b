// Shared checks of the curation functions: which response and tags a change may touch. Who may curate is
// checked by each function on the forum of what it touches (authorizeIn, lib/auth/permissions.ts):
// "responses.curate" to change, "forum.read" (or "responses.readAll" for a whole response) to read.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import type { ResponseStatus } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/db";

/** The acting user: who (for the audit) and their parts in forums. */
export type Curator = Pick<SessionUser, "id" | "role"> & Partial<Pick<SessionUser, "forums">>;

export const auditActor = (actor: Curator) => ({ id: actor.id, role: actor.role });

type LockedResponse = { id: string; callId: string; status: ResponseStatus; version: number };

/**
 * The response to curate, held with a share lock until commit: the author's submission locks the row for
 * update, so the answer cannot change between our check of its text and the write. Only SUBMITTED ones.
 */
export async function lockSubmittedResponse(tx: DbClient, responseId: string): Promise<LockedResponse> {
  const [row] = await tx.$queryRaw<LockedResponse[]>`
    SELECT id, "callId", status::text AS status, version FROM responses WHERE id = ${responseId} FOR SHARE`;
  if (!row || row.status === "DRAFT") throw NotFound("responseNotFound");
  if (row.status !== "SUBMITTED") throw Conflict("responseNotSubmitted");
  return row;
}

/** Refuses any tag id that is not a tag of `callId` (another call's tag, or none at all). */
export async function requireTagsOfCall(tx: DbClient, callId: string, tagIds: readonly string[]) {
  const unique = [...new Set(tagIds)];
  if (!unique.length) return unique;
  const found = await tx.tag.count({ where: { id: { in: unique }, callId } });
  if (found !== unique.length) throw Invalid("tagOtherCall", { tagIds: ["tagOtherCall"] });
  return unique;
}
