// One schema for each forum form and the server (issue 15): an administrator's forum editor, and the
// appointment forms of a forum's people page. Error messages are codes of the "Errors" catalog; limits come
// from the issues themselves (lib/validation/issues.ts). Pure: the client forms import it.
import { z } from "zod";
import { revisionSchema } from "@/lib/edits/schema";
import { ForumKind, ForumRole } from "@/lib/generated/prisma/enums";
import { locales } from "@/lib/i18n/config";
import { displayText } from "@/lib/validation/display";
import { text } from "@/lib/validation/text";

/** Every limit of a forum, stated once. */
export const FORUM_LIMITS = {
  /** A forum's name as listed: "BPF Cybersecurity 2026". */
  name: 120,
  /** The forum's address in the open data API (/api/v1/forums/<slug>). */
  slug: 60,
  /** A few paragraphs: what the forum works on. */
  description: 2_000,
  /** The longest email address (RFC 5321). */
  email: 254,
  /** The publication template: "about the forum" (Markdown) and its contact block, on the final messages. */
  publicationAbout: 4_000,
  publicationContact: 1_000,
  /** The logo: a PNG or JPEG of at most 512 KB. */
  logoBytes: 512 * 1024,
} as const;

export const FORUM_KINDS = Object.values(ForumKind);
export const FORUM_ROLES = Object.values(ForumRole);

// Control characters (a tab, a bell, a line break pasted from another program) have no place in a name or
// an address; a description keeps its line breaks and tabs.
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LAYOUT = /(?![\t\n\r])\p{Cc}/u;

/** Ids posted back by the forms (cuids); a longer or stranger one is no id of ours. */
const id = text({ error: "required" }).trim().min(1, { error: "required" }).max(64, { error: "notFound" });

/** An email address, lower-cased, as the sign-in form takes it. */
const email = text({ error: "invalidEmail" })
  .trim()
  .toLowerCase()
  .refine((value) => !CONTROL.test(value), { error: "controlCharacters", abort: true })
  .max(FORUM_LIMITS.email, { error: "invalidEmail" })
  .pipe(z.email({ error: "invalidEmail" }));

/** A checkbox: true from the form library, "true" or "on" from a posted form, absent when unticked. */
const checkbox = z
  .union([z.boolean(), text()])
  .optional()
  .transform((value) => value === true || value === "true" || value === "on");

export const forumInputSchema = z.object({
  // Shown beside other people's text on many pages: no bidi overrides or invisible characters.
  name: displayText("required")
    .trim()
    .refine((value) => !CONTROL.test(value), { error: "controlCharacters", abort: true })
    .min(1, { error: "required" })
    .max(FORUM_LIMITS.name, { error: "tooLong" }),
  slug: text({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(FORUM_LIMITS.slug, { error: "tooLong" })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slugFormat" }),
  kind: z.enum(ForumKind, { error: "chooseForumKind" }),
  description: text({ error: "text" })
    .trim()
    .refine((value) => !CONTROL_BUT_LAYOUT.test(value), { error: "controlCharacters", abort: true })
    .max(FORUM_LIMITS.description, { error: "tooLong" })
    .default(""),
  /** Where the public reaches the facilitators; empty for none. */
  contactEmail: text({ error: "invalidEmail" })
    .trim()
    .toLowerCase()
    .refine((value) => !CONTROL.test(value), { error: "controlCharacters", abort: true })
    .max(FORUM_LIMITS.email, { error: "invalidEmail" })
    .refine((value) => value === "" || z.email().safeParse(value).success, { error: "invalidEmail" })
    .default(""),
  facilitatorsMayAppoint: checkbox,
  /** The publication template; absent (a form from before it): empty. */
  publicationAbout: text({ error: "text" })
    .trim()
    .refine((value) => !CONTROL_BUT_LAYOUT.test(value), { error: "controlCharacters", abort: true })
    .max(FORUM_LIMITS.publicationAbout, { error: "tooLong" })
    .default(""),
  publicationContact: text({ error: "text" })
    .trim()
    .refine((value) => !CONTROL_BUT_LAYOUT.test(value), { error: "controlCharacters", abort: true })
    .max(FORUM_LIMITS.publicationContact, { error: "tooLong" })
    .default(""),
});
export type ForumInput = z.output<typeof forumInputSchema>;
export type ForumFormValues = z.input<typeof forumInputSchema>;

export const forumUpdateSchema = forumInputSchema.extend({ forumId: id, ...revisionSchema.shape });

/** The logo forms: the forum (the image file is read by the action, and checked by lib/forums/logo.ts). */
export const forumLogoSchema = z.object({ forumId: id });
export type ForumUpdateInput = z.output<typeof forumUpdateSchema>;

/** Appointing someone by email. `locale`: the language of the invitation, kept as a new person's language. */
export const appointInputSchema = z.object({
  forumId: id,
  email,
  role: z.enum(ForumRole, { error: "chooseForumRole" }),
  locale: z.enum(locales, { error: "chooseLanguage" }).optional(),
});
export type AppointInput = z.output<typeof appointInputSchema>;
export type AppointFormValues = z.input<typeof appointInputSchema>;

/** A new part for one appointment of the forum. */
export const appointmentChangeSchema = z.object({
  forumId: id,
  appointmentId: id,
  role: z.enum(ForumRole, { error: "chooseForumRole" }),
});
export type AppointmentChangeInput = z.output<typeof appointmentChangeSchema>;

export const appointmentRemoveSchema = z.object({ forumId: id, appointmentId: id });
export type AppointmentRemoveInput = z.output<typeof appointmentRemoveSchema>;
