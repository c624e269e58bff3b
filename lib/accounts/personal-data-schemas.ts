// Deleting one's account: one schema for the form and the server.
import { z } from "zod";
import { text } from "@/lib/validation/text";

export const RESPONSE_CHOICES = ["remove", "anonymise"] as const;
export type ResponseChoice = (typeof RESPONSE_CHOICES)[number];

export const deleteAccountSchema = z.object({
  responses: z.enum(RESPONSE_CHOICES, { error: "chooseResponses" }),
  // Typed by hand as the confirmation; compared with the account's email on the server.
  confirmEmail: text({ error: "typeEmail" }).trim().min(1, { error: "typeEmail" }).max(320, { error: "typeEmail" }),
});

export type DeleteAccountInput = z.output<typeof deleteAccountSchema>;
export type DeleteAccountFormValues = z.input<typeof deleteAccountSchema>;
