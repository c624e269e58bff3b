// The events that queue email (issue 5). Each queue* function runs INSIDE the transaction of the change
// that causes it (so an event that rolls back queues nothing) and only writes outbox rows (email_jobs) and
// one email-send job per row (lib/jobs, same transaction); nothing is sent here: a worker sends them.
// Events with a large audience (a draft opened, final messages published) are not rendered in the
// publishing transaction: it enqueues one notify-fanout job (queueFanout), which calls the same functions
// in batches of FANOUT_BATCH recipients.
//
// Each email is written in its recipient's language (User.locale, English when not chosen), and carries
// what the worker needs to write it again at send time, in the language the recipient has then
// (./render.ts).
//
// Every job has a dedupe key (one email per user per event): a repeated event queues nothing
// (INSERT … ON CONFLICT ("dedupeKey") DO NOTHING). Users who turned the kind off get nothing; the worker
// checks again at send time. Each function returns how many emails it queued.
// No "server-only" here: the browser tests queue email through these functions, outside Next.js (the
// module holds no secret; it runs on the server only because it needs the database).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { preferenceField } from "./kinds";
import { mailLocale } from "@/lib/mail/locale";
import { callTitleTranslations, versionTitleTranslations } from "@/lib/translations/title-maps";
import { queuedEmail, type EmailTemplate } from "./render";
import { ensurePreferences } from "./tokens";
import { enqueueJob } from "@/lib/jobs/queue";
import { countedResponse } from "@/lib/responses/counted";
import { enqueueEmailRows } from "./worker";

type Tx = Prisma.TransactionClient;

type Recipient = { id: string; email: string; name: string | null; locale: string | null };

/**
 * Writes one job per recipient who has `kind` on: `email` written for the recipient (their name, language
 * and unsubscribe token), filed under `forumId` (the forum the event is about, whose facilitators see the
 * email on the email page). Preference rows (with their token) are created on first need.
 */
async function enqueue(
  tx: Tx,
  kind: NotificationKind,
  forumId: string,
  recipients: Recipient[],
  dedupeKey: (userId: string) => string,
  email: EmailTemplate,
): Promise<number> {
  const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
  const preferences = await ensurePreferences(
    tx,
    unique.map((r) => r.id),
  );
  const data = unique.flatMap((recipient) => {
    const preference = preferences.get(recipient.id);
    if (!preference || !preference[preferenceField[kind]]) return [];
    const written = queuedEmail(email, {
      name: recipient.name,
      token: preference.unsubscribeToken,
      locale: mailLocale(recipient.locale),
    });
    return [{ userId: recipient.id, kind, forumId, to: recipient.email, dedupeKey: dedupeKey(recipient.id), ...written }];
  });
  if (!data.length) return 0;
  // Rows whose dedupe key exists are skipped, and so are their jobs: a repeated event sends nothing twice.
  const created = await tx.emailJob.createManyAndReturn({ data, skipDuplicates: true, select: { id: true } });
  await enqueueEmailRows(
    tx,
    created.map((row) => row.id),
  );
  return created.length;
}

const recipientSelect = { id: true, email: true, locale: true, profile: { select: { displayName: true } } } as const;
const asRecipient = (user: {
  id: string;
  email: string;
  locale: string | null;
  profile: { displayName: string } | null;
}): Recipient => ({
  id: user.id,
  email: user.email,
  name: user.profile?.displayName ?? null,
  locale: user.locale,
});

/** Recipients rendered and written per transaction by the fan-out job. */
export const FANOUT_BATCH = 500;

/** Part of the audience: these user ids only (null: everyone). */
type Page = string[] | null;

/**
 * Authors of the call's responses that count (submitted, not hidden) and its followers (and, with `setId`,
 * authors of comments on the set that moderation did not hide).
 */
async function audience(tx: Tx, callId: string, setId?: string, page: Page = null): Promise<Recipient[]> {
  const users = await tx.user.findMany({
    where: {
      ...(page ? { id: { in: page } } : {}),
      OR: [
        // Hidden responses' authors are not the call's audience (lib/responses/counted.ts), nor hidden comments'.
        { responses: { some: { callId, ...countedResponse } } },
        { follows: { some: { callId } } },
        ...(setId ? [{ comments: { some: { setId, moderationState: { not: "HIDDEN" as const } } } }] : []),
      ],
    },
    orderBy: { id: "asc" },
    select: recipientSelect,
  });
  return users.map(asRecipient);
}

