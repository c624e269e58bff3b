import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { escapeHtml } from "@/lib/text";
import { inLanguage, mailCatalogs } from "./locale";
import { sendMail } from "./send";

/**
 * The magic-link email, in the language of the page the link was asked for from (`locale`; the address may
 * have no account yet, so no language of its own). Without SMTP the link is also printed, since the console
 * is all a demo user has.
 */
export async function sendSignInLink({
  to,
  url,
  host,
  locale = "en",
}: {
  to: string;
  url: string;
  host: string;
  locale?: Locale;
}) {
  const t = createTranslator({ locale, messages: mailCatalogs(locale).core, namespace: "SignInEmail" });
  const subject = t("subject", { host });
  const text = t("text", { host, url });
  const html = inLanguage(
    `<p>${escapeHtml(t("intro", { host }))}</p><p><a href="${escapeHtml(url)}">${escapeHtml(t("button"))}</a></p><p>${escapeHtml(
      t("ignore"),
    )}</p>`,
    locale,
  );
  const result = await sendMail({ to, subject, text, html });
  if (result.delivered === "outbox") console.info(`[auth] Sign-in link for ${to}: ${url}`);
}
