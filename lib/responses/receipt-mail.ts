// The receipt email: the reference number, the call, how the response is published, the identity it is
// filed under, and a link to the receipt page (which shows the answers to the signed-in author only; the
// email itself carries no answers). Queued in the submitting transaction as an outbox row (a service email:
// no notification kind, sent whatever the settings), sent by a worker and retried while the mail server is
// down; one per response version (dedupe key), so a retried job or a replayed submit sends no second one.
import "server-only";
import { createTranslator } from "next-intl";
import { formatInZoneAndUtc } from "@/lib/dates/format";
import type { Consent, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import core from "@/lib/i18n/messages/en/core.json";
import messages from "@/lib/i18n/messages/en/responses.json";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmailRows } from "@/lib/notifications/worker";
import { escapeHtml } from "@/lib/text";

const siteUrl = () => (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");

export type FiledIdentity = {
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
  organisation: string | null;
  onBehalfOf: string | null;
};

type ReceiptInput = {
  to: string;
  responseId: string;
  reference: string;
  callTitle: string;
  version: number;
  /** When it was received, written in the call's zone and UTC (the recipient's zone is unknown). */
  submittedAt: Date;
  timeZone: string;
  consent: Consent;
  identity: FiledIdentity;
  privateFiles?: boolean;
};

export function receiptEmail(input: ReceiptInput) {
  const t = createTranslator({ locale: "en", messages, namespace: "ReceiptEmail" });
  const tc = createTranslator({ locale: "en", messages, namespace: "Consent" });
  const tg = createTranslator({ locale: "en", messages: core, namespace: "StakeholderGroup" });
  const tr = createTranslator({ locale: "en", messages: core, namespace: "UnRegion" });
  const url = `${siteUrl()}/my/responses/${encodeURIComponent(input.responseId)}`;
  const values = { reference: input.reference, call: input.callTitle, version: input.version };
  const subject = t(input.version > 1 ? "subjectEdited" : "subject", values);
  const { stakeholderGroup, region, organisation, onBehalfOf } = input.identity;
  const lines = [
    t(input.version > 1 ? "bodyEdited" : "body", values),
    t("received", { time: formatInZoneAndUtc(input.submittedAt, input.timeZone) }),
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
  return { to: input.to, subject, text, html };
}

/** In the submitting transaction: the receipt as an outbox row and its email-send job. */
export async function queueReceiptMail(
  tx: Pick<Prisma.TransactionClient, "emailJob" | "$queryRawUnsafe">,
  userId: string,
  input: ReceiptInput,
) {
  const created = await tx.emailJob.createManyAndReturn({
    data: [{ userId, kind: null, dedupeKey: `receipt:${input.responseId}:${input.version}`, ...receiptEmail(input) }],
    skipDuplicates: true,
    select: { id: true },
  });
  await enqueueEmailRows(
    tx,
    created.map((row) => row.id),
  );
  return created.length;
}