const versionSelect = {
  id: true,
  number: true,
  title: true,
  commentOpensAt: true,
  commentClosesAt: true,
  set: {
    select: { id: true, slug: true, title: true, call: { select: { id: true, title: true, timeZone: true, forumId: true } } },
  },
} as const;

/** A version was published with a comment period: to people who responded to the call or follow it. */
export async function queueDraftOpened(tx: Tx, { versionId }: { versionId: string }, page: Page = null): Promise<number> {
  const version = await tx.messageSetVersion.findUnique({ where: { id: versionId }, select: versionSelect });
  if (!version) return 0;
  const { set } = version;
  const item = {
    slug: set.slug,
    title: version.title ?? set.title,
    number: version.number,
    callTitle: set.call.title,
    timeZone: set.call.timeZone,
    opensAt: version.commentOpensAt,
    closesAt: version.commentClosesAt,
    titles: await versionTitleTranslations(tx, version.id),
    callTitles: await callTitleTranslations(tx, set.call.id),
  };
  return enqueue(
    tx,
    "DRAFT_OPENED",
    set.call.forumId,
    await audience(tx, set.call.id, undefined, page),
    (userId) => `draft-opened:${versionId}:${userId}`,
    { template: "draft-opened", item },
  );
}

const commentSelect = {
  id: true,
  body: true,
  authorId: true,
  paragraphId: true,
  anonymous: true,
  moderationState: true,
  disposition: true,
  dispositionReason: true,
  answer: true,
  answeredAt: true,
  versionId: true,
  set: { select: { slug: true, title: true, call: { select: { forumId: true } } } },
  author: { select: recipientSelect },
} as const;

/** A published reply to a comment: to the parent comment's author (never to the replier themself). */
export async function queueCommentReply(tx: Tx, { replyId }: { replyId: string }): Promise<number> {
  const reply = await tx.comment.findUnique({
    where: { id: replyId },
    select: { ...commentSelect, parent: { select: commentSelect } },
  });
  const parent = reply?.parent;
  // A reply waiting for moderation is not public yet; the author of a removed account gets nothing.
  if (!reply || !parent?.author || reply.moderationState !== "PUBLISHED") return 0;
  if (reply.authorId === parent.authorId) return 0;
  const item = {
    slug: reply.set.slug,
    title: reply.set.title,
    titles: await versionTitleTranslations(tx, reply.versionId),
    paragraphId: reply.paragraphId ?? parent.paragraphId,
    replyId: reply.id,
    body: reply.body,
    replier: reply.anonymous ? null : (reply.author?.profile?.displayName ?? null),
  };
  return enqueue(
    tx,
    "COMMENT_ACTIVITY",
    reply.set.call.forumId,
    [asRecipient(parent.author)],
    (userId) => `comment-reply:${replyId}:${userId}`,
    { template: "comment-reply", item },
  );
}

/** A moderator answered a comment or set/changed its disposition: to the comment's author. */
export async function queueCommentAnswered(tx: Tx, { commentId }: { commentId: string }): Promise<number> {
  const comment = await tx.comment.findUnique({ where: { id: commentId }, select: commentSelect });
  if (!comment?.author || !comment.answeredAt || (!comment.disposition && !comment.answer)) return 0;
  const item = {
    slug: comment.set.slug,
    title: comment.set.title,
    titles: await versionTitleTranslations(tx, comment.versionId),
    paragraphId: comment.paragraphId,
    commentId: comment.id,
    body: comment.body,
    disposition: comment.disposition,
    reason: comment.dispositionReason,
    answer: comment.answer,
  };
  // answeredAt in the key: a changed answer (a new answeredAt) is a new email.
  const answeredAt = comment.answeredAt.toISOString();
  return enqueue(
    tx,
    "COMMENT_ACTIVITY",
    comment.set.call.forumId,
    [asRecipient(comment.author)],
    (userId) => `comment-answered:${commentId}:${answeredAt}:${userId}`,
    { template: "comment-answered", item },
  );
}

