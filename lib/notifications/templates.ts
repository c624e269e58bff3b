// The notification emails, in the recipient's language (lib/mail/locale.ts). Rendered when queued, and again
// by the worker when sent (lib/notifications/render.ts), in the language the recipient has then; the item is
// as it was when queued. All user text is escaped in the HTML part; every link is absolute (NEXTAUTH_URL) and
// leads to the page in the recipient's language. Every email ends with an unsubscribe link for its kind and a
// link to the email settings.
import { createTranslator } from "next-intl";
import type { CommentDisposition, ForumRole, NotificationKind } from "@/lib/generated/prisma/enums";
import { formatInZoneAndUtc } from "@/lib/dates/format";
import type { Locale } from "@/lib/i18n/config";
import { formatMailNumber, inLanguage, mailCatalogs, mailDateLocale, mailLink, siteUrl } from "@/lib/mail/locale";
import { escapeHtml } from "@/lib/text";
import { kindSlug } from "./kinds";

export type RenderedEmail = { subject: string; text: string; html: string };

const absolute = (path: string) => `${siteUrl()}${path}`;
export const unsubscribePath = (token: string, kind: NotificationKind) => `/unsubscribe/${token}?kind=${kindSlug(kind)}`;
/** The RFC 8058 one-click address, for the List-Unsubscribe header (an API address: no language). */
export const oneClickUrl = (token: string, kind: NotificationKind) =>
  absolute(`/api/unsubscribe/${token}?kind=${kindSlug(kind)}`);

/** An instant as a template gets it: a Date when queued, its ISO string when rendered again from the row. */
export type Instant = Date | string;

type Block = { text: string; html: string };
const paragraph = (line: string): Block => ({ text: line, html: `<p>${escapeHtml(line)}</p>` });
const quote = (body: string): Block => ({
  text: body
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n"),
  html: `<blockquote style="white-space:pre-wrap">${escapeHtml(body)}</blockquote>`,
});
const link = (label: string, url: string): Block => ({
  text: `${label}: ${url}`,
  html: `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`,
});

/** Who an email is for: their name, their unsubscribe token and their language (English when not given). */
export type Recipient = { name: string | null; token: string; locale?: Locale };

/** The catalog, numbers, dates and links of one language. */
function makeWriter(locale: Locale) {
  const { notifications, core } = mailCatalogs(locale);
  return {
    locale,
    t: createTranslator({ locale, messages: notifications, namespace: "NotificationEmail" }),
    tDisposition: createTranslator({ locale, messages: notifications, namespace: "Disposition" }),
    site: core.Site.name,
    number: (value: number) => formatMailNumber(value, locale),
    // The recipient's zone is unknown: the call's and UTC, each named.
    dateIn: (value: Instant, timeZone: string) => formatInZoneAndUtc(value, timeZone, mailDateLocale(locale)),
    page: (path: string) => mailLink(path, locale),
  };
}
type Writer = ReturnType<typeof makeWriter>;

// One per language, made on first use: a fan-out writes thousands of emails with the same translators.
const writers = new Map<Locale, Writer>();
function writer(locale: Locale = "en") {
  let found = writers.get(locale);
  if (!found) writers.set(locale, (found = makeWriter(locale)));
  return found;
}

function compose(kind: NotificationKind, recipient: Recipient, w: Writer, subject: string, blocks: Block[]): RenderedEmail {
  const { t, site } = w;
  const greeting = recipient.name ? t("greeting", { name: recipient.name }) : t("greetingNoName");
  const unsubscribe = w.page(unsubscribePath(recipient.token, kind));
  const settings = w.page("/my/notifications");
  const body = [paragraph(greeting), ...blocks];
  const text = [
    ...body.map((block) => block.text),
    "--",
    t("footerWhy", { site }),
    t("unsubscribe", { url: unsubscribe }),
    t("settings", { url: settings }),
  ].join("\n\n");
  const html = [
    ...body.map((block) => block.html),
    "<hr>",
    `<p><small>${escapeHtml(t("footerWhy", { site }))}<br>`,
    `<a href="${escapeHtml(unsubscribe)}">${escapeHtml(t("unsubscribeLink"))}</a> · `,
    `<a href="${escapeHtml(settings)}">${escapeHtml(t("settingsLink"))}</a></small></p>`,
  ].join("\n");
  return { subject, text, html: inLanguage(html, w.locale) };
}

