import { createTranslator } from "next-intl";
import messages from "@/lib/i18n/messages/en/core.json";
import { escapeHtml } from "@/lib/text";
import { sendMail } from "./send";

/** The magic-link email. Without SMTP the link is also printed, since the console is all a demo user has. */
export async function sendSignInLink({ to, url, host }: { to: string; url: string; host: string }) {
  const t = createTranslator({ locale: "en", messages, namespace: "SignInEmail" });
  const subject = t("subject", { host });
  const text = t("text", { host, url });
  const html = `<p>${escapeHtml(t("intro", { host }))}</p><p><a href="${escapeHtml(url)}">${escapeHtml(
    t("button"),
  )}</a></p><p>${escapeHtml(t("ignore"))}</p>`;
  const result = await sendMail({ to, subject, text, html });
  if (result.delivered === "outbox") console.info(`[auth] Sign-in link for ${to}: ${url}`);
}
