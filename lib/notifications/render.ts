// Emails are written in their recipient's language at the moment they are sent, not when they are queued:
// someone who changes their language before an email goes out gets it in the new one. An outbox row
// (email_jobs) is written when queued, complete and in the language known then, and it keeps what the
// worker needs to write it again in its `template` column: the template's name and its item (the call, the
// comment, … as they were when queued). The worker (./worker.ts) writes the email again in the recipient's
// language of that moment; a row without a template (queued before this, or written by hand) is sent as it
// is. No "server-only": the worker and events.ts run outside Next.js too.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import type { TitleTranslations } from "@/lib/translations/title-maps";
import { renderReceipt, type ReceiptItem } from "@/lib/responses/receipt-template";
import {
  commentAnsweredEmail,
  commentReplyEmail,
  commentsClosedEarlyEmail,
  draftOpenedEmail,
  finalPublishedEmail,
  forumAppointedEmail,
  forumRemovedEmail,
  type CommentAnsweredItem,
  type CommentReplyItem,
  type CommentsClosedEarlyItem,
  type DraftOpenedItem,
  type FinalPublishedItem,
  type ForumAppointedItem,
  type ForumRemovedItem,
  type RenderedEmail,
} from "./templates";

/** The moderators' translations of the titles an item names, by locale (lib/translations/title-maps.ts). */
type Titles = { titles?: TitleTranslations; callTitles?: TitleTranslations };

/** An email as the worker can write it again: which template, with which item. */
export type EmailTemplate =
  | { template: "receipt"; item: ReceiptItem & Titles }
  | { template: "draft-opened"; item: DraftOpenedItem & Titles }
  | { template: "comment-reply"; item: CommentReplyItem & Titles }
  | { template: "comment-answered"; item: CommentAnsweredItem & Titles }
  | { template: "final-published"; item: FinalPublishedItem & Titles }
  | { template: "comments-closed-early"; item: CommentsClosedEarlyItem & Titles }
  | { template: "forum-appointed"; item: ForumAppointedItem }
  | { template: "forum-removed"; item: ForumRemovedItem };

/** The item with the titles it names in `locale`, where they were translated. */
function titledIn<T extends Titles & { title?: string; callTitle?: string }>(item: T, locale: string): T {
  const title = item.titles?.[locale];
  const callTitle = item.callTitles?.[locale];
  return { ...item, ...(title ? { title } : {}), ...(callTitle ? { callTitle } : {}) };
}

/** The person an email is for, as they are when it is written: their language, name and unsubscribe token
 * (receipts use neither the name nor the token). */
export type Addressee = { locale: Locale; name: string | null; token: string };

export function renderTemplate(email: EmailTemplate, to: Addressee): RenderedEmail {
  switch (email.template) {
    case "receipt":
      return renderReceipt(titledIn(email.item, to.locale), to.locale);
    case "draft-opened":
      return draftOpenedEmail(to, titledIn(email.item, to.locale));
    case "comment-reply":
      return commentReplyEmail(to, titledIn(email.item, to.locale));
    case "comment-answered":
      return commentAnsweredEmail(to, titledIn(email.item, to.locale));
    case "final-published":
      return finalPublishedEmail(to, titledIn(email.item, to.locale));
    case "comments-closed-early":
      return commentsClosedEarlyEmail(to, titledIn(email.item, to.locale));
    case "forum-appointed":
      return forumAppointedEmail(to, email.item);
    case "forum-removed":
      return forumRemovedEmail(to, email.item);
  }
}

const TEMPLATES = new Set<string>([
  "receipt",
  "draft-opened",
  "comment-reply",
  "comment-answered",
  "final-published",
  "comments-closed-early",
  "forum-appointed",
  "forum-removed",
]);

/** The email for the outbox row: written for `to` now, with its template for the worker (the `template` column). */
export function queuedEmail(email: EmailTemplate, to: Addressee) {
  return { ...renderTemplate(email, to), template: email as unknown as Prisma.InputJsonValue };
}

/** The template an outbox row carries, or null (a row without one, or one that does not parse). */
export function templateOf(value: unknown): EmailTemplate | null {
  if (typeof value !== "object" || value === null) return null;
  const { template, item } = value as { template?: unknown; item?: unknown };
  if (typeof template !== "string" || !TEMPLATES.has(template) || typeof item !== "object" || item === null) return null;
  return value as EmailTemplate;
}

/**
 * The email to send for an outbox row: written again for `to` when the row carries its template, else (or
 * should writing it fail) as stored.
 */
export function emailToSend(row: RenderedEmail & { template: unknown }, to: Addressee): RenderedEmail {
  const email = templateOf(row.template);
  if (email) {
    try {
      return renderTemplate(email, to);
    } catch (error) {
      console.error(`[email] a ${email.template} email could not be written again; sending it as queued`, error);
    }
  }
  return { subject: row.subject, text: row.text, html: row.html };
}
