// The forms of the notification settings, follow buttons, unsubscribe page and email admin.
import { z } from "zod";
import { text } from "@/lib/validation/text";

/** An unchecked checkbox sends nothing; a checked one "on". */
const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

export const notificationSettingsSchema = z.object({
  draftOpened: checkbox,
  commentActivity: checkbox,
  finalPublished: checkbox,
});
export type NotificationSettingsInput = z.output<typeof notificationSettingsSchema>;

export const followSchema = z.object({
  callId: text().trim().min(1).max(64),
  intent: z.enum(["follow", "unfollow"]),
  /** The settings page's "Unfollow" buttons, whose confirmation names the call. */
  from: z.literal("settings").optional().catch(undefined),
});

/** Tokens are 32 random bytes in base64url: 43 characters. */
export const UNSUBSCRIBE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const unsubscribeSchema = z.object({
  token: text().regex(UNSUBSCRIBE_TOKEN),
  kind: text().max(40).optional(),
});

export const retryEmailSchema = z.object({ jobId: text().regex(/^\d{1,18}$/) });

/** A pg-boss job: its queue and uuid. */
export const retryJobSchema = z.object({
  queue: text().regex(/^[a-z-]{1,40}$/),
  jobId: text().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
});
