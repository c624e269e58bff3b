// The events that queue email (issue 5). Each queue* function runs INSIDE the transaction of the change
// that causes it (so an event that rolls back queues nothing) and only writes EmailJob rows; nothing is
// sent here. After the transaction commits, the caller calls kickEmailWorker(), which sends in the
// background and never blocks or fails the user's request.
//
// INTERIM: the bodies below queue nothing yet; the notifications work (lib/notifications/*) replaces them.
// Callers (comments, versions) already call them at the right places with these signatures.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** A version was published with a comment period: to people who responded to the call or follow it. */
export async function queueDraftOpened(_tx: Tx, _input: { versionId: string }): Promise<number> {
  return 0;
}

/** A published reply to a comment: to the parent comment's author (never to the replier themself). */
export async function queueCommentReply(_tx: Tx, _input: { replyId: string }): Promise<number> {
  return 0;
}

/** A moderator answered a comment or set/changed its disposition: to the comment's author. */
export async function queueCommentAnswered(_tx: Tx, _input: { commentId: string }): Promise<number> {
  return 0;
}

/** A version was marked final: to people who responded to the call, follow it, or commented on the set. */
export async function queueFinalPublished(_tx: Tx, _input: { versionId: string }): Promise<number> {
  return 0;
}

/** Starts sending what is queued, in the background, after the response (never awaited by callers). */
export function kickEmailWorker(): void {}