/** A version was marked final: to people who responded to the call, follow it, or commented on the set. */
export async function queueFinalPublished(tx: Tx, { versionId }: { versionId: string }, page: Page = null): Promise<number> {
  const version = await tx.messageSetVersion.findUnique({ where: { id: versionId }, select: versionSelect });
  if (!version) return 0;
  const { set } = version;
  const item = {
    slug: set.slug,
    title: version.title ?? set.title,
    number: version.number,
    callTitle: set.call.title,
    titles: await versionTitleTranslations(tx, version.id),
    callTitles: await callTitleTranslations(tx, set.call.id),
  };
  return enqueue(
    tx,
    "FINAL_PUBLISHED",
    set.call.forumId,
    await audience(tx, set.call.id, set.id, page),
    (userId) => `final-published:${versionId}:${userId}`,
    { template: "final-published", item },
  );
}

/**
 * A comment period ended before its announced end (closed early, or cancelled before it opened): to the
 * people it was announced to, with the announced end, the actual time and the reason. The audience is the
 * draft-opened one (responders and followers of the call) and the set's commenters: they were told the end
 * date on the page they commented on, and are the people an early close cuts short. The kind is
 * DRAFT_OPENED, the one that announced the period: whoever turned off being told about comment periods is not
 * told that one ended either. One email per person and version (a period ends early at most once).
 */
export async function queueCommentsClosedEarly(tx: Tx, { versionId }: { versionId: string }, page: Page = null): Promise<number> {
  const version = await tx.messageSetVersion.findUnique({
    where: { id: versionId },
    select: { ...versionSelect, commentClosedEarlyAt: true, commentClosedEarlyReason: true, commentAnnouncedClosesAt: true },
  });
  if (!version?.commentClosedEarlyAt || !version.commentClosedEarlyReason || !version.commentAnnouncedClosesAt) return 0;
  const { set } = version;
  const item = {
    slug: set.slug,
    title: version.title ?? set.title,
    number: version.number,
    callTitle: set.call.title,
    timeZone: set.call.timeZone,
    announcedClosesAt: version.commentAnnouncedClosesAt,
    closedAt: version.commentClosedEarlyAt,
    // Cancelled before it opened: both ends were cleared.
    cancelled: version.commentClosesAt === null,
    reason: version.commentClosedEarlyReason,
    titles: await versionTitleTranslations(tx, version.id),
    callTitles: await callTitleTranslations(tx, set.call.id),
  };
  return enqueue(
    tx,
    "DRAFT_OPENED",
    set.call.forumId,
    await audience(tx, set.call.id, set.id, page),
    (userId) => `comments-closed-early:${versionId}:${userId}`,
    { template: "comments-closed-early", item },
  );
}

export type FanoutEvent = "draft-opened" | "final-published" | "comments-closed-early";

/** Who each fan-out event concerns (with the set's commenters, or not) and what it queues for a batch. */
const FANOUT: Record<FanoutEvent, { commenters: boolean; queue: typeof queueDraftOpened }> = {
  "draft-opened": { commenters: false, queue: queueDraftOpened },
  "final-published": { commenters: true, queue: queueFinalPublished },
  "comments-closed-early": { commenters: true, queue: queueCommentsClosedEarly },
};

/**
 * The notify-fanout job: the event's audience in batches of FANOUT_BATCH, each batch rendered and written
 * (rows and their send jobs) in its own transaction. Idempotent: a retry after a crash skips the rows
 * already written (dedupe keys), so nobody gets a second email. Returns how many emails it queued.
 */
export async function runFanout(
  db: { $transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }): Promise<T> },
  event: FanoutEvent,
  versionId: string,
): Promise<number> {
  const ids = await db.$transaction(async (tx) => {
    const version = await tx.messageSetVersion.findUnique({
      where: { id: versionId },
      select: { set: { select: { id: true, callId: true } } },
    });
    if (!version) return [];
    const setId = FANOUT[event].commenters ? version.set.id : undefined;
    return (await audience(tx, version.set.callId, setId)).map((recipient) => recipient.id);
  });
  const { queue } = FANOUT[event];
  let queued = 0;
  for (let i = 0; i < ids.length; i += FANOUT_BATCH) {
    const batch = ids.slice(i, i + FANOUT_BATCH);
    queued += await db.$transaction((tx) => queue(tx, { versionId }, batch), { timeout: 60_000 });
  }
  return queued;
}

/** In the publishing transaction: one job that will mail everyone the event concerns. */
export async function queueFanout(tx: Tx, event: FanoutEvent, versionId: string): Promise<void> {
  await enqueueJob(tx, "notify-fanout", { event, versionId }, { singletonKey: `${event}:${versionId}` });
}
