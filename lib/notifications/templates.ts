// The emails, rendered when they are queued (the item as it was then). English for now: users have no
// language setting yet. All user text is escaped in the HTML part; every link is absolute (NEXTAUTH_URL).
// Every email ends with an unsubscribe link for its kind and a link to the email settings.
import { createTranslator } from "next-intl";
import type { CommentDisposition, NotificationKind } from "@/lib/generated/prisma/enums";
import messages from "@/lib/i18n/messages/en/notifications.json" with { type: "json" };
import core from "@/lib/i18n/messages/en/core.json" with { type: "json" };
import { formatInZoneAndUtc } from "@/lib/dates/format";
import { escapeHtml } from "@/lib/text";
import { kindSlug } from "./kinds";

export type RenderedEmail = { subject: string; text: string; html: string };

const t = createTranslator({ locale: "en", messages, namespace: "NotificationEmail" });
const tDisposition = createTranslator({ locale: "en", messages, namespace: "Disposition" });

/** The site's origin for links in emails, without a trailing slash. */
export function siteUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

export const absolute = (path: string) => `${siteUrl()}${path}`;
export const unsubscribePath = (token: string, kind: NotificationKind) => `/unsubscribe/${token}?kind=${kindSlug(kind)}`;
/** The RFC 8058 one-click address, for the List-Unsubscribe header. */
export const oneClickUrl = (token: string, kind: NotificationKind) =>
  absolute(`/api/unsubscribe/${token}?kind=${kindSlug(kind)}`);

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

type Recipient = { name: string | null; token: string };

function compose(kind: NotificationKind, recipient: Recipient, subject: string, blocks: Block[]): RenderedEmail {
  const greeting = recipient.name ? t("greeting", { name: recipient.name }) : t("greetingNoName");
  const unsubscribe = absolute(unsubscribePath(recipient.token, kind));
  const settings = absolute("/my/notifications");
  const site = core.Site.name;
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
  return { subject, text, html };
}

export function draftOpenedEmail(
  recipient: Recipient,
  item: {
    slug: string;
    title: string;
    number: number;
    callTitle: string;
    timeZone: string;
    opensAt: Date | null;
    closesAt: Date | null;
  },
): RenderedEmail {
  const intro =
    item.opensAt && item.closesAt
      ? t("draftOpenedIntro", {
          number: item.number,
          title: item.title,
          timeZone: item.timeZone,
          // The recipient's zone is unknown: the call's and UTC, each named.
          opens: formatInZoneAndUtc(item.opensAt, item.timeZone),
          closes: formatInZoneAndUtc(item.closesAt, item.timeZone),
        })
      : t("draftOpenedNoPeriod", { number: item.number, title: item.title });
  return compose("DRAFT_OPENED", recipient, t("draftOpenedSubject", { title: item.title }), [
    paragraph(intro),
    link(t("draftOpenedLink"), absolute(`/messages/${item.slug}`)),
    paragraph(t("draftOpenedWhy", { call: item.callTitle })),
  ]);
}

/** Where a comment is discussed: its paragraph's thread, or the thread on the whole set. */
export const commentPath = (slug: string, paragraphId: string | null, commentId: string) =>
  `/messages/${slug}/discuss/${paragraphId ?? "set"}#comment-${commentId}`;

export function commentReplyEmail(
  recipient: Recipient,
  item: { slug: string; title: string; paragraphId: string | null; replyId: string; replier: string | null; body: string },
): RenderedEmail {
  return compose("COMMENT_ACTIVITY", recipient, t("replySubject", { title: item.title }), [
    paragraph(t("replyIntro", { who: item.replier ?? t("anonymousParticipant"), title: item.title })),
    quote(item.body),
    link(t("replyLink"), absolute(commentPath(item.slug, item.paragraphId, item.replyId))),
  ]);
}

export function commentAnsweredEmail(
  recipient: Recipient,
  item: {
    slug: string;
    title: string;
    paragraphId: string | null;
    commentId: string;
    body: string;
    disposition: CommentDisposition | null;
    reason: string | null;
    answer: string | null;
  },
): RenderedEmail {
  const blocks: Block[] = [paragraph(t("answeredIntro", { title: item.title })), paragraph(t("yourComment")), quote(item.body)];
  if (item.disposition) blocks.push(paragraph(t("disposition", { disposition: tDisposition(item.disposition) })));
  if (item.reason) blocks.push(paragraph(t("reason", { reason: item.reason })));
  if (item.answer) blocks.push(paragraph(t("answer")), quote(item.answer));
  blocks.push(
    link(t("answeredLink"), absolute(commentPath(item.slug, item.paragraphId, item.commentId))),
    link(t("tableLink"), absolute(`/messages/${item.slug}/comments`)),
  );
  return compose("COMMENT_ACTIVITY", recipient, t("answeredSubject", { title: item.title }), blocks);
}

export function finalPublishedEmail(
  recipient: Recipient,
  item: { slug: string; title: string; number: number; callTitle: string },
): RenderedEmail {
  return compose("FINAL_PUBLISHED", recipient, t("finalSubject", { title: item.title }), [
    paragraph(t("finalIntro", { number: item.number, title: item.title })),
    link(t("finalLink"), absolute(`/messages/${item.slug}`)),
    paragraph(t("finalWhy", { call: item.callTitle })),
  ]);
}
