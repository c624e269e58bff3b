// The receipt email: queued in the submitting transaction as an outbox row (a service email: no
// notification kind, sent whatever the settings), sent by a worker and retried while the mail server is
// down; one per response version (dedupe key), so a retried job or a replayed submit sends no second one.
// It is written in the author's language (User.locale, English when not chosen): when queued, and again
// when sent (lib/notifications/render.ts), so a language changed in between applies. The text itself is
// ./receipt-template.ts.
import "server-only";
import type { DbClient } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { mailLocale } from "@/lib/mail/locale";
import { queuedEmail } from "@/lib/notifications/render";
import { enqueueEmailRows } from "@/lib/notifications/worker";
import { renderReceipt, type ReceiptInput } from "./receipt-template";

export type { FiledIdentity } from "./receipt-template";

/** The receipt as sent to `input.to`, in `locale` (English by default). */
export function receiptEmail({ to, ...item }: ReceiptInput, locale: Locale = "en") {
  return { to, ...renderReceipt(item, locale) };
}

/** In the submitting transaction: the receipt as an outbox row and its email-send job. */
export async function queueReceiptMail(
  tx: Pick<DbClient, "emailJob" | "user" | "response" | "$queryRawUnsafe">,
  userId: string,
  { to, ...item }: ReceiptInput,
) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { locale: true } });
  // Filed under the call's forum, whose facilitators see it on the email page.
  const response = await tx.response.findUnique({
    where: { id: item.responseId },
    select: { call: { select: { forumId: true } } },
  });
  const email = queuedEmail({ template: "receipt", item }, { locale: mailLocale(user?.locale), name: null, token: "" });
  const created = await tx.emailJob.createManyAndReturn({
    data: [
      {
        userId,
        kind: null,
        dedupeKey: `receipt:${item.responseId}:${item.version}`,
        forumId: response?.call.forumId ?? null,
        to,
        ...email,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  await enqueueEmailRows(
    tx,
    created.map((row) => row.id),
  );
  return created.length;
}
