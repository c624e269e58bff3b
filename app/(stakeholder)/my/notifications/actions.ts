"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { notificationAction, parseForm } from "@/lib/notifications/action";
import { followSchema, notificationSettingsSchema } from "@/lib/notifications/schemas";
import { followCall, turnOffAllEmails, unfollowCall, updateNotificationSettings } from "@/lib/notifications/settings";

export async function saveNotificationSettingsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return notificationAction("saveNotificationSettings", async () => {
    const user = await authorize();
    await updateNotificationSettings(user, parseForm(notificationSettingsSchema, formData));
    revalidatePath("/my/notifications");
    return { ok: true, data: null, message: (await getTranslations("NotificationSettings"))("saved") };
  });
}

export async function turnOffAllEmailsAction(): Promise<ActionResult> {
  return notificationAction("turnOffAllEmails", async () => {
    const user = await authorize();
    await turnOffAllEmails(user);
    revalidatePath("/my/notifications");
    return { ok: true, data: null, message: (await getTranslations("NotificationSettings"))("allOffDone") };
  });
}

type Following = ActionResult<{ following: boolean }>;

/** Follows (intent "follow") or unfollows (intent "unfollow") a call; answers with the new state. */
export async function followCallAction(_previous: Following | null, formData: FormData): Promise<Following> {
  return notificationAction("followCall", async () => {
    const user = await authorize();
    const { callId, intent } = parseForm(followSchema, formData);
    const call = intent === "follow" ? await followCall(user, callId) : await unfollowCall(user, callId);
    revalidatePath(`/calls/${call.slug}`);
    revalidatePath("/my/notifications");
    const message =
      intent === "follow"
        ? (await getTranslations("FollowCall"))("followed")
        : formData.get("from") === "settings"
          ? (await getTranslations("NotificationSettings"))("unfollowed", { title: call.title })
          : (await getTranslations("FollowCall"))("unfollowed");
    return { ok: true, data: { following: intent === "follow" }, message };
  });
}
