// One schema for the profile form and the server. Error messages are codes of the "Errors" catalog, their
// limits read from the issue itself (lib/validation/issues.ts), translated where they are shown.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { locales } from "@/lib/i18n/config";
import { displayText } from "@/lib/validation/display";
import { isCountryCode } from "./countries";
import { regionFitsCountry } from "./regions";

export const PROFILE_LIMITS = { displayName: 120, organisation: 200, onBehalfOf: 200 } as const;

export const STAKEHOLDER_GROUPS = Object.values(StakeholderGroup);
export const UN_REGIONS = Object.values(UnRegion);

const optionalText = (max: number) =>
  displayText()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((value) => (value ? value : null));

/** The person's language, for their emails and the site after they sign in (kept on the user: User.locale). */
const localeField = z.enum(locales, { error: "chooseLanguage" });

export const profileInputSchema = z
  .object({
    // Names and organisations are shown on many pages: no bidi overrides or invisible characters.
    displayName: displayText("required")
      .trim()
      .min(1, { error: "required" })
      .max(PROFILE_LIMITS.displayName, { error: "tooLong" }),
    stakeholderGroup: z.enum(StakeholderGroup, { error: "chooseGroup" }),
    region: z.enum(UnRegion, { error: "chooseRegion" }),
    country: text({ error: "chooseCountry" }).trim().toUpperCase().refine(isCountryCode, { error: "chooseCountry" }),
    organisation: optionalText(PROFILE_LIMITS.organisation),
    onBehalfOf: optionalText(PROFILE_LIMITS.onBehalfOf),
    // Left out (a form from before the field, a hand-made post): the language stays as it is.
    locale: localeField.optional(),
  })
  .superRefine((profile, context) => {
    // The region is the country's UN regional group (lib/profile/regions.ts). Someone speaking for a body
    // elsewhere explains the difference in "on behalf of"; nothing else lifts the check.
    if (!profile.country || !profile.region || profile.onBehalfOf) return;
    if (!regionFitsCountry(profile.country, profile.region)) {
      context.addIssue({ code: "custom", path: ["region"], message: "regionMismatch" });
    }
  });

/** What the form holds (before trimming and defaults). */
export type ProfileFormValues = z.input<typeof profileInputSchema>;
export type ProfileInput = z.output<typeof profileInputSchema>;

/** The language alone, as the language switcher saves it for a signed-in person. */
export const localeInputSchema = z.object({ locale: localeField });
