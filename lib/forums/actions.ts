"use server";
// Forums (issue 15): administrators create and edit them; administrators, and facilitators where an
// administrator allowed it, appoint people (the domain functions check canAppoint against the forum).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { toLocale } from "@/lib/i18n/config";
import { appoint, changeAppointment, removeAppointment, type AppointmentOutcome } from "./appointments";
import { createForum, updateForum } from "./forums";
import { removeForumLogo, setForumLogo } from "./logo";
import {
  appointInputSchema,
  appointmentChangeSchema,
  appointmentRemoveSchema,
  forumInputSchema,
  forumLogoSchema,
  forumUpdateSchema,
} from "./schemas";

/** Creates the forum and opens it in its editor. */
export const createForumAction = defineAction({
  name: "forums.create",
  auth: "ADMIN",
  schema: forumInputSchema,
  run: async (input, { actor }) => {
    const forum = await createForum(actor, input);
    revalidatePath("/admin/forums");
    redirect(`/admin/forums/${forum.id}?created=1`);
  },
});

export const updateForumAction = defineAction({
  name: "forums.update",
  auth: "ADMIN",
  schema: forumUpdateSchema,
  run: async (input, { actor }) => {
    const forum = await updateForum(actor, input);
    revalidatePath("/admin/forums");
    revalidatePath(`/moderation/forums/${forum.id}`);
    return { name: forum.name, revision: forum.revision };
  },
  message: async ({ name }) => (await getTranslations("Forums"))("saved", { name }),
});

/** The sentence for the form's live region: what happened to whom. */
async function outcomeMessage({ outcome, person, role, pending }: AppointmentOutcome) {
  const t = await getTranslations("Forums");
  if (outcome === "appointed" && pending) return t("outcomeInvited", { person, role });
  return t(`outcome.${outcome}`, { person, role });
}

const revalidateForum = (forumId: string) => {
  revalidatePath(`/moderation/forums/${forumId}`);
  revalidatePath("/admin/forums");
};

/** Appoints a person by address (inviting them when they have no account); the invitation is written in
 * the language chosen in the form, else the page's. */
export const appointAction = defineAction({
  name: "forums.appoint",
  auth: "STAKEHOLDER",
  schema: appointInputSchema,
  run: async (input, { actor }) => {
    const outcome = await appoint(actor, { ...input, locale: input.locale ?? toLocale(await getLocale()) });
    revalidateForum(input.forumId);
    return outcome;
  },
  message: outcomeMessage,
});

export const changeAppointmentAction = defineAction({
  name: "forums.changeAppointment",
  auth: "STAKEHOLDER",
  schema: appointmentChangeSchema,
  run: async (input, { actor }) => {
    const outcome = await changeAppointment(actor, input);
    revalidateForum(input.forumId);
    return outcome;
  },
  message: outcomeMessage,
});

export const removeAppointmentAction = defineAction({
  name: "forums.removeAppointment",
  auth: "STAKEHOLDER",
  schema: appointmentRemoveSchema,
  keepValues: false,
  run: async (input, { actor }) => {
    const outcome = await removeAppointment(actor, input);
    revalidateForum(input.forumId);
    return outcome;
  },
  message: outcomeMessage,
});

/** Saves the uploaded image as the forum's logo and comes back to the forum's editor saying so. */
export const setForumLogoAction = defineAction({
  name: "forums.logo",
  auth: "ADMIN",
  schema: forumLogoSchema,
  keepValues: false,
  run: async (input, { actor, formData }): Promise<null> => {
    const file = formData.get("logo");
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    await setForumLogo(actor, { forumId: input.forumId, bytes });
    revalidatePath("/", "layout");
    redirect(`/admin/forums/${encodeURIComponent(input.forumId)}?logo=saved`);
  },
});

export const removeForumLogoAction = defineAction({
  name: "forums.logoRemove",
  auth: "ADMIN",
  schema: forumLogoSchema,
  keepValues: false,
  run: async (input, { actor }): Promise<null> => {
    await removeForumLogo(actor, input.forumId);
    revalidatePath("/", "layout");
    redirect(`/admin/forums/${encodeURIComponent(input.forumId)}?logo=removed`);
  },
});