export type DraftOpenedItem = {
  slug: string;
  title: string;
  number: number;
  callTitle: string;
  timeZone: string;
  opensAt: Instant | null;
  closesAt: Instant | null;
};

export function draftOpenedEmail(recipient: Recipient, item: DraftOpenedItem): RenderedEmail {
  const w = writer(recipient.locale);
  const { t } = w;
  const number = w.number(item.number);
  const intro =
    item.opensAt && item.closesAt
      ? t("draftOpenedIntro", {
          number,
          title: item.title,
          timeZone: item.timeZone,
          opens: w.dateIn(item.opensAt, item.timeZone),
          closes: w.dateIn(item.closesAt, item.timeZone),
        })
      : t("draftOpenedNoPeriod", { number, title: item.title });
  return compose("DRAFT_OPENED", recipient, w, t("draftOpenedSubject", { title: item.title }), [
    paragraph(intro),
    link(t("draftOpenedLink"), w.page(`/messages/${item.slug}`)),
    paragraph(t("draftOpenedWhy", { call: item.callTitle })),
  ]);
}

export type CommentsClosedEarlyItem = {
  slug: string;
  title: string;
  number: number;
  callTitle: string;
  timeZone: string;
  /** The closing time the period had been announced with. */
  announcedClosesAt: Instant;
  /** When it was closed (or cancelled). */
  closedAt: Instant;
  /** Cancelled before it opened, rather than closed while open. */
  cancelled: boolean;
  reason: string;
};

/** A comment period ended before its announced end: when it was to close, when it did, and why. */
export function commentsClosedEarlyEmail(recipient: Recipient, item: CommentsClosedEarlyItem): RenderedEmail {
  const w = writer(recipient.locale);
  const { t } = w;
  const values = {
    number: w.number(item.number),
    title: item.title,
    announced: w.dateIn(item.announcedClosesAt, item.timeZone),
    closed: w.dateIn(item.closedAt, item.timeZone),
  };
  return compose(
    "DRAFT_OPENED",
    recipient,
    w,
    t(item.cancelled ? "periodCancelledSubject" : "closedEarlySubject", { title: item.title }),
    [
      paragraph(t(item.cancelled ? "periodCancelledIntro" : "closedEarlyIntro", values)),
      paragraph(t("reason", { reason: item.reason })),
      link(t("closedEarlyLink"), w.page(`/messages/${item.slug}`)),
      paragraph(t("finalWhy", { call: item.callTitle })),
    ],
  );
}

/** Where a comment is discussed: its paragraph's thread, or the thread on the whole set. */
export const commentPath = (slug: string, paragraphId: string | null, commentId: string) =>
  `/messages/${slug}/discuss/${paragraphId ?? "set"}#comment-${commentId}`;

export type CommentReplyItem = {
  slug: string;
  title: string;
  paragraphId: string | null;
  replyId: string;
  replier: string | null;
  body: string;
};

export function commentReplyEmail(recipient: Recipient, item: CommentReplyItem): RenderedEmail {
  const w = writer(recipient.locale);
  const { t } = w;
  return compose("COMMENT_ACTIVITY", recipient, w, t("replySubject", { title: item.title }), [
    paragraph(t("replyIntro", { who: item.replier ?? t("anonymousParticipant"), title: item.title })),
    quote(item.body),
    link(t("replyLink"), w.page(commentPath(item.slug, item.paragraphId, item.replyId))),
  ]);
}

export type CommentAnsweredItem = {
  slug: string;
  title: string;
  paragraphId: string | null;
  commentId: string;
  body: string;
  disposition: CommentDisposition | null;
  reason: string | null;
  answer: string | null;
};

