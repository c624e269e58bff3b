// What the two downloads of the final messages share: their text (English catalogue, as the emails), the
// site's address for absolute links, dates and suppressed counts written out, and the file names.
import "server-only";
import { createTranslator } from "next-intl";
import { formatDate } from "@/lib/dates/format";
import core from "@/lib/i18n/messages/en/core.json";
import final from "@/lib/i18n/messages/en/final.json";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { SMALL_CELL, type PublicCount } from "@/lib/insights/suppression";
import type { FinalMessages } from "./final";

/** The files a final set can be downloaded as (the last part of /messages/<slug>/download/<file>). */
export const FINAL_FILES = { "final.pdf": "application/pdf", "final.md": "text/markdown; charset=utf-8" } as const;
export type FinalFile = keyof typeof FINAL_FILES;
export const isFinalFile = (name: string): name is FinalFile => Object.hasOwn(FINAL_FILES, name);

/** A generated PDF larger than this is not sent (a set of hundreds of paragraphs is well under 2 MB). */
export const MAX_FINAL_PDF_BYTES = 20 * 1024 * 1024;

export const siteUrl = () => (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");

export const responseUrl = (reference: string) => `${siteUrl()}/responses/${encodeURIComponent(reference)}`;
export const messagesUrl = (slug: string) => `${siteUrl()}/messages/${encodeURIComponent(slug)}`;

export function documentText() {
  const t = createTranslator({ locale: "en", messages: final, namespace: "FinalMessages" });
  const tGroup = createTranslator({ locale: "en", messages: core, namespace: "StakeholderGroup" });
  const tRegion = createTranslator({ locale: "en", messages: core, namespace: "UnRegion" });
  return {
    t,
    group: (group: StakeholderGroup) => tGroup(group),
    region: (region: UnRegion) => tRegion(region),
    count: (value: PublicCount) => (value === null ? t("fewer", { n: SMALL_CELL }) : String(value)),
    date: (date: Date) => formatDate(date, { locale: "en-GB", timeZone: "UTC" }),
  };
}

export type DocumentText = ReturnType<typeof documentText>;

/** The lines about the call: where the messages come from and its thematic track. */
export function callLines(set: FinalMessages, text: DocumentText) {
  const call = set.callDetails;
  if (!call) return [];
  return [
    text.t("documentCall", { title: call.title, forum: call.forumName }),
    ...(call.thematicTrack ? [text.t("documentTrack", { track: call.thematicTrack })] : []),
  ];
}

/** "Civil Society · Africa" for a source (either may be missing). */
export const sourceLabel = (source: { stakeholderGroup: StakeholderGroup | null; region: UnRegion | null }, text: DocumentText) =>
  [source.stakeholderGroup && text.group(source.stakeholderGroup), source.region && text.region(source.region)]
    .filter(Boolean)
    .join(" · ");

/** "Organisation (on behalf of X)" as the contributors page joins them. */
export const organisationText = (person: { organisation: string | null; onBehalfOf: string | null }) =>
  [person.organisation, person.onBehalfOf].filter(Boolean).join(" / ");
