// The receipt email: the reference number, the call, and a link to the receipt page (which shows the
// answers to the signed-in author only; the email itself carries no answers).
import "server-only";
import { createTranslator } from "next-intl";
import messages from "@/lib/i18n/messages/en/responses.json";
import { sendMail } from "@/lib/mail/send";
import { escapeHtml } from "@/lib/text";

const siteUrl = () => (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");

export async function sendReceiptMail(input: {
  to: string; responseId: string; reference: string; callTitle: string; version: number;
}) {
  const t = createTranslator({ locale: "en", messages, namespace: "ReceiptEmail" });
  const url = `${siteUrl()}/my/responses/${encodeURIComponent(input.responseId)}`;
  const values = { reference: input.reference, call: input.callTitle, version: input.version };
  const subject = t(input.version > 1 ? "subjectEdited" : "subject", values);
  const body = t(input.version > 1 ? "bodyEdited" : "body", values);
  const text = `${body}\n\n${t("link")}\n${url}\n\n${t("footer")}\n`;
  const html =
    `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(t("link"))}</a></p>` +
    `<p>${escapeHtml(t("footer"))}</p>`;
  await sendMail({ to: input.to, subject, text, html });
}