export function commentAnsweredEmail(recipient: Recipient, item: CommentAnsweredItem): RenderedEmail {
  const w = writer(recipient.locale);
  const { t, tDisposition } = w;
  const blocks: Block[] = [paragraph(t("answeredIntro", { title: item.title })), paragraph(t("yourComment")), quote(item.body)];
  if (item.disposition) blocks.push(paragraph(t("disposition", { disposition: tDisposition(item.disposition) })));
  if (item.reason) blocks.push(paragraph(t("reason", { reason: item.reason })));
  if (item.answer) blocks.push(paragraph(t("answer")), quote(item.answer));
  blocks.push(
    link(t("answeredLink"), w.page(commentPath(item.slug, item.paragraphId, item.commentId))),
    link(t("tableLink"), w.page(`/messages/${item.slug}/comments`)),
  );
  return compose("COMMENT_ACTIVITY", recipient, w, t("answeredSubject", { title: item.title }), blocks);
}

export type FinalPublishedItem = { slug: string; title: string; number: number; callTitle: string };

export function finalPublishedEmail(recipient: Recipient, item: FinalPublishedItem): RenderedEmail {
  const w = writer(recipient.locale);
  const { t } = w;
  return compose("FINAL_PUBLISHED", recipient, w, t("finalSubject", { title: item.title }), [
    paragraph(t("finalIntro", { number: w.number(item.number), title: item.title })),
    link(t("finalLink"), w.page(`/messages/${item.slug}`)),
    paragraph(t("finalWhy", { call: item.callTitle })),
  ]);
}

// Forum appointments (issue 15, lib/forums/appointment-mail.ts): service emails, sent whatever the person's
// notification settings (no kind, so no unsubscribe link), written in the person's language.

export type ForumAppointedItem = {
  forumId: string;
  forumName: string;
  role: ForumRole;
  /** A part changed (facilitator ↔ observer), rather than a new appointment. */
  changed: boolean;
  /** The person has never signed in: the email invites them to, with this address. */
  invited: boolean;
};

export type ForumRemovedItem = { forumId: string; forumName: string; role: ForumRole };

const forumTranslator = (locale: Locale) =>
  createTranslator({ locale, messages: mailCatalogs(locale).notifications, namespace: "ForumEmail" });

/** Greeting, blocks and a footer saying why the email came, for a service email about a forum. */
function composeForumEmail(recipient: Pick<Recipient, "name" | "locale">, subject: string, blocks: Block[]): RenderedEmail {
  const w = writer(recipient.locale);
  const t = forumTranslator(w.locale);
  const greeting = recipient.name ? w.t("greeting", { name: recipient.name }) : w.t("greetingNoName");
  const body = [paragraph(greeting), ...blocks];
  const footer = t("footer", { site: w.site });
  return {
    subject,
    text: [...body.map((block) => block.text), "--", footer].join("\n\n"),
    html: inLanguage(
      [...body.map((block) => block.html), "<hr>", `<p><small>${escapeHtml(footer)}</small></p>`].join("\n"),
      w.locale,
    ),
  };
}

export function forumAppointedEmail(recipient: Pick<Recipient, "name" | "locale">, item: ForumAppointedItem): RenderedEmail {
  const w = writer(recipient.locale);
  const t = forumTranslator(w.locale);
  const values = { forum: item.forumName, role: item.role, site: w.site };
  const blocks = [
    paragraph(t(item.changed ? "changedIntro" : "appointedIntro", values)),
    paragraph(t("partExplained", { role: item.role })),
    item.invited
      ? [
          paragraph(t("invitation", values)),
          link(t("signInLink"), w.page(`/signin?callbackUrl=${encodeURIComponent("/moderation")}`)),
        ]
      : [link(t("moderationLink"), w.page("/moderation"))],
  ].flat();
  return composeForumEmail(recipient, t(item.changed ? "changedSubject" : "appointedSubject", values), blocks);
}

export function forumRemovedEmail(recipient: Pick<Recipient, "name" | "locale">, item: ForumRemovedItem): RenderedEmail {
  const w = writer(recipient.locale);
  const t = forumTranslator(w.locale);
  const values = { forum: item.forumName, role: item.role, site: w.site };
  return composeForumEmail(recipient, t("removedSubject", values), [paragraph(t("removedIntro", values))]);
}
