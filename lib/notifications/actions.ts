"use server";
// A person's email settings, the follow buttons of calls, and the unsubscribe link of every email.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { isAppError } from "@/lib/errors";
import { parseKindSlug } from "./kinds";
import { followSchema, notificationSettingsSchema, unsubscribeSchema } from "./schemas";
import { followCall, turnOffAllEmails, unfollowCall, unsubscribe, updateNotificationSettings } from "./settings";

export const saveNotificationSettingsAction = defineAction({
  name: "notifications.saveSettings",
  auth: "STAKEHOLDER",
  schema: notificationSettingsSchema,
  run: async (input, { actor }) => {
    await updateNotificationSettings(actor, input);
    revalidatePath("/my/notifications");
    return null;
  },
  message: async () => (await getTranslations("NotificationSettings"))("saved"),
});

export const turnOffAllEmailsAction = defineAction({
  name: "notifications.turnOffAll",
  auth: "STAKEHOLDER",
  schema: z.object({}),
  keepValues: false,
  run: async (_input, { actor }) => {
    await turnOffAllEmails(actor);
    revalidatePath("/my/notifications");
    return null;
  },
  message: async () => (await getTranslations("NotificationSettings"))("allOffDone"),
});

/** Follows (intent "follow") or unfollows (intent "unfollow") a call; answers with the new state. */
export const followCallAction = defineAction({
  name: "notifications.followCall",
  auth: "STAKEHOLDER",
  schema: followSchema,
  run: async ({ callId, intent, from }, { actor }) => {
    const call = intent === "follow" ? await followCall(actor, callId) : await unfollowCall(actor, callId);
    revalidatePath(`/calls/${call.slug}`);
    revalidatePath("/my/notifications");
    return { following: intent === "follow", title: call.title, fromSettings: from === "settings" };
  },
  message: async ({ following, title, fromSettings }) =>
    following
      ? (await getTranslations("FollowCall"))("followed")
      : fromSettings
        ? (await getTranslations("NotificationSettings"))("unfollowed", { title })
        : (await getTranslations("FollowCall"))("unfollowed"),
});

/**
 * The unsubscribe button (no sign-in: the token is the credential, and it can only turn email off). Back to
 * the same page, which then shows the kind as turned off; a link that is not (or no longer) valid shows the
 * "not valid" page there.
 */
export const unsubscribeAction = defineAction({
  name: "notifications.unsubscribe",
  auth: "visitor",
  schema: unsubscribeSchema,
  keepValues: false,
  run: async ({ token, kind: slug }) => {
    const kind = parseKindSlug(slug);
    if (kind) {
      try {
        await unsubscribe(token, kind);
      } catch (error) {
        if (!isAppError(error, "not_found")) throw error;
      }
    }
    redirect(`/unsubscribe/${encodeURIComponent(token)}${slug ? `?kind=${encodeURIComponent(slug)}` : ""}`);
  },
});
