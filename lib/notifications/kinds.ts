// The three kinds of email a user can turn off, how each is named in links (?kind=draft-opened) and which
// NotificationPreference column holds it. Shared by the queue, the worker, the unsubscribe page and settings.
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export type PreferenceField = "draftOpened" | "commentActivity" | "finalPublished";

export const KINDS: readonly NotificationKind[] = ["DRAFT_OPENED", "COMMENT_ACTIVITY", "FINAL_PUBLISHED"];

export const preferenceField: Record<NotificationKind, PreferenceField> = {
  DRAFT_OPENED: "draftOpened",
  COMMENT_ACTIVITY: "commentActivity",
  FINAL_PUBLISHED: "finalPublished",
};

const slugs: Record<NotificationKind, string> = {
  DRAFT_OPENED: "draft-opened",
  COMMENT_ACTIVITY: "comment-activity",
  FINAL_PUBLISHED: "final-published",
};

export const kindSlug = (kind: NotificationKind) => slugs[kind];

/** "draft-opened" → DRAFT_OPENED; "all" or nothing → "all"; anything else → null (a broken link). */
export function parseKindSlug(value: string | null | undefined): NotificationKind | "all" | null {
  if (value === undefined || value === null || value === "" || value === "all") return "all";
  return KINDS.find((kind) => slugs[kind] === value) ?? null;
}
