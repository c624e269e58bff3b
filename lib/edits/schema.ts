// The revision a form of an editable object posts (lib/edits/revision.ts): the one it was opened at. Optional:
// a post without it is saved without the check. Pure: the forms' schemas include it.
import { z } from "zod";
import { text } from "@/lib/validation/text";

export const revisionSchema = z.object({
  revision: text()
    // A count of saves, or (a comment's answer) the time of the last one in milliseconds.
    .regex(/^\d{1,15}$/, { error: "invalid" })
    .transform(Number)
    .optional(),
});
