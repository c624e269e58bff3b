// The receipt email as written, in the author's language (lib/mail/locale.ts): the reference number, the
// call, how the response is published, the identity it is filed under, and a link to the receipt page in
// that language (which shows the answers to the signed-in author only; the email itself carries no answers).
// Queued by ./receipt-mail.ts and written again by the worker when sent (lib/notifications/render.ts).
// No "server-only": the worker, which renders it at send time, runs outside Next.js too.
import { createTranslator } from "next-intl";
import { formatInZoneAndUtc } from "@/lib/dates/format";
import type { Consent, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { formatMailNumber, inLanguage, mailCatalogs, mailDateLocale, mailLink } from "@/lib/mail/locale";
import { escapeHtml } from "@/lib/text";

export type FiledIdentity = {
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
  organisation: string | null;
  onBehalfOf: string | null;
};

/** What a receipt says, whatever its language. */
export type ReceiptItem = {
  responseId: string;
  reference: string;
  callTitle: string;
  version: number;
  /** When it was received, written in the call's zone and UTC (the recipient's zone is unknown); an ISO
   * string when rendered again from the outbox row. */
  submittedAt: Date | string;
  timeZone: string;
  consent: Consent;
  identity: FiledIdentity;
  privateFiles?: boolean;
  /** The call's title as moderators translated it, by locale (the worker writes the one of the recipient). */
  callTitles?: Partial<Record<string, string>>;
};

export type ReceiptInput = ReceiptItem & { to: string };

/** The receipt in `locale` (English by default). */
export function renderReceipt(input: ReceiptItem, locale: Locale = "en") {
  const { responses, core } = mailCatalogs(locale);
  const t = createTranslator({ locale, messages: responses, namespace: "ReceiptEmail" });
  const tc = createTranslator({ locale, messages: responses, namespace: "Consent" });
  const tg = createTranslator({ locale, messages: core, namespace: "StakeholderGroup" });
  const tr = createTranslator({ locale, messages: core, namespace: "UnRegion" });
  const url = mailLink(`/my/responses/${encodeURIComponent(input.responseId)}`, locale);
  const values = { reference: input.reference, call: input.callTitle, version: formatMailNumber(input.version, locale) };
  const subject = t(input.version > 1 ? "subjectEdited" : "subject", values);
  const { stakeholderGroup, region, organisation, onBehalfOf } = input.identity;
  const lines = [
    t(input.version > 1 ? "bodyEdited" : "body", values),
    t("received", { time: formatInZoneAndUtc(input.submittedAt, input.timeZone, mailDateLocale(locale)) }),
    t("consent", { consent: tc(input.consent) }),
    ...(input.consent === "PUBLISH_ANONYMOUS" ? [t(input.privateFiles ? "filesPrivate" : "filesStripped")] : []),
    t("identity", {
      group: stakeholderGroup ? tg(stakeholderGroup) : "—",
      region: region ? tr(region) : "—",
      organisation: organisation ?? "—",
      onBehalfOf: onBehalfOf ?? "—",
    }),
  ];
  const text = `${lines.join("\n\n")}\n\n${t("link")}\n${url}\n\n${t("footer")}\n`;
  // One paragraph a line: short lines keep the link whole in the quoted-printable body.
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(t("link"))}</a></p>`,
    `<p>${escapeHtml(t("footer"))}</p>`,
  ].join("\n");
  return { subject, text, html: inLanguage(html, locale) };
}
