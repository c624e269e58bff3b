// The interface text of a language: one catalog file per area, merged. Each file holds whole namespaces
// (top-level keys), so areas never edit each other's files. To add a language, copy messages/en/.
import type { Locale } from "./config";

const AREAS = [
  "core",
  "errors",
  "calls",
  "responses",
  "public",
  "attachments",
  "moderation-tools",
  "campaigns",
  "exports",
  "insights",
  "moderation",
  "coding",
  "messages",
  "developers",
  "final",
  "notifications",
  "comments",
  "versions",
  "languages",
  "forums",
  "editing",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    AREAS.map(async (area) => (await import(`./messages/${locale}/${area}.json`)).default as Record<string, unknown>),
  );
  return Object.assign({}, ...parts);
}
