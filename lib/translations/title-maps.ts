// The translated titles of a call or of a message set version, by locale, for emails: kept with the email's
// item when it is queued, so the worker writes the title in the recipient's language (lib/notifications/
// render.ts). No "server-only": the outbox is written from the worker and from the browser tests too.
import type { DbClient } from "@/lib/db";

export type TitleTranslations = Partial<Record<string, string>>;

export async function callTitleTranslations(
  client: Pick<DbClient, "callTranslation">,
  callId: string,
): Promise<TitleTranslations> {
  const rows = await client.callTranslation.findMany({ where: { callId }, select: { locale: true, title: true } });
  return Object.fromEntries(rows.filter((row) => row.title).map((row) => [row.locale, row.title]));
}

export async function versionTitleTranslations(
  client: Pick<DbClient, "messageSetVersionTranslation">,
  versionId: string,
): Promise<TitleTranslations> {
  const rows = await client.messageSetVersionTranslation.findMany({
    where: { versionId },
    select: { locale: true, title: true },
  });
  return Object.fromEntries(rows.filter((row) => row.title).map((row) => [row.locale, row.title]));
}
